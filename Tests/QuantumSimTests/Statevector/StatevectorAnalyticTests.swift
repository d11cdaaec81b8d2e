import Foundation
import Numerics
import Testing
@testable import QuantumSim

/// Analytic states and gate identities.
@Suite struct StatevectorAnalyticTests {
  typealias C = Complex<Double>
  let r = 1 / 2.0.squareRoot()

  @Test func bellState() throws {
    var c = Circuit(qubits: 2)
    c.append(.h, 0)
    c.append(.cx, 0, 1)
    let s = try SVReference.run(c)
    let expected = [C(r, 0), .zero, .zero, C(r, 0)]
    #expect(SVReference.maxDifference(s.amplitudes, expected) < 1e-15)
  }

  @Test(arguments: [3, 5, 8])
  func ghzState(n: Int) throws {
    var c = Circuit(qubits: n)
    c.append(.h, 0)
    for q in 1..<n { c.append(.cx, q - 1, q) }
    let s = try SVReference.run(c)
    var expected = [C](repeating: .zero, count: 1 << n)
    expected[0] = C(r, 0)
    expected[(1 << n) - 1] = C(r, 0)
    #expect(SVReference.maxDifference(s.amplitudes, expected) < 1e-15)
  }

  /// QFT as in Qiskit's QFT circuit: h and controlled phases from the top qubit down, then swaps.
  static func qft(_ n: Int) -> Circuit {
    var c = Circuit(qubits: n)
    for i in stride(from: n - 1, through: 0, by: -1) {
      c.append(.h, i)
      for j in stride(from: i - 1, through: 0, by: -1) {
        c.append(.cp, j, i, parameters: [.value(Double.pi / Double(1 << (i - j)))])
      }
    }
    for i in 0..<(n / 2) { c.append(.swap, i, n - 1 - i) }
    return c
  }

  @Test("QFT of basis states: |j> -> sum_k e^{2 pi i jk/N} |k> / sqrt N", arguments: [0, 1, 5, 11, 31])
  func qftOfBasisState(j: Int) throws {
    let n = 5, dim = 1 << n
    var c = Circuit(qubits: n)
    for q in 0..<n where (j >> q) & 1 == 1 { c.append(.x, q) }
    c.append(Self.qft(n))
    let s = try SVReference.run(c)
    let expected = (0..<dim).map { k in
      let a = 2 * Double.pi * Double(j * k) / Double(dim)
      return C(cos(a), sin(a)) / C(Double(dim).squareRoot(), 0)
    }
    #expect(SVReference.maxDifference(s.amplitudes, expected) < 1e-12)
  }

  /// The statevector of a short gate list applied to a random 3-qubit state.
  func apply(_ gates: [Gate], seed: UInt64 = 3) -> [C] {
    var s = SVReference.randomState(3, seed: seed)
    for g in gates { s.apply(g) }
    return s.amplitudes
  }

  func g(_ kind: GateKind, _ qubits: Int..., p: [Double] = []) -> Gate {
    Gate(kind, qubits, p.map { .value($0) })
  }

