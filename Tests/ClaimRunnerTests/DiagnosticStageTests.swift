@testable import ClaimRunner
import Foundation
import QMLKit
import Testing

@Suite struct DiagnosticStageTests {
  @Test func geometricDifferenceOfTheRBFKernelWithItselfIsAtMostOne() throws {
    var rng = SystemRandomNumberGenerator()
    let rows = (0..<30).map { _ in (0..<3).map { _ in Double.random(in: -1...1, using: &rng) } }
    let train = Dataset(features: rows, labels: (0..<30).map { $0 % 2 })
    // Build the same RBF kernel (gamma = 1 / (d Var X)) the diagnostic compares against.
    let all = rows.flatMap { $0 }
    let m = all.reduce(0, +) / Double(all.count)
    let v = all.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(all.count)
    var K = Matrix(rows: 30, columns: 30)
    for i in 0..<30 {
      for j in 0..<30 {
        let s = zip(rows[i], rows[j]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        K[i, j] = exp(-s / (3 * v))
      }
    }
    let g = try #require(DiagnosticStage.geometricDifferenceToRBF(K, train))
    // Identical kernels: g = sqrt(max mu / (mu + lambda)) < 1 (Huang et al. 2021, regularised form).
    #expect(g <= 1 && g > 0.9)
    // An identity "quantum" kernel (every sample orthogonal) is far from the RBF kernel.
    var I = Matrix(rows: 30, columns: 30)
    for i in 0..<30 { I[i, i] = 1 }
    #expect(try #require(DiagnosticStage.geometricDifferenceToRBF(I, train)) > 2)
  }
}

/// Kernel diagnostics on every backend, not only the first: noise concentrates a kernel.
@Suite struct PerBackendDiagnosticsTests {
  @Test func everyBackendsKernelGetsItsOwnConcentrationAlignmentAndGeometricDifference() throws {
    let dir = try SpecFixtures.project()
    let spec = """
      claim: per-backend
      title: diagnostics per backend
      dataset: {generator: hidden_manifold, params: {features: 3, manifold_dimension: 2}, samples: 24}
      quantum: [{id: zz, kind: kernel, encoding: {map: zz, reps: 2, entanglement: full}, svm: {C: [1]}}]
      baselines: [{model: knn, grid: {k: [3]}}]
      backends:
        - {id: ideal, simulator: statevector, shots: exact}
        - {id: noisy, simulator: density_matrix, shots: exact, noise: {depolarizing: 0.05, depolarizing2: 0.2}}
      seeds: [1]
      criteria: {lift: {min: -1, on: [ideal]}}
      expect: supported
      """
    let claim = try SpecFixtures.claim(spec, name: "per-backend", in: dir)
    let options = SuiteOptions(out: dir.appendingPathComponent("reports"), jobs: 1, progress: false)
    let r = try #require(SuiteRunner(options: options).run([claim], devices: [:]).first)
    for name in ["kernel_concentration", "kernel_target_alignment", "geometric_difference"] {
      let rows = r.diagnostics.filter { $0.name == name && $0.model == "zz" }
      #expect(rows.map(\.backend) == ["ideal", "noisy"], "\(name): \(rows)")
    }
    let concentration = r.diagnostics.filter { $0.name == "kernel_concentration" }
    // Heavy depolarizing pulls every off-diagonal entry towards 1/2^n: the variance shrinks.
    #expect(concentration[1].value < concentration[0].value, "\(concentration.map(\.value))")
    // Diagnostics of the model itself carry no backend.
    #expect(r.diagnostics.filter { $0.name == "mps_bond_dimension" }.allSatisfy { $0.backend == nil })
  }
}
