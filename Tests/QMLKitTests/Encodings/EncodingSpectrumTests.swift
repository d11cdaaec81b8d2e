import Foundation
import QuantumSim
import Testing

@testable import QMLKit

/// The exact fidelity kernel k(x, x0) of each Pauli-rotation encoding lies in the span of
/// 1, cos(ω·φ(x)), sin(ω·φ(x)) over the enumerated frequencies, and not without one of them.
@Suite struct EncodingSpectrumTests {
  /// A state preparation x -> |ψ(x)> and its spectrum.
  struct Case: Sendable, CustomStringConvertible {
    var description: String
    var spectrum: EncodingSpectrum
    var state: @Sendable ([Double]) throws -> StateVector
    var features: Int
    /// Gates of the circuit whose angle depends on a data symbol.
    var dataGates: Int
  }

  static func dataGateCount(_ c: Circuit, dataSymbols: Int) -> Int {
    c.gates.filter { g in g.parameters.contains { $0.symbolIndices.contains { $0 < dataSymbols } } }.count
  }

  static func encodingCase(_ e: any Encoding, features: Int, label: String) throws -> Case {
    let circuit = try e.circuit(features: features)
    return Case(description: label, spectrum: try EncodingSpectrum(encoding: e, features: features),
                state: { try circuit.state($0) }, features: features,
                dataGates: dataGateCount(circuit.circuit, dataSymbols: features))
  }

  /// A data re-uploading circuit (angle ry uploaded before each of 2 hardware-efficient layers)
  /// at fixed random weights.
  static func reuploadingCase() throws -> Case {
    let enc = AngleEncoding(rotation: .ry)
    let vc = try VariationalCircuit(
      encoding: enc, features: 2, ansatz: Ansatz(layout: .hardwareEfficient, layers: 2, pairs: .linear),
      readout: .z(0), reuploading: true)
    var rng = SeededGenerator(seed: 5)
    let weights = (0..<vc.weightCount).map { _ in rng.nextUnit() * 2 * .pi }
    let circuit = vc.circuit, encoded = vc.encoded
    return Case(
      description: "reuploading angle ry x2 layers, 2 qubits",
      spectrum: try EncodingSpectrum(encoding: enc, features: 2, uploads: 2),
      state: { x in
        var s = try StateVector(qubits: 2)
        try s.apply(circuit, bindings: try encoded.bindings(x) + weights)
        return s
      }, features: 2, dataGates: dataGateCount(circuit, dataSymbols: vc.weightOffset))
  }

  static func cases() throws -> [Case] {
    [
      try encodingCase(AngleEncoding(rotation: .rx), features: 3, label: "angle rx, 3 qubits"),
      try encodingCase(AngleEncoding(rotation: .ry, scale: 1.5), features: 3, label: "angle ry scale 1.5, 3 qubits"),
      try encodingCase(AngleEncoding(rotation: .rz), features: 3, label: "angle rz, 3 qubits"),
      try encodingCase(PauliFeatureMap.z(reps: 2), features: 3, label: "z reps 2, 3 qubits"),
      try encodingCase(PauliFeatureMap.zz(reps: 2, entanglement: .linear), features: 2, label: "zz reps 2, 2 qubits"),
      try encodingCase(PauliFeatureMap.zz(reps: 1, entanglement: .linear), features: 3, label: "zz reps 1 linear, 3 qubits"),
      try encodingCase(PauliFeatureMap(paulis: ["Y", "XZ"], reps: 1, entanglement: .full, alpha: 1.3), features: 2,
                       label: "pauli [Y, XZ] alpha 1.3, 2 qubits"),
      try encodingCase(IQPEncoding(reps: 2, entanglement: .full), features: 2, label: "iqp reps 2, 2 qubits"),
      try encodingCase(IQPEncoding(reps: 1, entanglement: .linear), features: 3, label: "iqp reps 1 linear, 3 qubits"),
      try reuploadingCase(),
    ]
  }

  /// Columns 1, cos(ω·φ), sin(ω·φ) for the frequencies (the zero vector gives the constant).
  static func design(_ xs: [[Double]], _ spectrum: EncodingSpectrum, _ freqs: [[Double]]) -> [[Double]] {
    xs.map { x in
      let phi = spectrum.phi(x)
      var row: [Double] = []
      for w in freqs {
        let t = zip(w, phi).reduce(0.0) { $0 + $1.0 * $1.1 }
        if w.allSatisfy({ $0 == 0 }) { row.append(1) } else { row += [cos(t), sin(t)] }
      }
      return row
    }
  }

