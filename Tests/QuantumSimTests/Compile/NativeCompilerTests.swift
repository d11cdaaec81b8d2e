import Foundation
import Numerics
import Testing

@testable import QuantumSim

/// The full unitary of a bound circuit (column k = the circuit applied to |k>).
func circuitUnitary(_ c: Circuit) throws -> [[Complex<Double>]] {
  let d = 1 << c.qubitCount
  return try (0..<d).map { k in
    var amps = [Complex<Double>](repeating: .zero, count: d)
    amps[k] = .one
    var s = StateVector(amplitudes: amps)
    try s.apply(c)
    return s.amplitudes
  }
}

/// |Tr(A† B)| / d for unitaries given by columns: 1 exactly when B = e^{iα} A.
func phaseFreeOverlap(_ a: [[Complex<Double>]], _ b: [[Complex<Double>]]) -> Double {
  var t = Complex<Double>.zero
  for (ca, cb) in zip(a, b) { for (x, y) in zip(ca, cb) { t = t + x.conjugate * y } }
  return t.length / Double(a.count)
}

/// The logical unitary followed by the routing permutation (logical l ends on local finalLayout[l]).
func permutedUnitary(_ u: [[Complex<Double>]], finalLayout: [Int]) -> [[Complex<Double>]] {
  u.map { col in
    var out = col
    for i in col.indices {
      var j = 0
      for (l, p) in finalLayout.enumerated() where i >> l & 1 == 1 { j |= 1 << p }
      out[j] = col[i]
    }
    return out
  }
}

/// A random bound circuit over the gates the encodings and ansatzes use.
func randomLogicalCircuit(qubits n: Int, gates count: Int, seed: UInt64) -> Circuit {
  var rng = SeededGenerator(seed: seed)
  func angle() -> Angle { .value((rng.nextUnit() * 2 - 1) * .pi) }
  let one: [GateKind] = [.h, .x, .y, .sx, .s, .t, .rz, .ry, .rx, .p, .u]
  let two: [GateKind] = [.cx, .cz, .cp, .crz, .cry, .crx, .rzz, .rxx, .ryy, .swap, .ch, .cy, .cu, .iswap]
  var c = Circuit(qubits: n)
  for _ in 0..<count {
    let a = Int(rng.next() % UInt64(n))
    var b = Int(rng.next() % UInt64(n - 1))
    if b >= a { b += 1 }
    if rng.nextUnit() < 0.5 {
      let k = one[Int(rng.next() % UInt64(one.count))]
      c.append(Gate(k, [a], (0..<k.parameterCount).map { _ in angle() }))
    } else if rng.nextUnit() < 0.1, n >= 3 {
      var t = (0..<n).filter { $0 != a && $0 != b }[0]
      if rng.nextUnit() < 0.5 { t = (0..<n).filter { $0 != a && $0 != b }.last! }
      c.append(Gate(.ccx, [a, b, t]))
    } else {
      let k = two[Int(rng.next() % UInt64(two.count))]
      c.append(Gate(k, [a, b], (0..<k.parameterCount).map { _ in angle() }))
    }
  }
  return c
}

/// The IQM Garnet coupling map of specs/devices/iqm-garnet.yaml.
let garnetMap = try! CouplingMap(qubits: 20, edges: [
  (0, 1), (0, 3), (1, 4), (2, 3), (2, 7), (3, 4), (3, 8), (4, 5), (4, 9), (5, 6), (5, 10), (6, 11), (7, 8),
  (7, 12), (8, 9), (8, 13), (9, 10), (9, 14), (10, 11), (10, 15), (11, 16), (12, 13), (13, 14), (13, 17),
  (14, 15), (14, 18), (15, 16), (15, 19), (17, 18), (18, 19),
])

