/// The JSON Schema (draft 2020-12) of the spec format, for editors that validate and complete YAML.
///
/// Built from the same vocabulary and enums the loader uses, so names cannot drift. The loader
/// is stricter (cross-references, qubit limits, paths); the schema covers keys, types, enums
/// and ranges.
public enum SpecSchema {
  /// The `$id` of the schema.
  public static let id = "urn:qlift:spec-schema:1"

  /// The schema document.
  public static func document() -> JSONValue {
    .object([
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": .string(id),
      "title": "qlift claim spec",
      "description": "One claim: a quantum model's lift over tuned classical baselines, its data, backends, seeds and pass criteria. See docs/SPEC.md.",
      "type": "object",
      "additionalProperties": false,
      "required": ["claim", "title", "dataset", "quantum", "baselines", "backends", "criteria"],
      "properties": .object([
        "claim": ref("safeId", "Claim id; becomes a file name."),
        "title": ["type": "string", "description": "One-line title."],
        "task": [
          "type": "string", "enum": .array(ClaimTask.allCases.map { .string($0.rawValue) }), "default": "classification",
          "description": "What the models learn: classification (default), regression or generative. It decides the dataset, models, baselines and metrics a claim may use.",
        ],
        "hypothesis": ["type": "string", "description": "The hypothesis in prose."],
        "dataset": ["description": "The data (classification) or the target distribution (task generative)."],
        "quantum": ["type": "array", "minItems": 1, "description": "Quantum models (Born machines for task generative)."],
        "baselines": ["type": "array", "minItems": 1, "description": "Classical baselines of the claim's task."],
        "backends": ["type": "array", "minItems": 1, "items": ref("backend")],
        "seeds": [
          "type": "array", "minItems": 2, "maxItems": 1000, "uniqueItems": true,
          "items": ["type": "integer", "minimum": 0, "maximum": 2_147_483_647], "default": [1, 2, 3, 4, 5],
        ],
        "criteria": ref("criteria"),
        "expect": enumOf(ExpectedVerdict.allCases.map(\.rawValue), default: "supported"),
      ]),
      "$defs": .object(defs().merging(generativeDefs()) { a, _ in a }),
      // The task decides the dataset, the model and baseline kinds, the metrics and the lift's
      // range (docs/SPEC.md, "task" and "task: generative").
      "allOf": [
        [
          "if": ["properties": ["task": ["const": "generative"]], "required": ["task"]],
          "then": ["properties": [
            "dataset": ref("generativeDataset"),
            "quantum": ["items": ref("bornMachine")],
            "baselines": ["items": ref("generativeBaseline")],
            "criteria": ["properties": ["metric": enumOf(metrics(.generative))]],
          ]],
          "else": ["properties": [
            "dataset": ref("dataset"),
            "quantum": ["items": ref("quantumModel")],
            "baselines": ["items": ref("baseline")],
          ]],
        ],
        [
          "if": ["properties": ["task": ["const": "regression"]], "required": ["task"]],
          "then": ["properties": ["criteria": ["properties": ["metric": enumOf(metrics(.regression))]]]],
        ],
        [
          "if": ["properties": ["task": ["enum": ["regression", "generative"]]], "required": ["task"]],
          "else": ["properties": ["criteria": ["properties": [
            "metric": enumOf(metrics(.classification)),
            "lift": ["properties": ["min": number(min: -1, max: 1)]],
            "regression": ["properties": ["lift_drop": number(min: 0, max: 1)]],
          ]]]],
        ],
      ],
    ])
  }

  /// The metric names of one task.
  static func metrics(_ task: ClaimTask) -> [String] { MetricName.allCases.filter { $0.task == task }.map(\.rawValue) }

