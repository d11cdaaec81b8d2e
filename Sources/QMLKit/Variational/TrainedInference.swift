import QuantumSim

/// Inference circuits of trained models, bound to numbers: what a device runs when a model is
/// trained on a simulator and evaluated on hardware ("train on the simulator, infer on the
/// device"), and the classical post-processing that turns the measured readout expectations into
/// the model's outputs.
extension VariationalCircuit {
  /// The circuit for input `x` with every symbol bound (data and trained weights), measured on
  /// every qubit (bit q = qubit q).
  /// - Throws: `ModelError.invalidData` for a wrong weight count or a bad input.
  public func boundCircuit(_ x: [Double], weights: [Double]) throws -> Circuit {
    guard weights.count == weightCount else {
      throw ModelError.invalidData("expected \(weightCount) weights, got \(weights.count)")
    }
    return measuredConstant(circuit, try encoded.bindings(x) + weights)
  }
}

/// `c` with its symbols (in order) set to `values`, as a circuit of numbers only (no symbol
/// declarations), measured on every qubit.
func measuredConstant(_ c: Circuit, _ values: [Double]) -> Circuit {
  let bound = c.binding(Dictionary(uniqueKeysWithValues: zip(c.symbols, values)))
  var out = Circuit(qubits: c.qubitCount)
  for g in bound.gates { out.append(g) }
  out.measureAll()
  return out
}

extension VariationalClassifier {
  /// The bound, measured circuit of output circuit `output` (0 for two classes; one-vs-rest
  /// output k otherwise) for input `x`, at the trained weights.
  /// - Throws: `ModelError.notFitted` before a fit.
  public func inferenceCircuit(_ x: [Double], output: Int) throws -> Circuit {
    guard let model, weights.indices.contains(output) else { throw ModelError.notFitted }
    return try model.boundCircuit(x, weights: weights[output])
  }

  /// Class scores from readout expectations (one row per input, one value per output circuit),
  /// as `scores` computes them from simulated expectations.
  public func scores(expectations: [[Double]]) -> [[Double]] {
    weights.count == 1 ? expectations.map { [(1 - $0[0]) / 2, (1 + $0[0]) / 2] } : expectations
  }
}

extension VariationalRegressor {
  /// The bound, measured circuit for input `x` at the trained weights.
  /// - Throws: `ModelError.notFitted` before a fit.
  public func inferenceCircuit(_ x: [Double]) throws -> Circuit {
    guard let model else { throw ModelError.notFitted }
    return try model.boundCircuit(x, weights: weights)
  }

  /// Predictions ŷ = offset + scale · s from readout expectations s, as `predict` computes them.
  public func predictions(expectations s: [Double]) -> [Double] {
    s.map { offset + scale * $0 }
  }
}

extension HybridClassifier {
  /// The bound, measured circuit for input `x`: the trained input layer's angles and the
  /// trained ansatz weights (nil for the identity control, which runs no circuit).
  /// - Throws: `ModelError.notFitted` before a fit.
  public func inferenceCircuit(_ x: [Double]) throws -> Circuit? {
    guard let layers else { throw ModelError.notFitted }
    guard let circuit = try circuit() else { return nil }
    guard x.count == layers.features else {
      throw ModelError.invalidData("a sample has \(x.count) feature(s); the model expects \(layers.features)")
    }
    let angles = layers.forwardPre(x, parameters).angles
    let weights = Array(parameters[layers.circuitOffset..<(layers.circuitOffset + layers.circuitWeights)])
    return measuredConstant(circuit.circuit, angles + weights)
  }

  /// Class probabilities from ⟨Z_q⟩ of every qubit (one row per input), through the trained
  /// output layer, as `scores` computes them from simulated expectations.
  /// - Throws: `ModelError.notFitted` before a fit; `invalidData` for a row of the wrong width.
  public func scores(expectations z: [[Double]]) throws -> [[Double]] {
    guard let layers else { throw ModelError.notFitted }
    return try z.map { row in
      guard row.count == qubits else { throw ModelError.invalidData("expected \(qubits) expectations per row, got \(row.count)") }
      return layers.probabilities(row, parameters)
    }
  }
}