@Suite("Native compiler")
struct NativeCompilerTests {
  static let targets: [(String, NativeCompiler)] = [
    ("ibm-heron", NativeCompiler(gates: .czSX, coupling: .ibmHeronR2)),
    ("iqm-garnet", NativeCompiler(gates: .czPRX, coupling: garnetMap)),
    ("ionq-forte", NativeCompiler(gates: .zzGPI, coupling: nil)),
    ("line", NativeCompiler(gates: .czSX, coupling: .line(6))),
  ]

  @Test("native gate matrices: prx(π/2, φ) = gpi2(φ), prx(π, φ) ∝ gpi(φ), inverses and conjugates")
  func nativeMatrices() throws {
    for phi in [0.0, 0.3, -2.1] {
      let prx2 = GateMatrices.single(.prx, gateParameters([.pi / 2, phi]))
      let g2 = GateMatrices.single(.gpi2, gateParameters([phi]))
      #expect((prx2.m01 - g2.m01).length < 1e-12 && (prx2.m00 - g2.m00).length < 1e-12)
      let prx = GateMatrices.single(.prx, gateParameters([.pi, phi]))
      let g = GateMatrices.single(.gpi, gateParameters([phi]))
      #expect((prx.m10 - Complex(0, -1) * g.m10).length < 1e-12)
      for kind in [GateKind.prx, .gpi, .gpi2] {
        var c = Circuit(qubits: 1)
        let gate = Gate(kind, [0], kind == .prx ? [0.7, .value(phi)] : [.value(phi)])
        c.append(gate)
        c.append(gate.inverse)
        #expect(phaseFreeOverlap(try circuitUnitary(c), try circuitUnitary(Circuit(qubits: 1))) > 1 - 1e-12)
        // The density matrix's conjugate gate: U ρ U† for a pure state equals |Uψ><Uψ|.
        var prep = Circuit(qubits: 1)
        prep.append(Gate(.ry, [0], [0.4]))
        prep.append(gate)
        let rho = try DensityMatrix(prep)
        var s = try StateVector(qubits: 1)
        try s.apply(prep)
        #expect((rho[0, 1] - s[0] * s[1].conjugate).length < 1e-12)
      }
    }
  }

  @Test("Euler synthesis reproduces random single-qubit unitaries in every gate set")
  func synthesis() throws {
    var rng = SeededGenerator(seed: 5)
    for _ in 0..<40 {
      let u = GateMatrices.single(.u, gateParameters([rng.nextUnit() * .pi, rng.nextUnit() * 6 - 3, rng.nextUnit() * 6 - 3]))
      for set in [NativeGateSet.czSX, .czPRX, .zzGPI] {
        var c = Circuit(qubits: 1)
        for g in OneQubitSynthesis.gates(u, on: 0, set: set) {
          #expect(set.kinds.contains(g.kind))
          c.append(g)
        }
        var ref = Circuit(qubits: 1)
        ref.append(Gate(.unitary1, [0], matrix: u.flat))
        #expect(phaseFreeOverlap(try circuitUnitary(ref), try circuitUnitary(c)) > 1 - 1e-10)
      }
    }
  }