  @Test func singleQubitIdentities() {
    let pairs: [(String, [Gate], [Gate], Bool)] = [
      ("HZH = X", [g(.h, 1), g(.z, 1), g(.h, 1)], [g(.x, 1)], false),
      ("HXH = Z", [g(.h, 0), g(.x, 0), g(.h, 0)], [g(.z, 0)], false),
      ("S^2 = Z", [g(.s, 2), g(.s, 2)], [g(.z, 2)], false),
      ("T^2 = S", [g(.t, 0), g(.t, 0)], [g(.s, 0)], false),
      ("Tdg^2 = Sdg", [g(.tdg, 0), g(.tdg, 0)], [g(.sdg, 0)], false),
      ("S Sdg = I", [g(.s, 1), g(.sdg, 1)], [g(.id, 1)], false),
      ("SX^2 = X", [g(.sx, 1), g(.sx, 1)], [g(.x, 1)], false),
      ("SXdg SX = I", [g(.sxdg, 1), g(.sx, 1)], [], false),
      ("p(pi/2) = S", [g(.p, 0, p: [.pi / 2])], [g(.s, 0)], false),
      ("p(pi/4) = T", [g(.p, 0, p: [.pi / 4])], [g(.t, 0)], false),
      ("u(pi/2, 0, pi) = H", [g(.u, 2, p: [.pi / 2, 0, .pi])], [g(.h, 2)], false),
      ("u(pi, 0, pi) = X", [g(.u, 2, p: [.pi, 0, .pi])], [g(.x, 2)], false),
      ("u(pi, pi/2, pi/2) = Y", [g(.u, 2, p: [.pi, .pi / 2, .pi / 2])], [g(.y, 2)], false),
      ("u(0, 0, l) = p(l)", [g(.u, 0, p: [0, 0, 0.7])], [g(.p, 0, p: [0.7])], false),
      ("u(t, -pi/2, pi/2) = rx(t)", [g(.u, 1, p: [0.9, -.pi / 2, .pi / 2])], [g(.rx, 1, p: [0.9])], false),
      ("u(t, 0, 0) = ry(t)", [g(.u, 1, p: [0.9, 0, 0])], [g(.ry, 1, p: [0.9])], false),
      // Up to global phase:
      ("rx(pi) ~ X", [g(.rx, 0, p: [.pi])], [g(.x, 0)], true),
      ("ry(pi) ~ Y", [g(.ry, 0, p: [.pi])], [g(.y, 0)], true),
      ("rz(pi) ~ Z", [g(.rz, 0, p: [.pi])], [g(.z, 0)], true),
      ("rz(l) ~ p(l)", [g(.rz, 0, p: [1.3])], [g(.p, 0, p: [1.3])], true),
      ("SX ~ rx(pi/2)", [g(.sx, 0)], [g(.rx, 0, p: [.pi / 2])], true),
    ]
    for (name, lhs, rhs, upToPhase) in pairs {
      let a = apply(lhs), b = apply(rhs)
      let d = upToPhase ? SVReference.maxDifferenceUpToPhase(a, b) : SVReference.maxDifference(a, b)
      #expect(d < 1e-12, "\(name): difference \(d)")
      if upToPhase {
        #expect(SVReference.maxDifference(a, b) > 1e-3, "\(name) should differ by a global phase")
      }
    }
    // rz(pi) is exactly -i Z:
    let rz = apply([g(.rz, 0, p: [.pi])]), z = apply([g(.z, 0)]).map { $0 * C(0, -1) }
    #expect(SVReference.maxDifference(rz, z) < 1e-12)
  }

  @Test func twoQubitIdentities() {
    let pairs: [(String, [Gate], [Gate])] = [
      ("cx = (I⊗H) cz (I⊗H)", [g(.cx, 0, 2)], [g(.h, 2), g(.cz, 0, 2), g(.h, 2)]),
      ("cx reversed = (H⊗H) cx (H⊗H)", [g(.cx, 1, 0)], [g(.h, 0), g(.h, 1), g(.cx, 0, 1), g(.h, 0), g(.h, 1)]),
      ("swap = 3 cx", [g(.swap, 0, 2)], [g(.cx, 0, 2), g(.cx, 2, 0), g(.cx, 0, 2)]),
      ("iswap = s s h cx cx h", [g(.iswap, 1, 2)], [g(.s, 1), g(.s, 2), g(.h, 1), g(.cx, 1, 2), g(.cx, 2, 1), g(.h, 2)]),
      ("rzz = cx rz cx", [g(.rzz, 0, 1, p: [0.8])], [g(.cx, 0, 1), g(.rz, 1, p: [0.8]), g(.cx, 0, 1)]),
      ("cz symmetric", [g(.cz, 0, 1)], [g(.cz, 1, 0)]),
      ("cp symmetric", [g(.cp, 0, 1, p: [0.4])], [g(.cp, 1, 0, p: [0.4])]),
      ("swap symmetric", [g(.swap, 0, 1)], [g(.swap, 1, 0)]),
      ("ccx = toffoli by controlled gates", [g(.ccx, 0, 1, 2)],
       [g(.h, 2), g(.cx, 1, 2), g(.tdg, 2), g(.cx, 0, 2), g(.t, 2), g(.cx, 1, 2), g(.tdg, 2), g(.cx, 0, 2),
        g(.t, 1), g(.t, 2), g(.h, 2), g(.cx, 0, 1), g(.t, 0), g(.tdg, 1), g(.cx, 0, 1)]),
      ("cswap = cx ccx cx", [g(.cswap, 0, 1, 2)], [g(.cx, 2, 1), g(.ccx, 0, 1, 2), g(.cx, 2, 1)]),
      ("crz(t) = rz(t/2) cx rz(-t/2) cx", [g(.crz, 0, 1, p: [0.9])],
       [g(.rz, 1, p: [0.45]), g(.cx, 0, 1), g(.rz, 1, p: [-0.45]), g(.cx, 0, 1)]),
      ("cry(t) = ry(t/2) cx ry(-t/2) cx", [g(.cry, 2, 0, p: [0.9])],
       [g(.ry, 0, p: [0.45]), g(.cx, 2, 0), g(.ry, 0, p: [-0.45]), g(.cx, 2, 0)]),
      ("cu(pi,0,pi,0) = cx", [g(.cu, 1, 0, p: [.pi, 0, .pi, 0])], [g(.cx, 1, 0)]),
      ("cu(0,0,0,g) = p(g) on control", [g(.cu, 1, 0, p: [0, 0, 0, 0.3])], [g(.p, 1, p: [0.3])]),
    ]
    for (name, lhs, rhs) in pairs {
      let d = SVReference.maxDifference(apply(lhs), apply(rhs))
      #expect(d < 1e-12, "\(name): difference \(d)")
    }
  }

