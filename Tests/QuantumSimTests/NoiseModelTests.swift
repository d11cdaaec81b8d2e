import Foundation
import Numerics
import Testing

@testable import QuantumSim

@Suite("NoiseModel")
struct NoiseModelTests {
  /// The error `specification` throws, or nil.
  func error(_ specification: String) -> NoiseError? {
    do {
      _ = try NoiseModel(specification: specification)
      return nil
    } catch let e as NoiseError {
      return e
    } catch {
      return NoiseError(reason: "unexpected \(error)")
    }
  }

  @Test("a specification attaches the channels its keys name, in the documented order")
  func parsesSpecification() throws {
    let m = try NoiseModel(
      specification: " depolarizing = 0.001 , depolarizing2=0.01,readout=0.02,amplitude_damping=0.003,t1=100us,t2=80us,gate_time_1q=32ns,gate_time_2q=68ns")
    let names = m.attachments.map(\.channel.name)
    #expect(names.count == 5)
    #expect(names[0] == "depolarizing(0.001)" && names[1] == "depolarizing2(0.01)")
    #expect(names[2].hasPrefix("thermal_relaxation(t1=0.0001, t2=8e-05, t=3.2e-08"))
    #expect(names[3].hasPrefix("thermal_relaxation") && names[4] == "amplitude_damping(0.003)")
    #expect(m.attachments[0].gates == Set(GateKind.allCases.filter { $0.arity == 1 }))
    #expect(m.attachments[1].gates == Set(GateKind.allCases.filter { $0.arity == 2 }))
    #expect(m.attachments[4].gates == nil && m.attachments[4].qubits == nil)
    #expect(m.readoutError(on: 7) == (try ReadoutError(0.02)))
    #expect(try NoiseModel(specification: "").isIdeal)
    #expect(try NoiseModel(specification: "none").isIdeal)
  }

  @Test("depolarizing alone also covers two-qubit gates; depolarizing2 alone only them")
  func depolarizingDefaultRule() throws {
    let a = try NoiseModel(specification: "depolarizing=0.02")
    #expect(a.attachments.map(\.channel.name) == ["depolarizing(0.02)", "depolarizing2(0.02)"])
    let b = try NoiseModel(specification: "depolarizing2=0.03")
    #expect(b.attachments.map(\.channel.name) == ["depolarizing2(0.03)"])
    // Effect on a circuit: one h then one cx.
    var c = Circuit(qubits: 2)
    c.append(.h, 0)
    let onlyTwo = try DensityMatrix(c, noise: b)
    #expect(abs(try onlyTwo.expectation(pauli: "IX") - 1) < 1e-14)
    let both = try DensityMatrix(c, noise: a)
    #expect(abs(try both.expectation(pauli: "IX") - 0.98) < 1e-14)
  }

  @Test("bad specifications name the key and value", arguments: [
    ("depolarising=0.1", "depolarising", "did you mean 'depolarizing'"),
    ("depolarizing=abc", "depolarizing", "expected a number"),
    ("depolarizing=1.5", "depolarizing", "[0, 1]"),
    ("readout=-0.1", "readout", "[0, 1]"),
    ("depolarizing=0.1,depolarizing=0.2", "depolarizing", "more than once"),
    ("depolarizing", "depolarizing", "key=value"),
    ("t1=100us", "t1", "t2"),
    ("t1=100,t2=300,gate_time_1q=1", "t2", "2·T1"),
    ("t1=100,t2=50", "t1", "gate_time"),
    ("gate_time_1q=5ns", "gate_time_1q", "t1"),
    ("t1=100us,t2=80us,gate_time_1q=5parsecs", "gate_time_1q", "expected a time"),
    ("t1=-1,t2=-1,gate_time_1q=1", "t1", "positive"),
    ("amplitude_damping=nan", "amplitude_damping", "expected a number"),
    ("bit_flip=2", "bit_flip", "[0, 1]"),
    ("frobnicate=1", "frobnicate", "known keys"),
    ("gate_error_1q=0.01,depolarizing=0.01", "gate_error_1q", "not both"),
    ("gate_error_2q=1.2", "gate_error_2q", "[0, 1]"),
  ])
  func rejects(spec: String, key: String, fragment: String) {
    guard let e = error(spec) else {
      Issue.record("'\(spec)' was accepted")
      return
    }
    #expect(e.key == key, "\(e)")
    #expect(e.description.contains(fragment), "\(e)")
  }

