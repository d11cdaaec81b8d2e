@testable import ClaimRunner
import ClaimSpec
import Foundation
import QMLKit
import Testing

/// The dequantized and cheap kernel baselines and the MPS diagnostic through the real runner.
@Suite struct DequantizedRunTests {
  static let spec = """
    claim: dequant
    title: zz and z kernels against their dequantized baselines
    dataset: {generator: adhoc, params: {features: 2, gap: 0.3}, samples: 80, preprocess: [standardize, {scale: [0, pi]}]}
    quantum:
      - {id: zz, kind: kernel, encoding: {map: zz, reps: 2}, svm: {C: [1, 10]}}
      - {id: z, kind: kernel, encoding: {map: z, reps: 2}, svm: {C: [1, 10]}}
    baselines:
      - {model: rff_quantum, of: zz, grid: {features: [50, 100], C: [1, 10]}}
      - {id: rff-z, model: rff_quantum, of: z, grid: {features: [50], C: [1]}}
      - {model: nystroem_rbf, grid: {gamma: [scale], landmarks: [20], C: [1, 10]}}
      - {model: poly, grid: {degree: [2], C: [1]}}
    backends: [{id: ideal, simulator: statevector, shots: exact}]
    seeds: [1, 2, 3]
    criteria: {lift: {min: 0.0, over: best_baseline}, cost: {max_runtime_seconds: 600}}
    expect: supported
    """

  @Test func dequantizedBaselinesRunAndEveryModelGetsItsMPSReading() throws {
    let dir = try SpecFixtures.project()
    let claim = try SpecFixtures.claim(Self.spec, name: "dequant", in: dir)
    let r = try #require(SpecFixtures.run([claim], in: dir).first)
    #expect(r.baselines.map(\.model) == ["rff_quantum", "rff-z", "nystroem_rbf", "svm_poly"])
    for b in r.baselines {
      #expect(b.test.count == 3 && b.test.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 }, "\(b.model): \(b.test)")
    }
    let rff = try #require(r.baselines.first { $0.model == "rff_quantum" })
    #expect(rff.chosen.allSatisfy { $0["features"] != nil && $0["scale"] == "none" })
    let lines: [String] = r.baselines.map { b in "\(b.model) \(b.test)" }
    let zzTest: [Double] = r.models.first { $0.id == "zz" }?.backends.first?.test ?? []
    print("dequant run: \(lines.joined(separator: "; ")); zz kernel \(zzTest)")
    // Two qubits: the zz map entangles to the maximum 2, the z map stays a product state.
    let zzBond = try #require(r.diagnostics.first { $0.name == "mps_bond_dimension" && $0.model == "zz" })
    #expect(zzBond.value == 2 && zzBond.reading.contains("at the maximum"))
    let zBond = try #require(r.diagnostics.first { $0.name == "mps_bond_dimension" && $0.model == "z" })
    #expect(zBond.value == 1 && zBond.reading.contains("product states"))
    let zEntropy = try #require(r.diagnostics.first { $0.name == "entanglement_entropy" && $0.model == "z" })
    #expect(zEntropy.value < 1e-9)
  }

  @Test func theSpectrumSourceFollowsOfAndCountsReuploadingLayers() throws {
    let dir = try SpecFixtures.project()
    let yaml = """
      claim: reup
      title: re-uploading
      dataset: {generator: adhoc, params: {features: 2, gap: 0.3}, samples: 40}
      quantum:
        - {id: k, kind: kernel, encoding: {map: iqp}}
        - {id: v, kind: variational, encoding: {map: angle}, ansatz: {type: reuploading, layers: 3}}
      baselines: [{model: rff_quantum, of: v}, {id: first, model: rff_quantum}, {model: knn}]
      backends: [{id: ideal, simulator: statevector, shots: exact}]
      seeds: [1, 2, 3]
      criteria: {lift: {min: 0.0}, cost: {max_runtime_seconds: 60}}
      """
    let claim = try SpecFixtures.claim(yaml, name: "reup", in: dir)
    let plan = try ModelPlan(claim: claim, devices: [:])
    let v = try #require(plan.spectrumSource(for: claim.baselines[0]))
    #expect(v.uploads == 3 && v.encoding.name == "angle")
    let first = try #require(plan.spectrumSource(for: claim.baselines[1]))
    #expect(first.uploads == 1 && first.encoding.name == "iqp")
    #expect(plan.spectrumSource(for: claim.baselines[2]) == nil)
  }
}