  @Test("rxx, ryy, rzz equal exp(-i θ/2 P⊗P) computed densely", arguments: [-2.1, 0.37, 1.9])
  func pauliRotations(theta: Double) {
    let cases: [(GateKind, [C])] = [
      (.rxx, SVReference.pauliX), (.ryy, SVReference.pauliY), (.rzz, SVReference.pauliZ),
    ]
    for (kind, p) in cases {
      let pp = SVReference.kron(p, 2, p, 2)
      let local = SVReference.rotation(pp, 4, theta)
      for qubits in [[0, 2], [2, 1]] {
        let full = SVReference.expand(local, qubits: qubits, n: 3)
        var s = SVReference.randomState(3, seed: 11)
        let expected = SVReference.apply(full, s.amplitudes)
        s.apply(Gate(kind, qubits, [.value(theta)]))
        #expect(SVReference.maxDifference(s.amplitudes, expected) < 1e-12, "\(kind) on \(qubits)")
      }
    }
    // Single-qubit rotations likewise.
    for (kind, p) in [(GateKind.rx, SVReference.pauliX), (.ry, SVReference.pauliY), (.rz, SVReference.pauliZ)] {
      let full = SVReference.expand(SVReference.rotation(p, 2, theta), qubits: [1], n: 3)
      var s = SVReference.randomState(3, seed: 12)
      let expected = SVReference.apply(full, s.amplitudes)
      s.apply(Gate(kind, [1], [.value(theta)]))
      #expect(SVReference.maxDifference(s.amplitudes, expected) < 1e-12, "\(kind)")
    }
  }

  @Test("named matrices equal their literal Qiskit definitions")
  func literalMatrices() {
    let h = 1 / 2.0.squareRoot()
    let cases: [(GateKind, [C])] = [
      (.h, [C(h, 0), C(h, 0), C(h, 0), C(-h, 0)]),
      (.y, [.zero, C(0, -1), C(0, 1), .zero]),
      (.s, [.one, .zero, .zero, C(0, 1)]),
      (.sdg, [.one, .zero, .zero, C(0, -1)]),
      (.t, [.one, .zero, .zero, C(h, h)]),
      (.tdg, [.one, .zero, .zero, C(h, -h)]),
      (.sx, [C(0.5, 0.5), C(0.5, -0.5), C(0.5, -0.5), C(0.5, 0.5)]),
      (.sxdg, [C(0.5, -0.5), C(0.5, 0.5), C(0.5, 0.5), C(0.5, -0.5)]),
    ]
    for (kind, m) in cases {
      let got = GateMatrices.single(kind, gateParameters([])).flat
      #expect(SVReference.maxDifference(got, m) < 1e-15, "\(kind)")
    }
    let iswap = GateMatrices.full(Gate(.iswap, [0, 1]), [])
    var expected = [C](repeating: .zero, count: 16)
    expected[0] = .one; expected[1 * 4 + 2] = C(0, 1); expected[2 * 4 + 1] = C(0, 1); expected[15] = .one
    #expect(SVReference.maxDifference(iswap, expected) < 1e-15)
  }
}