  @Test("compiled circuits equal the logical ones up to global phase and the final permutation")
  func equivalence() throws {
    for (name, compiler) in Self.targets {
      for seed in UInt64(1)...6 {
        let n = 3 + Int(seed % 3)
        let logical = randomLogicalCircuit(qubits: n, gates: 30, seed: seed * 31 + UInt64(name.count))
        let native = try compiler.compile(logical)
        #expect(native.circuit.qubitCount == n)
        for g in native.circuit.gates {
          #expect(compiler.gates.kinds.contains(g.kind), "\(name): \(g.kind) is not native")
          if g.qubits.count == 2, let map = compiler.coupling {
            #expect(map.isConnected(native.region[g.qubits[0]], native.region[g.qubits[1]]), "\(name): uncoupled \(g.qubits)")
          }
        }
        let want = permutedUnitary(try circuitUnitary(logical), finalLayout: native.finalLayout)
        let overlap = phaseFreeOverlap(want, try circuitUnitary(native.circuit))
        #expect(overlap > 1 - 1e-9, "\(name) seed \(seed): overlap \(overlap)")
        // The native inverse undoes the compiled circuit, routing included.
        var roundTrip = native.circuit
        roundTrip.append(try compiler.inverse(native))
        #expect(phaseFreeOverlap(try circuitUnitary(roundTrip), try circuitUnitary(Circuit(qubits: n))) > 1 - 1e-9)
        for g in try compiler.inverse(native).gates { #expect(compiler.gates.kinds.contains(g.kind)) }
      }
    }
  }

  @Test("native gate counts: cx, cancelling and merging single-qubit runs, swaps on a line")
  func counts() throws {
    var cx = Circuit(qubits: 2)
    cx.append(.cx, 0, 1)
    let ibm = try NativeCompiler(gates: .czSX, coupling: .ibmHeronR2).compile(cx)
    #expect(ibm.statistics.gateCounts == ["cz": 1, "sx": 2, "rz": 4] || ibm.statistics.gateCounts["cz"] == 1)
    #expect(ibm.statistics.gateCounts["sx"] == 2 && ibm.swapsInserted == 0)
    let iqm = try NativeCompiler(gates: .czPRX, coupling: garnetMap).compile(cx)
    #expect(iqm.statistics.gateCounts["cz"] == 1 && iqm.statistics.gateCounts["prx"] == 2)
    let ionq = try NativeCompiler(gates: .zzGPI).compile(cx)
    #expect(ionq.statistics.gateCounts["rzz"] == 1)

    // h h cancels; rz rz merges into one rz; a zz interaction is one native rzz on IonQ.
    var runs = Circuit(qubits: 2)
    runs.append(.h, 0); runs.append(.h, 0)
    runs.append(.rz, 1, parameters: [0.2]); runs.append(.rz, 1, parameters: [0.3])
    runs.append(.rzz, 0, 1, parameters: [0.4])
    let ionqRuns = try NativeCompiler(gates: .zzGPI).compile(runs)
    #expect(ionqRuns.statistics.gateCounts == ["rz": 1, "rzz": 1])
    let ibmRuns = try NativeCompiler(gates: .czSX, coupling: .line(2)).compile(runs)
    #expect(ibmRuns.statistics.gateCounts["cz"] == 2 && ibmRuns.statistics.gateCounts["sx"] == 4)

    // cx(0, 2) on a 3-qubit line: one swap (3 cz) plus the cx (1 cz).
    var far = Circuit(qubits: 3)
    far.append(.cx, 0, 2)
    let line = try NativeCompiler(gates: .czSX, coupling: .line(3)).compile(far)
    #expect(line.swapsInserted == 1 && line.twoQubitGates == 4)
    let all = try NativeCompiler(gates: .czSX, coupling: .allToAll(3)).compile(far)
    #expect(all.swapsInserted == 0 && all.twoQubitGates == 1)
    #expect(line.pulseDepth > all.pulseDepth)
  }

  @Test("regions: connected, trivial where 0..<n is connected; too-large circuits are refused")
  func regions() throws {
    #expect(try NativeCompiler(gates: .czSX, coupling: .ibmHeronR2).region(qubits: 4) == [0, 1, 2, 3])
    #expect(try NativeCompiler(gates: .czPRX, coupling: garnetMap).region(qubits: 4) == [0, 1, 3, 4])
    #expect(try NativeCompiler(gates: .zzGPI).region(qubits: 5) == [0, 1, 2, 3, 4])
    #expect(throws: SimulationError.self) { try NativeCompiler(gates: .czSX, coupling: .line(3)).region(qubits: 4) }
    #expect(NativeGateSet(names: ["cz", "id", "rz", "sx", "x"]) == .czSX)
    #expect(NativeGateSet(names: ["prx", "cz"]) == .czPRX)
    #expect(NativeGateSet(names: ["gpi", "gpi2", "zz"]) == .zzGPI)
    #expect(NativeGateSet(names: []) == .any)
    #expect(NativeGateSet(names: ["ecr", "rz", "sx"]) == nil)
  }
}