  /// The definitions of a generative claim's dataset, Born machines and baselines.
  static func generativeDefs() -> [String: JSONValue] {
    let bits = number(min: 1, max: 12, integer: true)
    let baselines = GenerativeBaselineName.allCases.map { b -> JSONValue in
      let item: JSONValue = b == .bernoulliMixture || b == .rbm ? number(min: 1, max: 64, integer: true) : number(exclusiveMin: 0)
      return object([
        "id": ref("safeId"), "model": ["const": .string(b.rawValue)],
        "grid": object([b.gridKey: listOrOne(item)], required: [b.gridKey]),
      ], required: ["model"])
    }
    return [
      "generativeDataset": object([
        "target": ["oneOf": [
          object(["kind": ["const": "bars_and_stripes"], "rows": bits, "cols": bits], required: ["kind", "rows", "cols"]),
          object(["kind": ["const": "cardinality"], "n": bits, "k": number(min: 0, max: 12, integer: true)], required: ["kind", "n", "k"]),
          object([
            "kind": ["const": "ising"], "n": bits, "J": number(min: -100, max: 100, default: 1),
            "h": number(min: -100, max: 100, default: 0), "temperature": number(min: 0.01, max: 1000, default: 1),
          ], required: ["kind", "n"]),
        ]],
        "train_samples": number(min: 8, max: 1_000_000, integer: true),
        "evaluation_samples": number(min: 2, max: 10_000_000, integer: true),
      ], required: ["target", "train_samples"]),
      "bornMachine": object([
        "id": ref("safeId"), "kind": ["const": "born_machine"],
        "depth": listOrOne(number(min: 1, max: 50, integer: true)),
        "pairs": enumOf(["line", "ring"], default: "line"),
        "bandwidths": listOrOne(number(exclusiveMin: 0)),
        "training": object([
          "iterations": number(min: 1, max: 100_000, integer: true, default: 100),
          "learning_rate": number(exclusiveMin: 0, exclusiveMax: 10, default: 0.1),
        ]),
      ], required: ["id", "kind"]),
      "generativeBaseline": ["oneOf": .array(baselines)],
    ]
  }

  /// The schema as pretty-printed JSON.
  public static func jsonString() -> String { document().jsonString() }

  // MARK: - Pieces

  static func ref(_ name: String, _ description: String? = nil) -> JSONValue {
    var o: [String: JSONValue] = ["$ref": .string("#/$defs/\(name)")]
    if let description { o["description"] = .string(description) }
    return .object(o)
  }

  static func enumOf(_ names: [String], default d: String? = nil) -> JSONValue {
    var o: [String: JSONValue] = ["type": "string", "enum": .array(names.map { .string($0) })]
    if let d { o["default"] = .string(d) }
    return .object(o)
  }

  static func number(min: Double? = nil, exclusiveMin: Double? = nil, max: Double? = nil, exclusiveMax: Double? = nil,
    integer: Bool = false, default d: Double? = nil) -> JSONValue {
    var o: [String: JSONValue] = ["type": integer ? "integer" : "number"]
    if let min { o["minimum"] = .number(min) }
    if let exclusiveMin { o["exclusiveMinimum"] = .number(exclusiveMin) }
    if let max { o["maximum"] = .number(max) }
    if let exclusiveMax { o["exclusiveMaximum"] = .number(exclusiveMax) }
    if let d { o["default"] = .number(d) }
    return .object(o)
  }

  static func object(_ props: [String: JSONValue], required: [String] = []) -> JSONValue {
    var o: [String: JSONValue] = ["type": "object", "additionalProperties": false, "properties": .object(props)]
    if !required.isEmpty { o["required"] = .array(required.map { .string($0) }) }
    return .object(o)
  }

  static func listOrOne(_ item: JSONValue) -> JSONValue {
    ["oneOf": [item, ["type": "array", "minItems": 1, "items": item]]]
  }

  static func parameter(_ p: SpecVocabulary.Parameter) -> JSONValue {
    var o: [String: JSONValue] = ["type": p.integer ? "integer" : "number", "description": .string(p.summary)]
    if p.exclusiveMinimum { o["exclusiveMinimum"] = .number(p.minimum) } else { o["minimum"] = .number(p.minimum) }
    if p.exclusiveMaximum { o["exclusiveMaximum"] = .number(p.maximum) } else { o["maximum"] = .number(p.maximum) }
    if let d = p.defaultValue { o["default"] = .number(d) }
    guard !p.names.isEmpty else { return .object(o) }
    return ["oneOf": [.object(o), enumOf(p.names)]]
  }

