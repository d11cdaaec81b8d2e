import Foundation
import Numerics
import Testing

@testable import QuantumSim

@Suite("Noise channels: closed forms")
struct NoiseChannelTests {
  typealias C = Complex<Double>

  /// ρ after preparing one qubit with `prepare` and applying `channel` `times` times.
  func oneQubit(_ prepare: [GateKind], _ channel: KrausChannel, times: Int = 1) throws -> DensityMatrix {
    var c = Circuit(qubits: 1)
    for g in prepare { c.append(g, 0) }
    var rho = try DensityMatrix(c)
    for _ in 0..<times { rho.apply(channel, qubits: [0]) }
    return rho
  }

  @Test("depolarizing on |0> gives P(1) = p/2", arguments: [0.0, 0.01, 0.2, 0.5, 1.0])
  func depolarizingPopulation(p: Double) throws {
    let rho = try oneQubit([], .depolarizing(p))
    #expect(abs(rho.probabilities[1] - p / 2) < 1e-14)
    #expect(abs(rho.trace - 1) < 1e-14)
  }

  @Test("k depolarizing steps shrink the Bloch vector by (1 − p)^k", arguments: [1, 2, 5, 10])
  func depolarizingShrink(k: Int) throws {
    let p = 0.07
    // Bloch vector of ry(0.8)·rz(0.5)|0>... built from named gates: h then s gives +Y.
    for (prep, pauli) in [([GateKind.h], "X"), ([.h, .s], "Y"), ([], "Z"), ([.x], "Z")] {
      let before = try oneQubit(prep, .depolarizing(0))
      let after = try oneQubit(prep, .depolarizing(p), times: k)
      let expected = try before.expectation(pauli: pauli) * pow(1 - p, Double(k))
      #expect(abs(try after.expectation(pauli: pauli) - expected) < 1e-13, "\(pauli) after \(k)")
    }
  }

  @Test("two-qubit depolarizing is (1 − p)ρ + p·I/4")
  func depolarizing2Definition() throws {
    let p = 0.3
    let rho0 = DMSupport.randomDensity(qubits: 2, seed: 5)
    var rho = DensityMatrix(entries: rho0)
    rho.apply(try .depolarizing2(p), qubits: [0, 1])
    var expected = rho0.map { $0 * C(1 - p, 0) }
    for i in 0..<4 { expected[i * 5] += C(p / 4, 0) }
    #expect(DMSupport.maxDiff(rho.entries, expected) < 1e-14)
    // On |00>: P(00) = 1 − 3p/4.
    var zero = try DensityMatrix(qubits: 2)
    zero.apply(try .depolarizing2(p), qubits: [1, 0])
    #expect(abs(zero.probabilities[0] - (1 - 3 * p / 4)) < 1e-14)
  }

  @Test("amplitude damping on |1> leaves P(1) = 1 − γ", arguments: [0.0, 0.1, 0.5, 0.9, 1.0])
  func amplitudeDamping(gamma: Double) throws {
    let rho = try oneQubit([.x], .amplitudeDamping(gamma: gamma))
    #expect(abs(rho.probabilities[1] - (1 - gamma)) < 1e-14)
    // Coherence of |+> shrinks by √(1 − γ).
    let plus = try oneQubit([.h], .amplitudeDamping(gamma: gamma))
    #expect(abs(plus[0, 1].real - 0.5 * (1 - gamma).squareRoot()) < 1e-14)
  }

  @Test("phase damping keeps populations and shrinks coherences by √(1 − λ)", arguments: [0.0, 0.2, 0.64, 1.0])
  func phaseDamping(lambda: Double) throws {
    let rho = try oneQubit([.h], .phaseDamping(lambda: lambda))
    #expect(abs(rho[0, 1].real - 0.5 * (1 - lambda).squareRoot()) < 1e-14)
    #expect(abs(rho[1, 0].real - 0.5 * (1 - lambda).squareRoot()) < 1e-14)
    #expect(abs(rho.probabilities[0] - 0.5) < 1e-14)
  }

  @Test("thermal relaxation: P(1) decays as exp(−t/T1), coherence as exp(−t/T2)",
        arguments: [(100.0, 80.0, 5.0), (50.0, 100.0, 20.0), (30.0, 10.0, 0.0), (1.0, 0.5, 3.0)])
  func thermalRelaxation(t1: Double, t2: Double, t: Double) throws {
    let ch = try KrausChannel.thermalRelaxation(t1: t1, t2: t2, gateTime: t)
    let excited = try oneQubit([.x], ch)
    #expect(abs(excited.probabilities[1] - exp(-t / t1)) < 1e-14)
    let plus = try oneQubit([.h], ch)
    #expect(abs(plus[0, 1].real - 0.5 * exp(-t / t2)) < 1e-14)
    #expect(abs(plus.probabilities[1] - 0.5 * exp(-t / t1)) < 1e-14)
  }