  @Test("device gate errors become depolarizing as in Aer: e = p(d−1)/d without relaxation")
  func deviceGateErrors() throws {
    let m = try NoiseModel(specification: "gate_error_1q=0.004,gate_error_2q=0.03")
    var c = Circuit(qubits: 2)
    c.append(.id, 0)
    // One-qubit depolarizing p = 2e: P(1) of |0> after one gate = p/2 = e.
    #expect(abs(try DensityMatrix(c, noise: m).probabilities[1] - 0.004) < 1e-15)
    var c2 = Circuit(qubits: 2)
    c2.append(.cz, 0, 1)
    // Two-qubit p = 4e/3: P(00) = 1 − 3p/4 = 1 − e.
    #expect(abs(try DensityMatrix(c2, noise: m).probabilities[0] - (1 - 0.03)) < 1e-15)
    // A gate error below the relaxation infidelity adds no depolarizing channel.
    let r = try NoiseModel(specification: "t1=10us,t2=10us,gate_time_1q=1us,gate_error_1q=0.000001")
    #expect(r.attachments.map(\.channel.name).allSatisfy { $0.hasPrefix("thermal") })
  }

  @Test("average gate fidelity of standard channels")
  func averageGateFidelity() throws {
    #expect(abs(try KrausChannel.depolarizing(0.3).averageGateFidelity - (1 - 0.15)) < 1e-15)
    #expect(abs(try KrausChannel.depolarizing2(0.3).averageGateFidelity - (1 - 0.3 * 3 / 4)) < 1e-15)
    // Amplitude damping: F_pro = (1 + √(1−γ))²/4, F = (2 F_pro + 1)/3.
    let g = 0.2
    let fpro = pow(1 + (1 - g).squareRoot(), 2) / 4
    #expect(abs(try KrausChannel.amplitudeDamping(gamma: g).averageGateFidelity - (2 * fpro + 1) / 3) < 1e-15)
  }

  @Test("empty entries are rejected")
  func strayComma() {
    #expect(error("depolarizing=0.1,,readout=0.1") != nil)
  }

  @Test("one-qubit channels hit every qubit of a gate; restrictions by gate and qubit hold")
  func matchingRules() throws {
    var m = NoiseModel()
    try m.add(.bitFlip(1), after: [.cx], on: nil)
    var c = Circuit(qubits: 3)
    c.append(.cx, 0, 2)
    c.append(.h, 1)
    c.append(.h, 1)
    // cx on |000> does nothing; both its qubits then flip with certainty; h·h on qubit 1 is clean.
    let rho = try DensityMatrix(c, noise: m)
    #expect(abs(rho.probabilities[0b101] - 1) < 1e-14)

    var q = NoiseModel()
    try q.add(.bitFlip(1), after: nil, on: [2])
    let rho2 = try DensityMatrix(c, noise: q)
    #expect(abs(rho2.probabilities[0b100] - 1) < 1e-14)

    // A two-qubit channel on a given pair only.
    var pair = NoiseModel()
    try pair.add(.depolarizing2(1), after: [.cx], on: [1, 2])
    var c2 = Circuit(qubits: 3)
    c2.append(.cx, 0, 2)
    #expect(abs(try DensityMatrix(c2, noise: pair).probabilities[0] - 1) < 1e-14)
    var c3 = Circuit(qubits: 3)
    c3.append(.cx, 2, 1)
    #expect(abs(try DensityMatrix(c3, noise: pair).probabilities[0] - 0.25) < 1e-14)
  }

  @Test("attachments that cannot apply are rejected")
  func addValidation() throws {
    var m = NoiseModel()
    #expect(throws: NoiseError.self) { try m.add(.depolarizing2(0.1), after: [.h]) }
    #expect(throws: NoiseError.self) { try m.add(.depolarizing(0.1), after: [.ccx]) }
    #expect(throws: NoiseError.self) { try m.add(.depolarizing(0.1), after: []) }
    #expect(throws: NoiseError.self) { try m.add(.depolarizing(0.1), on: [-1]) }
    #expect(m.attachments.isEmpty)
    try m.add(.depolarizing2(0.1))  // nil gates: two-qubit gates only
    var c = Circuit(qubits: 2)
    c.append(.h, 0)
    #expect(abs(try DensityMatrix(c, noise: m).purity() - 1) < 1e-14)
  }

  @Test("under gate noise, ccx runs as its 6-cx decomposition")
  func toffoliUnderNoise() throws {
    var m = NoiseModel()
    try m.add(.depolarizing2(0.05), after: [.cx])
    var c = Circuit(qubits: 3)
    c.append(.x, 0); c.append(.x, 1); c.append(.ccx, 0, 1, 2)
    let noisy = try DensityMatrix(c, noise: m)
    let decomposed = try DensityMatrix(c.decomposingThreeQubitGates, noise: m)
    #expect(DMSupport.maxDiff(noisy.entries, decomposed.entries) < 1e-14)
    #expect(noisy.probabilities[0b111] < 0.9 && noisy.probabilities[0b111] > 0.5)
    // Without noise it is the exact Toffoli.
    #expect(abs(try DensityMatrix(c).probabilities[0b111] - 1) < 1e-14)
  }
}
