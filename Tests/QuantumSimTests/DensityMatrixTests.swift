import Foundation
import Numerics
import Testing

@testable import QuantumSim

@Suite("DensityMatrix")
struct DensityMatrixTests {
  typealias C = Complex<Double>

  @Test("zero noise: ρ equals |ψ><ψ| of the statevector (random circuits, every gate kind)", arguments: 0..<12)
  func matchesStatevector(seed: Int) throws {
    let n = 1 + seed % 4
    let circuit = DMSupport.randomCircuit(qubits: n, gates: 40, seed: UInt64(seed) + 100)
    var psi = try StateVector(qubits: n)
    try psi.apply(circuit)
    let rho = try DensityMatrix(circuit)
    let expected = DensityMatrix(psi)
    #expect(DMSupport.maxDiff(rho.entries, expected.entries) < 1e-12)
    // With an ideal noise model (readout only), gates are still noise free.
    var readoutOnly = NoiseModel()
    readoutOnly.setReadout(try ReadoutError(0.1))
    let rho2 = try DensityMatrix(circuit, noise: readoutOnly)
    #expect(DMSupport.maxDiff(rho2.entries, expected.entries) < 1e-12)
  }

  @Test("gate application equals U ρ U† with the dense unitary, on a mixed state", arguments: GateKind.allCases)
  func gateOnMixedState(kind: GateKind) throws {
    let n = 3
    var rng = SeededGenerator(seed: 7 &+ UInt64(GateKind.allCases.firstIndex(of: kind)!))
    let gate = DMSupport.randomGate(kind, qubits: n, rng: &rng)
    let rho0 = DMSupport.randomDensity(qubits: n, seed: 11)
    var rho = DensityMatrix(entries: rho0)
    let values = gate.parameters.map { $0.constantValue! }
    rho.apply(gate, parameters: gateParameters(values))
    let expected = DMSupport.applyKraus([GateMatrices.full(gate, values)], on: gate.qubits, to: rho0, n: n)
    #expect(DMSupport.maxDiff(rho.entries, expected) < 1e-12, "\(kind) on \(gate.qubits)")
  }

  @Test("Kraus channels equal Σ K ρ K† with dense matrices, for every qubit placement", arguments: [0, 1, 2])
  func channelMatchesDense(variant: Int) throws {
    let n = 3
    let rho0 = DMSupport.randomDensity(qubits: n, seed: UInt64(variant) + 3)
    let oneQubit: [KrausChannel] = [
      try .depolarizing(0.3), try .amplitudeDamping(gamma: 0.4), try .phaseDamping(lambda: 0.25),
      try .bitFlip(0.2), try .phaseFlip(0.15), try .thermalRelaxation(t1: 50, t2: 40, gateTime: 7),
    ]
    for ch in oneQubit {
      var rho = DensityMatrix(entries: rho0)
      rho.apply(ch, qubits: [variant])
      let expected = DMSupport.applyKraus(ch.operators, on: [variant], to: rho0, n: n)
      #expect(DMSupport.maxDiff(rho.entries, expected) < 1e-12, "\(ch.name) on \(variant)")
    }
    let pairs = [[0, 1], [2, 0], [1, 2]]
    let two = try KrausChannel.depolarizing2(0.4)
    var rho = DensityMatrix(entries: rho0)
    rho.apply(two, qubits: pairs[variant])
    let expected = DMSupport.applyKraus(two.operators, on: pairs[variant], to: rho0, n: n)
    #expect(DMSupport.maxDiff(rho.entries, expected) < 1e-12)
    // An asymmetric two-qubit channel (amplitude damping on the first qubit only, as a 4x4) checks the qubit order.
    let ad = try KrausChannel.amplitudeDamping(gamma: 0.5)
    let id2: [C] = [.one, .zero, .zero, .one]
    let asym = try KrausChannel(name: "ad⊗I", operators: ad.operators.map { DMSupport.kron(id2, 2, $0, 2) })
    var rho2 = DensityMatrix(entries: rho0)
    rho2.apply(asym, qubits: pairs[variant])
    var rho3 = DensityMatrix(entries: rho0)
    rho3.apply(ad, qubits: [pairs[variant][0]])
    #expect(DMSupport.maxDiff(rho2.entries, rho3.entries) < 1e-12)
  }

