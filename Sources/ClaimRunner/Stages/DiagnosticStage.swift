import ClaimSpec
import Foundation
import QMLKit

/// Diagnostics that tell a doomed claim early, computed on the first seed's training data:
/// kernel concentration, geometric difference and kernel-target alignment for kernel models, on
/// every backend's training kernel (noise is where concentration bites), gradient variance at
/// random initialisation for variational models, and for every model the simulability evidence
/// of its encoded states (MPS bond dimension and largest entanglement entropy).
enum DiagnosticStage {
  static func records(plan: ModelPlan, seeds: [SeedOutcome]) -> [DiagnosticRecord] {
    guard let s = seeds.first, let train = s.train else { return [] }
    var out: [DiagnosticRecord] = []
    for m in plan.models {
      let id = m.spec.id
      if m.spec.kind == .hybrid || m.spec.kind == .reuploading { continue }
      out += simulability(m, rows: train.features)
      switch m.spec.kind {
      case .kernel, .projectedKernel:
        for b in plan.backends {
          guard let K = s.quantum[id]?[b.spec.id]?.kernel else { continue }
          out += kernelDiagnostics(K, model: id, backend: b.spec.id, train: train)
        }
      case .variational:
        guard let circuit = try? VariationalCircuit(
          encoding: m.encoding, features: train.featureCount, ansatz: VariationalStage.ansatz(m.spec),
          readout: VariationalStage.readout(m.spec, qubits: m.encoding.qubits(features: train.featureCount)),
          reuploading: m.spec.ansatz?.type == .reuploading),
          let g = try? gradientVariance(circuit, input: train.features[0], samples: 50, seed: 11)
        else { continue }
        let reading = g.mean < 1e-3
          ? "Gradients at random initialisation are tiny: a barren plateau; training will need exponentially many shots."
          : "Gradients at random initialisation are large enough to train on (no barren plateau at this size)."
        out.append(DiagnosticRecord(name: "gradient_variance", model: id, value: g.mean, reading: reading))
      case .hybrid, .reuploading: break
      }
    }
    return out
  }

  /// Concentration, geometric difference to RBF and kernel-target alignment of one backend's
  /// training kernel.
  static func kernelDiagnostics(_ K: Matrix, model id: String, backend: String, train: Dataset) -> [DiagnosticRecord] {
    var out: [DiagnosticRecord] = []
    if let c = try? kernelConcentration(K) {
      let reading = c.variance < 1e-3
        ? "Off-diagonal kernel values barely vary: the kernel is concentrating (exponential concentration makes it untrainable at scale)."
        : "Off-diagonal kernel values vary enough to separate samples; no sign of exponential concentration."
      out.append(DiagnosticRecord(name: "kernel_concentration", model: id, value: c.variance, reading: reading, backend: backend))
    }
    if let g = geometricDifferenceToRBF(K, train) {
      let reading = g < 2
        ? "An RBF kernel on the same data can express what this quantum kernel does (g near 1): little room for a quantum advantage."
        : "The quantum kernel differs enough from an RBF kernel on this data (g well above 1) that an advantage is possible, not guaranteed."
      out.append(DiagnosticRecord(name: "geometric_difference", model: id, value: g, reading: reading, backend: backend))
    }
    // Alignment with class labels; regression data (one class, real targets) has none.
    if train.targets == nil, let a = try? kernelTargetAlignment(K, labels: train.labels) {
      let reading = a > 0.1
        ? "The kernel aligns with the labels: similar samples tend to share a class."
        : "The kernel hardly aligns with the labels: an SVM on it has little to work with."
      out.append(DiagnosticRecord(name: "kernel_target_alignment", model: id, value: a, reading: reading, backend: backend))
    }
    return out
  }

  /// Training states examined for the MPS evidence (the first rows of the first seed's training split).
  static let simulabilitySample = 16

  /// `mps_bond_dimension` and `entanglement_entropy` of the model's encoded training states, for
  /// encodings of at most `MPSEvidence.qubitLimit` qubits (none above: the Schmidt spectra would
  /// cost more than the run).
  static func simulability(_ m: ModelPlan.Model, rows: [[Double]]) -> [DiagnosticRecord] {
    guard let d = rows.first?.count, case let n = m.encoding.qubits(features: d), n >= 2, n <= MPSEvidence.qubitLimit,
      let e = try? MPSEvidence(encoding: m.encoding, rows: Array(rows.prefix(simulabilitySample)))
    else { return [] }
    let entropy = String(format: "%.3f", e.maxEntropy)
    return [
      DiagnosticRecord(name: "mps_bond_dimension", model: m.spec.id, value: Double(e.bondDimension),
        reading: e.reading + " (\(e.states) encoded training states, fidelity 1 − 1e-6.)"),
      DiagnosticRecord(name: "entanglement_entropy", model: m.spec.id, value: e.maxEntropy,
        reading: "Largest entanglement entropy of the encoded states across any cut of the qubit line: \(entropy) bits of at most \(n / 2)."),
    ]
  }

  /// Largest training set the geometric difference is computed on (three O(N^3) eigendecompositions:
  /// about 6 ms at 150, 0.1 s at 400 in a release build).
  static let geometricDifferenceLimit = 400

  /// g(K_RBF || K_Q) of Huang et al. (2021) against an RBF kernel with scikit-learn's
  /// `gamma = "scale"`, regularised with λ = 0.01, on at most the first 400 training samples.
  static func geometricDifferenceToRBF(_ K: Matrix, _ train: Dataset) -> Double? {
    let n = min(K.rows, train.count, geometricDifferenceLimit)
    guard n >= 2, let d = train.features.first?.count, d > 0 else { return nil }
    let rows = Array(train.features.prefix(n))
    let all = rows.flatMap { $0 }
    let m = all.reduce(0, +) / Double(all.count)
    let variance = all.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(all.count)
    let gamma = variance > 0 ? 1 / (Double(d) * variance) : 1
    var rbf = Matrix(rows: n, columns: n)
    for i in 0..<n {
      for j in 0..<n {
        var s = 0.0
        for k in 0..<d { let t = rows[i][k] - rows[j][k]; s += t * t }
        rbf[i, j] = Foundation.exp(-gamma * s)
      }
    }
    let idx = Array(0..<n)
    return try? geometricDifference(classical: rbf, quantum: K.submatrix(rows: idx, columns: idx), regularization: 0.01)
  }
}
