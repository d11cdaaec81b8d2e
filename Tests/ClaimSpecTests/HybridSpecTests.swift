import ClaimSpec
import Foundation
import Testing

/// Loading and lint of the `hybrid` and `reuploading` model kinds.
@Suite struct HybridSpecTests {
  static func model(_ lines: [String], lift: String = "  lift: {min: 0.05}") -> String {
    spec([9: lines.joined(separator: "\n"), 10: "", 11: "", 18: lift])
  }

  @Test func aHybridModelLoadsWithItsLayers() throws {
    let claim = try SpecLoader.load(yaml: Self.model([
      "  - id: dressed", "    kind: hybrid", "    encoding: angle", "    qubits: 3",
      "    pre: {layer: mlp, hidden: 5, activation: relu}", "    ansatz: {type: hardware_efficient, layers: 2}",
      "    training: {learning_rate: [0.05, 0.1], iterations: 30}",
    ], lift: "  lift: {min: 0.0, over: dressed-identity}"))
    let m = claim.quantum[0]
    #expect(m.kind == .hybrid && m.qubits == 3)
    #expect(m.pre == PreLayerSpec(layer: .mlp, hidden: 5, activation: .relu))
    #expect(m.ansatz?.layers == 2 && m.readout == nil && m.uploads == nil)
    #expect(m.circuitQubits(features: 13) == 3)
    #expect(claim.criteria.lift.over == .quantumModel("dressed-identity"))
    #expect(ClaimRigor.configurations(m) == 2)
  }

  @Test func aReuploadingModelLoadsItsUploads() throws {
    let claim = try SpecLoader.load(yaml: Self.model([
      "  - id: reup", "    kind: reuploading", "    encoding: angle", "    layers: [1, 4]", "    entangler: none",
      "    readout: {observable: z0}",
    ]))
    let m = claim.quantum[0]
    #expect(m.kind == .reuploading && m.qubits == nil && m.circuitQubits(features: 2) == 1)
    #expect(m.uploads?.layers == 4 && m.uploads?.layersGrid == [1, 4] && m.uploads?.entangler == UploadEntangler.none)
    #expect(m.ansatz == nil && m.readout?.observable == .z0)
    #expect(ClaimRigor.configurations(m) == 2)
  }

  @Test("bad combinations are located errors", arguments: [
    (["  - id: h", "    kind: hybrid", "    encoding: angle", "    ansatz: {type: hardware_efficient}", "    svm: {C: 1}"], 13, "'svm' only applies to kernel"),
    (["  - id: h", "    kind: hybrid", "    encoding: angle", "    ansatz: {type: hardware_efficient}", "    readout: {observable: z0}"], 13, "'readout' does not apply to kind hybrid"),
    (["  - id: h", "    kind: hybrid", "    encoding: angle", "    ansatz: {type: hardware_efficient}", "    layers: 3"], 13, "'layers' only applies to reuploading"),
    (["  - id: h", "    kind: hybrid", "    encoding: zz", "    ansatz: {type: hardware_efficient}"], 11, "loads its angles with map angle"),
    (["  - id: h", "    kind: hybrid", "    encoding: angle"], 9, "'ansatz'"),
    (["  - id: h", "    kind: hybrid", "    encoding: angle", "    ansatz: {type: hardware_efficient}", "    pre: {layer: linear, hidden: 4}"], 13, "'hidden' only applies to layer mlp"),
    (["  - id: h", "    kind: hybrid", "    encoding: angle", "    ansatz: {type: hardware_efficient}", "    training: {loss: hinge}"], 13, "cross-entropy"),
    (["  - id: h", "    kind: hybrid", "    encoding: angle", "    ansatz: {type: reuploading}"], 12, "use kind reuploading"),
    (["  - id: r", "    kind: reuploading", "    encoding: angle", "    ansatz: {type: hardware_efficient}"], 12, "'ansatz' only applies to variational or hybrid"),
    (["  - id: r", "    kind: reuploading", "    encoding: angle", "    pre: {layer: linear}"], 12, "'pre' only applies to hybrid"),
    (["  - id: r", "    kind: reuploading", "    encoding: angle", "    qubits: 31"], 12, "qubits"),
    (["  - id: r", "    kind: reuploading", "    encoding: angle", "    entangler: swap"], 12, "entangler"),
    (["  - id: v", "    kind: variational", "    encoding: angle", "    ansatz: {type: hardware_efficient}", "    qubits: 2"], 13, "'qubits' only applies to hybrid or reuploading"),
    (["  - id: k", "    kind: kernel", "    encoding: zz", "    layers: 2"], 12, "'layers' only applies to reuploading"),
  ])
  func badCombinations(lines: [String], line: Int, message: String) {
    do {
      _ = try SpecLoader.load(yaml: Self.model(lines), file: "x.yaml")
      Issue.record("expected an error for \(lines)")
    } catch {
      #expect(error.errors.contains { $0.line == line && $0.description.contains(message) }, "\(error.errors.map(\.description))")
    }
  }