  @Test("complex (non-real) channels take the dense and diagonal kernels and still match Σ K ρ K†")
  func complexChannels() throws {
    let n = 3
    let rho0 = DMSupport.randomDensity(qubits: n, seed: 77)
    let p = 0.3
    func scaled(_ m: [C], _ w: Double) -> [C] { m.map { $0 * C(w.squareRoot(), 0) } }
    let rx = GateMatrices.single(.rx, gateParameters([0.7])).flat
    let s = GateMatrices.single(.s, gateParameters([])).flat
    let id1: [C] = [.one, .zero, .zero, .one]
    let rxx = GateMatrices.dense2(.rxx, gateParameters([0.9])).flat
    let id2 = DMSupport.kron(id1, 2, id1, 2)
    let cases: [(KrausChannel, [Int])] = [
      (try KrausChannel(name: "mix-rx", operators: [scaled(id1, 1 - p), scaled(rx, p)]), [1]),  // dense 4x4
      (try KrausChannel(name: "mix-s", operators: [scaled(id1, 1 - p), scaled(s, p)]), [2]),  // complex diagonal
      (try KrausChannel(name: "mix-rxx", operators: [scaled(id2, 1 - p), scaled(rxx, p)]), [2, 0]),  // dense 16x16
    ]
    for (ch, qs) in cases {
      var rho = DensityMatrix(entries: rho0)
      rho.apply(ch, qubits: qs)
      let expected = DMSupport.applyKraus(ch.operators, on: qs, to: rho0, n: n)
      #expect(DMSupport.maxDiff(rho.entries, expected) < 1e-12, "\(ch.name)")
    }
  }