  @Test("bit flip and phase flip act as X and Z with probability p")
  func flips() throws {
    let p = 0.23
    let b = try oneQubit([], .bitFlip(p))
    #expect(abs(b.probabilities[1] - p) < 1e-14)
    let f = try oneQubit([.h], .phaseFlip(p))
    #expect(abs(try f.expectation(pauli: "X") - (1 - 2 * p)) < 1e-14)
  }

  @Test("Kraus sets satisfy Σ K†K = I, and bad parameters or operators throw")
  func validation() throws {
    for ch in [try KrausChannel.depolarizing(0.4), try .depolarizing2(0.9), try .amplitudeDamping(gamma: 0.3),
               try .phaseDamping(lambda: 0.3), try .thermalRelaxation(t1: 10, t2: 20, gateTime: 4)] {
      _ = try KrausChannel(name: "copy", operators: ch.operators)  // re-runs the completeness check
    }
    #expect(throws: NoiseError.self) { try KrausChannel.depolarizing(-0.1) }
    #expect(throws: NoiseError.self) { try KrausChannel.depolarizing(1.5) }
    #expect(throws: NoiseError.self) { try KrausChannel.depolarizing2(.nan) }
    #expect(throws: NoiseError.self) { try KrausChannel.amplitudeDamping(gamma: 2) }
    #expect(throws: NoiseError.self) { try KrausChannel.phaseDamping(lambda: -1) }
    #expect(throws: NoiseError.self) { try KrausChannel.bitFlip(1.01) }
    #expect(throws: NoiseError.self) { try KrausChannel.phaseFlip(.infinity) }
    #expect(throws: NoiseError.self) { try KrausChannel.thermalRelaxation(t1: 10, t2: 21, gateTime: 1) }
    #expect(throws: NoiseError.self) { try KrausChannel.thermalRelaxation(t1: 0, t2: 0, gateTime: 1) }
    #expect(throws: NoiseError.self) { try KrausChannel.thermalRelaxation(t1: 10, t2: 5, gateTime: -1) }
    // Not trace preserving by 1e-6: rejected.
    let k: [C] = [C(1 + 1e-6, 0), .zero, .zero, .one]
    #expect(throws: NoiseError.self) { try KrausChannel(operators: [k]) }
    #expect(throws: NoiseError.self) { try KrausChannel(operators: []) }
    #expect(throws: NoiseError.self) { try KrausChannel(operators: [[.one, .zero, .one]]) }
    do {
      _ = try KrausChannel.thermalRelaxation(t1: 10, t2: 21, gateTime: 1)
    } catch let e as NoiseError {
      #expect(e.key == "t2" && e.value == "21")
    }
  }

  @Test("readout error on a known distribution")
  func readout() throws {
    var noise = NoiseModel()
    noise.setReadout(try ReadoutError(p1Given0: 0.1, p0Given1: 0.2))
    // Qubit 0 is |0> for sure, qubit 1 is |1> for sure: P(index 0b10) = 1.
    let out = noise.applyReadout(to: [0, 0, 1, 0], qubits: [0, 1])
    // q0 reads 1 with 0.1; q1 reads 0 with 0.2.
    let expected = [0.9 * 0.2, 0.1 * 0.2, 0.9 * 0.8, 0.1 * 0.8]
    for (a, b) in zip(out, expected) { #expect(abs(a - b) < 1e-15) }
    // Per-qubit override and qubit mapping: index bit 0 is physical qubit 5.
    noise.setReadout(try ReadoutError(0), on: [5])
    let mapped = noise.applyReadout(to: [0, 0, 1, 0], qubits: [5, 1])
    for (a, b) in zip(mapped, [0.2, 0, 0.8, 0]) { #expect(abs(a - b) < 1e-15) }
    // A 50/50 input is a fixed point of a symmetric error; totals are preserved.
    var sym = NoiseModel()
    sym.setReadout(try ReadoutError(0.3))
    let flat = sym.applyReadout(to: [0.25, 0.25, 0.25, 0.25], qubits: [0, 1])
    #expect(flat.allSatisfy { abs($0 - 0.25) < 1e-15 })
    let skew = sym.applyReadout(to: [0.7, 0.3], qubits: [0])
    #expect(abs(skew[0] - (0.7 * 0.7 + 0.3 * 0.3)) < 1e-15 && abs(skew.reduce(0, +) - 1) < 1e-15)
    #expect(throws: NoiseError.self) { try ReadoutError(p1Given0: 1.2, p0Given1: 0) }
  }
}