  static func kernelSamples(_ c: Case, count: Int, seed: UInt64) throws -> (xs: [[Double]], k: [Double]) {
    var rng = SeededGenerator(seed: seed)
    // Inputs over [−π, π]: the products x_i·x_j of iqp then sweep [−π², π²], so its distinct
    // frequencies stay far from linearly dependent on the sample.
    let x0 = (0..<c.features).map { _ in (2 * rng.nextUnit() - 1) * .pi }
    let ref = try c.state(x0)
    let xs = (0..<count).map { _ in (0..<c.features).map { _ in (2 * rng.nextUnit() - 1) * .pi } }
    return (xs, try xs.map { try c.state($0).fidelity(ref) })
  }

  @Test("every encoding's exact kernel lies in the span of its enumerated frequencies (residual < 1e-9)",
        arguments: try cases())
  func kernelInSpan(_ c: Case) throws {
    let freqs = try c.spectrum.frequencies()
    let columns = 2 * freqs.count - 1
    let (xs, k) = try Self.kernelSamples(c, count: 2 * columns + 40, seed: 17)
    let fit = leastSquaresFit(Self.design(xs, c.spectrum, freqs), k)
    #expect(fit.maxResidual < 1e-9, "\(c): residual \(fit.maxResidual) with \(freqs.count) frequencies")
    print("spectrum fit \(c): \(freqs.count) frequencies, \(xs.count) samples, residual \(fit.maxResidual)")

    // Drop the frequency carrying the most weight: the kernel no longer fits.
    var best = 1, bestWeight = 0.0
    for i in 1..<freqs.count {
      let w = hypot(fit.coefficients[2 * i - 1], fit.coefficients[2 * i])
      if w > bestWeight { (best, bestWeight) = (i, w) }
    }
    var missing = freqs
    missing.remove(at: best)
    let worse = leastSquaresFit(Self.design(xs, c.spectrum, missing), k)
    #expect(worse.maxResidual > 1e-4, "\(c): still fits without \(freqs[best]) (residual \(worse.maxResidual))")
    print("spectrum fit \(c) without \(freqs[best]): residual \(worse.maxResidual)")
  }

  @Test("the rotation list matches the circuit: one entry per data-dependent gate", arguments: try cases())
  func rotationCountMatchesCircuit(_ c: Case) throws {
    let total = c.spectrum.coefficients.reduce(0) { $0 + $1.count }
    #expect(total == c.dataGates, "\(c): \(total) rotations listed, \(c.dataGates) data gates in the circuit")
  }

  @Test("frequency sets per data function: one rotation gives −a, 0, a with multiplicities 1, 2, 1")
  func perFunctionFrequencies() throws {
    let zz = try EncodingSpectrum(encoding: PauliFeatureMap.zz(reps: 2, entanglement: .linear), features: 2)
    #expect(zz.functions == [.feature(0), .feature(1), .shiftedProduct([0, 1])])
    #expect(!zz.isLinear)
    let f = zz.frequencies(ofFunction: 2)
    #expect(f.map(\.frequency) == [-4, -2, 0, 2, 4])
    #expect(f.map(\.multiplicity) == [1, 4, 6, 4, 1])
    let angle = try EncodingSpectrum(encoding: AngleEncoding(rotation: .rx), features: 2)
    #expect(angle.isLinear && angle.count == 9)
    #expect(throws: ModelError.self) { try EncodingSpectrum(encoding: AmplitudeEncoding(), features: 2) }
  }

  @Test("sampled frequencies belong to the enumerated set and are never zero")
  func samplingStaysInSet() throws {
    let s = try EncodingSpectrum(encoding: IQPEncoding(reps: 2, entanglement: .full), features: 3)
    let allowed = (0..<s.functions.count).map { Set(s.frequencies(ofFunction: $0).map(\.frequency)) }
    var rng = SeededGenerator(seed: 1)
    let w = try s.sample(500, using: &rng)
    #expect(w.count == 500)
    for v in w {
      #expect(v.contains { $0 != 0 })
      for (f, value) in v.enumerated() { #expect(allowed[f].contains(value)) }
    }
  }
}