  @Test func theControlIdIsReservedAndNamedByLift() {
    do {
      _ = try SpecLoader.load(yaml: Self.model([
        "  - {id: h, kind: hybrid, encoding: angle, ansatz: {type: hardware_efficient}}",
        "  - {id: h-identity, kind: kernel, encoding: zz}",
      ]), file: "x.yaml")
      Issue.record("expected an error")
    } catch {
      #expect(error.errors.contains { $0.description.contains("identity control") })
    }
    do {
      _ = try SpecLoader.load(yaml: Self.model(
        ["  - {id: k, kind: kernel, encoding: zz}"], lift: "  lift: {min: 0.05, over: k-identity}"), file: "x.yaml")
      Issue.record("only hybrid models have a control")
    } catch {
      #expect(error.errors.contains { $0.line == 18 })
    }
  }

  @Test func theCircleGeneratorLoadsWithItsDefaultRadius() throws {
    let claim = try SpecLoader.load(yaml: spec([4: "  generator: circle", 5: "  params: {}"]))
    guard case .generator(let g) = claim.dataset.source else { Issue.record("not a generator"); return }
    #expect(abs(g.params["radius"]! - (2 / Double.pi).squareRoot()) < 1e-15)
  }
}

@Suite struct HybridDequantizationTests {
  @Test func rffQuantumCannotCopyAHybridOrReuploadingModel() {
    for kind in ["hybrid, ansatz: {type: hardware_efficient}", "reuploading"] {
      do {
        _ = try SpecLoader.load(yaml: spec([
          9: "  - {id: m, kind: \(kind), encoding: angle}", 10: "", 11: "",
          13: "  - {model: rff_quantum, of: m}",
        ]), file: "x.yaml")
        Issue.record("expected an error for \(kind)")
      } catch {
        #expect(error.errors.contains { $0.line == 13 && $0.description.contains("trainable") }, "\(error.errors.map(\.description))")
      }
    }
  }
}

@Suite struct HybridWidthTests {
  @Test func aHybridWithoutQubitsOnMoreThan30FeaturesIsALocatedError() throws {
    func load(_ features: Int, qubits: String = "") throws(SpecErrors) {
      let names = (0..<features).map { "f\($0)" }.joined(separator: ", ")
      _ = try SpecLoader.load(yaml: spec([
        4: "  csv: data/x.csv", 5: "  target: y", 6: "  features: [\(names)]",
        9: "  - {id: h, kind: hybrid, encoding: angle, \(qubits)ansatz: {type: hardware_efficient}}", 10: "", 11: "",
      ]), file: "x.yaml")
    }
    try load(30)
    try load(31, qubits: "qubits: 4, ")
    do {
      try load(31)
      Issue.record("31 qubits by default")
    } catch {
      #expect(error.errors.contains { $0.line == 9 && $0.description.contains("set qubits") }, "\(error.errors.map(\.description))")
    }
  }
}