  static func defs() -> [String: JSONValue] {
    let entanglement = enumOf(Entanglement.allCases.map(\.rawValue) + ["ring"], default: "linear")
    let dataPath: JSONValue = ["type": "string", "minLength": 1, "description": "Path relative to the spec file, inside the project folder."]
    let names: JSONValue = ["type": "array", "minItems": 1, "items": ["type": "string"]]
    let generatorRules: [JSONValue] = SpecVocabulary.generatorNames.map { name in
      let params = SpecVocabulary.generators[name] ?? []
      return [
        "if": ["properties": ["generator": ["const": .string(name)]], "required": ["generator"]],
        "then": ["properties": ["params": object(Dictionary(uniqueKeysWithValues: params.map { ($0.name, parameter($0)) }))]],
      ]
    }
    let baselineNames = BaselineModel.allCases.map { ($0.rawValue, $0) } + BaselineModel.aliases.sorted { $0.key < $1.key }
    let gridRules: [JSONValue] = baselineNames.map { name, model in
      let params = SpecVocabulary.baselineGrids[model] ?? []
      var then: [String: JSONValue] = [
        "properties": ["grid": object(Dictionary(uniqueKeysWithValues: params.map { ($0.name, listOrOne(parameter($0))) }))]
      ]
      // `of` names the quantum model a dequantized baseline copies; no other model takes it.
      if !model.isDequantized { then["not"] = ["required": ["of"]] }
      return [
        "if": ["properties": ["model": ["const": .string(name)]], "required": ["model"]],
        "then": .object(then),
      ]
    }
    let piExpression: JSONValue = ["type": "string", "pattern": "^[+-]?([0-9.]+\\*?)?(pi|π)(/[0-9.]+)?$"]
    return [
      "safeId": ["type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$", "maxLength": 100],
      "dataset": [
        "type": "object", "additionalProperties": false,
        "properties": [
          "generator": enumOf(SpecVocabulary.generatorNames),
          "params": ["type": "object"],
          "samples": number(min: 2, max: Double(SpecVocabulary.maxSamples), integer: true),
          "csv": dataPath, "train": dataPath, "test": dataPath,
          "target": ["type": "string"], "features": names,
          "test_fraction": number(exclusiveMin: 0, exclusiveMax: 1, default: 0.3),
          "preprocess": ["type": "array", "items": ref("preprocessStep")],
        ],
        "oneOf": [
          ["required": ["generator", "samples"], "not": ["anyOf": [["required": ["csv"]], ["required": ["train"]], ["required": ["test"]], ["required": ["target"]], ["required": ["features"]]]]],
          ["required": ["csv", "target"], "not": ["anyOf": [["required": ["generator"]], ["required": ["train"]], ["required": ["test"]], ["required": ["params"]], ["required": ["samples"]]]]],
          ["required": ["train", "test", "target"], "not": ["anyOf": [["required": ["generator"]], ["required": ["csv"]], ["required": ["test_fraction"]], ["required": ["params"]], ["required": ["samples"]]]]],
        ],
        "allOf": .array(generatorRules),
      ],
      "preprocessStep": [
        "oneOf": [
          ["const": "standardize"],
          object(["scale": ["type": "array", "minItems": 2, "maxItems": 2, "items": ["oneOf": [["type": "number"], piExpression]]]], required: ["scale"]),
          object(["pca": number(min: 1, max: 1000, integer: true)], required: ["pca"]),
          object(["select": names], required: ["select"]),
        ]
      ],
      "encoding": [
        "oneOf": [
          enumOf(EncodingMap.allCases.map(\.rawValue)),
          object([
            "map": enumOf(EncodingMap.allCases.map(\.rawValue)),
            "reps": listOrOne(number(min: 1, max: 100, integer: true, default: 1)),
            "entanglement": entanglement,
            "alpha": listOrOne(number(exclusiveMin: 0, max: 100, default: 2)),
            "paulis": ["type": "array", "minItems": 1, "items": ["type": "string", "pattern": "^[XYZ]{1,4}$"]],
            "rotation": enumOf(Rotation.allCases.map(\.rawValue), default: "ry"),
          ], required: ["map"]),
        ]
      ],
      "quantumModel": [
        "type": "object", "additionalProperties": false, "required": ["id", "kind", "encoding"],
        "properties": [
          "id": ref("safeId"),
          "kind": enumOf(QuantumModelKind.allCases.map(\.rawValue)),
          "encoding": ref("encoding"),
          "svm": object(["C": listOrOne(number(exclusiveMin: 0))]),
          "ridge": object(["alpha": listOrOne(number(exclusiveMin: 0))]),
          "gamma": listOrOne(number(exclusiveMin: 0)),
          "ansatz": object([
            "type": enumOf(AnsatzType.allCases.map(\.rawValue)),
            "layers": listOrOne(number(min: 1, max: 1000, integer: true, default: 2)),
            "entanglement": entanglement,
            "entangler": enumOf(Entangler.allCases.map(\.rawValue), default: "cz"),
          ], required: ["type"]),
          "readout": object(["observable": enumOf(ReadoutObservable.allCases.map(\.rawValue), default: "z0")]),
          "qubits": number(min: 1, max: 30, integer: true),
          "pre": object([
            "layer": enumOf(PreLayerKind.allCases.map(\.rawValue), default: "linear"),
            "hidden": number(min: 1, max: 256, integer: true, default: 8),
            "activation": enumOf(ActivationName.allCases.map(\.rawValue), default: "tanh"),
          ]),
          "layers": listOrOne(number(min: 1, max: 1000, integer: true, default: 3)),
          "entangler": enumOf(UploadEntangler.allCases.map(\.rawValue), default: "cz"),
          "training": object([
            "optimizer": enumOf(OptimizerName.allCases.map(\.rawValue), default: "adam"),
            "learning_rate": listOrOne(number(exclusiveMin: 0, max: 10, default: 0.05)),
            "tolerance": number(min: 0, max: 1, default: 0.0001),
            "patience": ["type": "integer", "minimum": 1, "maximum": 100_000, "default": 10],
            "iterations": number(min: 1, max: 100_000, integer: true, default: 100),
            "loss": enumOf(LossName.allCases.map(\.rawValue), default: "cross_entropy"),
            "batch_size": number(min: 1, max: 1_000_000, integer: true),
            "early_stopping": ["type": "boolean", "default": false],
          ]),
        ],
        "allOf": [
          ["if": ["properties": ["kind": ["const": "variational"]], "required": ["kind"]],
           "then": ["required": ["ansatz"], "not": ["anyOf": [["required": ["svm"]], ["required": ["ridge"]], ["required": ["gamma"]], ["required": ["qubits"]]]]]],
          ["if": ["properties": ["kind": ["const": "hybrid"]], "required": ["kind"]],
           "then": ["required": ["ansatz"], "not": ["anyOf": [["required": ["svm"]], ["required": ["ridge"]], ["required": ["gamma"]], ["required": ["readout"]]]]]],
          ["if": ["properties": ["kind": ["const": "reuploading"]], "required": ["kind"]],
           "then": ["not": ["anyOf": [["required": ["svm"]], ["required": ["ridge"]], ["required": ["gamma"]], ["required": ["ansatz"]], ["required": ["pre"]]]]]],
          ["if": ["properties": ["kind": ["enum": ["kernel", "projected_kernel"]]], "required": ["kind"]],
           "then": ["not": ["anyOf": [["required": ["ansatz"]], ["required": ["readout"]], ["required": ["training"]], ["required": ["qubits"]]]]]],
          ["if": ["not": ["properties": ["kind": ["const": "hybrid"]]]], "then": ["not": ["required": ["pre"]]]],
          ["if": ["not": ["properties": ["kind": ["const": "reuploading"]]]],
           "then": ["not": ["anyOf": [["required": ["layers"]], ["required": ["entangler"]]]]]],
          ["if": ["properties": ["kind": ["const": "kernel"]], "required": ["kind"]],
           "then": ["not": ["required": ["gamma"]]]],
        ],
      ],
      "baseline": [
        "type": "object", "additionalProperties": false, "required": ["model"],
        "properties": [
          "id": ref("safeId"),
          "model": enumOf(baselineNames.map(\.0)),
          "scale": [
            "enum": .array(BaselineScaling.allCases.map { .string($0.rawValue) }), "default": "standard",
            "description": "Feature scaling in front of the model, fitted on each training part: standard (default; none for random_forest and rff_quantum) or none.",
          ],
          "of": ref("safeId", "rff_quantum only: the quantum model whose encoding it dequantizes (default: the claim's first quantum model)."),
          "grid": ["type": "object"],
        ],
        "allOf": .array(gridRules),
      ],
      "backend": [
        "type": "object", "additionalProperties": false, "required": ["id"],
        "properties": [
          "id": ref("safeId"),
          "simulator": enumOf(SimulatorMethod.allCases.map(\.rawValue)),
          "device": ref("safeId", "Device profile id (specs/devices/<id>.yaml)."),
          "hardware": ref("safeId", "Device profile id; scored from imported counts."),
          "shots": ["oneOf": [number(min: 1, max: Double(SpecVocabulary.maxShots), integer: true), ["const": "exact"]]],
          "noise": object([
            "depolarizing": number(min: 0, max: 1), "depolarizing2": number(min: 0, max: 1),
            "readout": number(min: 0, max: 0.5), "amplitude_damping": number(min: 0, max: 1),
            "phase_damping": number(min: 0, max: 1), "t1": number(exclusiveMin: 0), "t2": number(exclusiveMin: 0),
            "gate_time_1q_ns": number(exclusiveMin: 0), "gate_time_2q_ns": number(exclusiveMin: 0),
          ]),
          "mitigation": listOrOne(enumOf(["none", "readout", "zne"])),
          "measure_diagonal": ["type": "boolean", "default": false],
        ],
        "oneOf": [
          ["required": ["simulator"], "not": ["anyOf": [["required": ["device"]], ["required": ["hardware"]]]]],
          ["required": ["device"], "not": ["anyOf": [["required": ["simulator"]], ["required": ["hardware"]], ["required": ["noise"]]]]],
          ["required": ["hardware"], "not": ["anyOf": [["required": ["simulator"]], ["required": ["device"]], ["required": ["noise"]]]]],
        ],
      ],
      "criteria": object([
        "metric": enumOf(MetricName.allCases.map(\.rawValue), default: "balanced_accuracy"),
        "lift": object([
          "min": ["type": "number", "description": "The smallest lift the lower confidence bound must reach: in [-1, 1] for classification metrics, in the target's units for rmse and mae."],
          "over": ["type": "string", "default": "best_baseline", "description": "best_baseline, a baseline id or model name, or another quantum model's id (an ablation)."],
          "model": ["type": "string", "description": "The quantum model whose lift decides the claim (default: the first listed)."],
          "confidence": number(exclusiveMin: 0, exclusiveMax: 1, default: 0.95),
          "on": listOrOne(ref("safeId")),
          "interval": enumOf(IntervalMethod.allCases.map(\.rawValue), default: "student_t"),
        ], required: ["min"]),
        "cost": object([
          "max_qubits": number(min: 1, max: Double(SpecVocabulary.maxQubits), integer: true),
          "max_depth": number(min: 1, integer: true),
          "max_two_qubit_gates": number(min: 0, integer: true),
          "max_shots": number(exclusiveMin: 0),
          "max_runtime_seconds": number(exclusiveMin: 0),
          "max_cloud_usd": number(min: 0),
          "max_qpu_seconds": number(exclusiveMin: 0),
          "max_executions": number(exclusiveMin: 0),
        ]),
        "regression": object([
          "lift_drop": number(min: 0, default: 0.02),
          "cost_rise": number(min: 0, max: 1000, default: 0.1),
        ]),
      ], required: ["lift"]),
    ]
  }
}