  @Test("noisy random circuits keep trace 1, Hermiticity and positivity", arguments: 0..<8)
  func validState(seed: Int) throws {
    let n = 1 + seed % 3
    let noise = try NoiseModel(
      specification: "depolarizing=0.05,depolarizing2=0.1,amplitude_damping=0.07,phase_damping=0.03,t1=50us,t2=60us,gate_time_1q=1us,gate_time_2q=3us")
    let circuit = DMSupport.randomCircuit(qubits: n, gates: 30, seed: UInt64(seed) + 500)
    let rho = try DensityMatrix(circuit, noise: noise)
    #expect(abs(rho.trace - 1) < 1e-12)
    let e = rho.entries, d = rho.dimension
    for r in 0..<d { for c in 0..<d { #expect((e[r * d + c] - e[c * d + r].conjugate).length < 1e-13) } }
    let eig = DMSupport.hermitianEigenvalues(e, d)
    #expect(eig.first! >= -1e-12, "smallest eigenvalue \(eig.first!)")
    #expect(abs(eig.reduce(0, +) - 1) < 1e-10)
    #expect(rho.purity() <= 1 + 1e-12 && rho.purity() >= 1 / Double(d) - 1e-12)
    #expect(abs(rho.purity() - eig.reduce(0) { $0 + $1 * $1 }) < 1e-10)
    #expect(rho.probabilities.allSatisfy { $0 >= -1e-15 })
  }

  @Test("the Jacobi eigen solver recovers known spectra")
  func jacobiSolver() {
    let spectrum = [0.5, 0.3, 0.15, 0.05]
    var rng = SeededGenerator(seed: 1)
    let u = DMSupport.randomGate(.unitary2, qubits: 2, rng: &rng).matrix!
    var diag = [C](repeating: .zero, count: 16)
    for i in 0..<4 { diag[i * 5] = C(spectrum[i], 0) }
    let h = DMSupport.matmul(DMSupport.matmul(u, diag, 4), DMSupport.dagger(u, 4), 4)
    let eig = DMSupport.hermitianEigenvalues(h, 4)
    for (a, b) in zip(eig, spectrum.sorted()) { #expect(abs(a - b) < 1e-12) }
  }

  @Test("Pauli expectations match the statevector at zero noise", arguments: 0..<4)
  func pauliExpectations(seed: Int) throws {
    let n = 3
    let circuit = DMSupport.randomCircuit(qubits: n, gates: 25, seed: UInt64(seed) + 900)
    var psi = try StateVector(qubits: n)
    try psi.apply(circuit)
    let rho = try DensityMatrix(circuit)
    for p in ["ZII", "IXI", "IIY", "XYZ", "YYX", "ZZZ", "III", "xiz"] {
      #expect(abs(try rho.expectation(pauli: p) - psi.expectation(pauli: p)) < 1e-12, "\(p)")
    }
    #expect(throws: SimulationError.self) { try rho.expectation(pauli: "ZZ") }
    #expect(throws: SimulationError.self) { try rho.expectation(pauli: "ZQZ") }
  }

  @Test("overlap, fidelity, purity and marginals agree with their definitions")
  func observables() throws {
    var a = try StateVector(qubits: 2)
    var c = Circuit(qubits: 2)
    c.append(.h, 0); c.append(.cx, 0, 1); c.append(.ry, 1, parameters: [0.7])
    try a.apply(c)
    var b = try StateVector(qubits: 2)
    var c2 = Circuit(qubits: 2)
    c2.append(.rx, 0, parameters: [1.1]); c2.append(.h, 1)
    try b.apply(c2)
    let ra = DensityMatrix(a), rb = DensityMatrix(b)
    #expect(abs(ra.overlap(rb) - a.fidelity(b)) < 1e-12)
    #expect(abs(ra.fidelity(b) - a.fidelity(b)) < 1e-12)
    #expect(abs(ra.purity() - 1) < 1e-12)
    #expect(abs(ra.overlap(ra) - ra.purity()) < 1e-12)
    let m = ra.marginal([1])
    let ma = a.marginal([1])
    #expect(abs(m[0] - ma[0]) < 1e-12 && abs(m[1] - ma[1]) < 1e-12)
    // Maximally mixed single qubit: purity 1/2.
    var mixed = try DensityMatrix(qubits: 1)
    mixed.apply(try .depolarizing(1), qubits: [0])
    #expect(abs(mixed.purity() - 0.5) < 1e-12)
    #expect(abs(mixed[0, 0].real - 0.5) < 1e-12 && mixed[0, 1].length < 1e-12)
  }

  @Test("partial trace: reduced states match the statevector's marginals and Pauli expectations")
  func partialTrace() throws {
    let n = 4
    let noise = try NoiseModel(specification: "depolarizing=0.05,amplitude_damping=0.02")
    let circuit = DMSupport.randomCircuit(qubits: n, gates: 30, seed: 4242, kinds: [.h, .cx, .ry, .rz, .s, .rzz])
    let rho = try DensityMatrix(circuit, noise: noise)
    for keep in [[0], [2], [3, 1], [0, 2, 3]] {
      let red = rho.reduced(keeping: keep)
      #expect(red.qubitCount == keep.count)
      #expect(abs(red.trace - 1) < 1e-12)
      let m = rho.marginal(keep), pr = red.probabilities
      for (a, b) in zip(m, pr) { #expect(abs(a - b) < 1e-12) }
      // Tr(ρ_A σ) = Tr(ρ (σ ⊗ I)) for Paulis on the kept qubits.
      for p in ["X", "Y", "Z"] {
        var full = Array(repeating: Character("I"), count: n)
        full[n - 1 - keep[0]] = Character(p)
        var small = Array(repeating: Character("I"), count: keep.count)
        small[keep.count - 1] = Character(p)
        #expect(abs(try red.expectation(pauli: String(small)) - rho.expectation(pauli: String(full))) < 1e-12)
      }
    }
    // A Bell pair's single-qubit reduced state is maximally mixed.
    var bell = Circuit(qubits: 2)
    bell.append(.h, 0); bell.append(.cx, 0, 1)
    let half = try DensityMatrix(bell).reduced(keeping: [1])
    #expect(abs(half.purity() - 0.5) < 1e-14)
  }

  @Test("parallel kernels give the same state as serial ones")
  func threadsDoNotChangeResults() throws {
    let n = 8  // vec(ρ) has 2^16 entries, above the parallel threshold
    let noise = try NoiseModel(specification: "depolarizing=0.01,amplitude_damping=0.02")
    let circuit = DMSupport.randomCircuit(qubits: n, gates: 12, seed: 42, kinds: [.h, .cx, .rx, .rzz, .ccx, .u])
    var serial = try DensityMatrix(qubits: n)
    try serial.apply(circuit, noise: noise)
    var parallel = try DensityMatrix(qubits: n)
    parallel.threads = 4
    try parallel.apply(circuit, noise: noise)
    #expect(DMSupport.maxDiff(serial.entries, parallel.entries) < 1e-14)
  }

  @Test("a density matrix too large for memory fails up front, naming qubits and bytes")
  func memoryGuard() {
    do {
      _ = try DensityMatrix(qubits: 24)  // 16·4^24 B = 4 PiB
      Issue.record("expected insufficientMemory")
    } catch let e as SimulationError {
      let text = e.description
      #expect(text.contains("24-qubit density matrix"), "\(text)")
      #expect(text.contains("PiB") || text.contains("TiB"), "\(text)")
    } catch { Issue.record("unexpected \(error)") }
    #expect(throws: SimulationError.self) { _ = try DensityMatrix(qubits: 40) }
    #expect(throws: SimulationError.self) { _ = try DensityMatrix(qubits: -1) }
  }

  @Test("binding and size errors are reported, not crashes")
  func circuitErrors() throws {
    var c = Circuit(qubits: 2)
    let x = c.symbol("x")
    c.append(.rx, 0, parameters: [x])
    var rho = try DensityMatrix(qubits: 2)
    #expect(throws: SimulationError.bindingCount(expected: 1, got: 0)) { try rho.apply(c) }
    var small = try DensityMatrix(qubits: 1)
    #expect(throws: SimulationError.self) { try small.apply(c, bindings: [0.3]) }
    try rho.apply(c, bindings: [0.4])
    #expect(abs(rho.probabilities[1] - sin(0.2) * sin(0.2)) < 1e-12)
  }
}
