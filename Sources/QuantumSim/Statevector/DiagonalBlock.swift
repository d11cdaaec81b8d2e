import Dispatch
import Numerics

/// A product of diagonal gates (rz, p, z, s, t, cz, cp, crz, rzz, diagonal unitaries) applied
/// to a state in one pass instead of one pass per gate.
///
/// Diagonal gates commute, so their product is a phase per basis index. The index is split
/// into a low part (qubits below `split`) and a high part; every factor on one side only is
/// multiplied into that side's lookup table, and an amplitude's phase is low[l] · high[h].
/// Factors with qubits on both sides are kept as gates and applied by their own kernels.
public struct DiagonalBlock: Sendable {
  /// Qubits of the state the block applies to.
  public let qubitCount: Int
  /// The qubits the block's gates act on, ascending.
  public let qubits: [Int]
  /// Number of gates multiplied into the block (tables plus straddling gates).
  public let gateCount: Int
  /// Index bits below `split` select the low table entry, the others the high one.
  let split: Int
  let lowRe: [Double], lowIm: [Double]
  let highRe: [Double], highIm: [Double]
  /// Gates with qubits on both sides of `split` (numeric parameters), applied after the tables.
  let straddling: [Gate]

  /// Multiplies the numeric diagonal gates `gates` into tables for an n-qubit state.
  /// - Precondition: every gate is diagonal (`DiagonalBlock.isDiagonal`) with numeric parameters.
  public init(qubitCount n: Int, gates: [Gate]) {
    precondition(gates.allSatisfy(Self.isDiagonal), "DiagonalBlock takes diagonal gates only")
    qubitCount = n
    // Compiled once per input by the kernels' state banks: loops here, not sets and filters.
    var used = [Bool](repeating: false, count: n)
    for g in gates { for q in g.qubits { used[q] = true } }
    qubits = (0..<n).filter { used[$0] }
    gateCount = gates.count
    // The split near the middle that leaves the fewest gates straddling it (ring entanglers).
    func straddles(_ g: Gate, _ s: Int) -> Bool {
      var below = false, above = false
      for q in g.qubits { if q < s { below = true } else { above = true } }
      return below && above
    }
    let middle = n / 2
    var best = middle
    var bestCount = Int.max
    for s in Swift.max(0, middle - 3)...Swift.min(n, middle + 3) {
      var c = 0
      for g in gates where straddles(g, s) { c += 1 }
      if c < bestCount || (c == bestCount && abs(s - middle) < abs(best - middle)) { best = s; bestCount = c }
    }
    split = best
    var lr = [Double](repeating: 1, count: 1 << best), li = [Double](repeating: 0, count: 1 << best)
    var hr = [Double](repeating: 1, count: 1 << (n - best)), hi = [Double](repeating: 0, count: 1 << (n - best))
    var rest: [Gate] = []
    for g in gates {
      if straddles(g, best) {
        rest.append(g)
        continue
      }
      let low = g.qubits.allSatisfy { $0 < best }
      let local = low ? g.qubits : g.qubits.map { $0 - best }
      let d = Self.diagonal(g)
      if low {
        Self.multiply(&lr, &li, by: d, on: local)
      } else {
        Self.multiply(&hr, &hi, by: d, on: local)
      }
    }
    lowRe = lr; lowIm = li; highRe = hr; highIm = hi
    straddling = rest
  }

  /// True when `gate` is diagonal in the computational basis (named kinds, or a unitary whose
  /// off-diagonal entries are exactly zero).
  public static func isDiagonal(_ gate: Gate) -> Bool {
    if gate.kind.isDiagonal { return true }
    guard gate.kind == .unitary1 || gate.kind == .unitary2, let m = gate.matrix else { return false }
    let size = gate.kind == .unitary1 ? 2 : 4
    for r in 0..<size { for c in 0..<size where r != c && m[r * size + c] != .zero { return false } }
    return true
  }

  /// The diagonal of a numeric gate, entry index = bit(qubits[0]) + 2 bit(qubits[1]).
  static func diagonal(_ g: Gate) -> [Complex<Double>] {
    var p = GateParameters(repeating: 0)
    for (k, a) in g.parameters.enumerated() where k < 4 { p[k] = a.constantValue ?? .nan }
    switch g.qubits.count {
    case 1:
      let m = GateMatrices.single(g.kind, p, matrix: g.matrix)
      return [m.m00, m.m11]
    case 2:
      if g.kind == .unitary2, let m = g.matrix, m.count == 16 { return [m[0], m[5], m[10], m[15]] }
      let m = GateMatrices.dense2(g.kind, p, matrix: g.matrix)
      return [m[0, 0], m[1, 1], m[2, 2], m[3, 3]]
    default:
      let m = GateMatrices.full(g, g.parameters.map { $0.constantValue ?? .nan })
      let size = 1 << g.qubits.count
      return (0..<size).map { m[$0 * size + $0] }
    }
  }

  /// table[i] *= d[k(i)] where k collects the bits `qubits` of i.
  static func multiply(_ re: inout [Double], _ im: inout [Double], by d: [Complex<Double>], on qubits: [Int]) {
    // One- and two-qubit factors (nearly all of them) read their entry with fixed shifts; the
    // products are the same for every path.
    let q0 = qubits.first ?? 0, q1 = qubits.count > 1 ? qubits[1] : 0
    let count = qubits.count
    re.withUnsafeMutableBufferPointer { r in
      im.withUnsafeMutableBufferPointer { m in
        d.withUnsafeBufferPointer { f in
          qubits.withUnsafeBufferPointer { qs in
            for i in 0..<r.count {
              let k: Int
              switch count {
              case 0: k = 0
              case 1: k = (i &>> q0) & 1
              case 2: k = ((i &>> q0) & 1) | (((i &>> q1) & 1) &<< 1)
              default:
                var bits = 0
                for pos in 0..<count { bits |= ((i &>> qs[pos]) & 1) &<< pos }
                k = bits
              }
              let fr = f[k].real, fi = f[k].imaginary
              let a = r[i], b = m[i]
              r[i] = a * fr - b * fi
              m[i] = a * fi + b * fr
            }
          }
        }
      }
    }
  }
}

extension StateVector {
  /// Applies a diagonal block: every amplitude times its phase, then the straddling gates.
  public mutating func apply(_ block: DiagonalBlock) {
    precondition(block.qubitCount == qubitCount, "the block was built for \(block.qubitCount) qubits, the state has \(qubitCount)")
    let split = block.split
    let lowCount = 1 << split, highCount = dimension >> split
    let t = Parallel.threads(work: dimension, available: threads)
    re.withUnsafeMutableBufferPointer { rb in
      im.withUnsafeMutableBufferPointer { ib in
        block.lowRe.withUnsafeBufferPointer { lrb in
          block.lowIm.withUnsafeBufferPointer { lib in
            let r = rb.baseAddress!, i = ib.baseAddress!
            let lr = lrb.baseAddress!, li = lib.baseAddress!
            let hr = block.highRe, hi = block.highIm
            // Threads take disjoint ranges of high indices, so results do not depend on them.
            Parallel.chunks(highCount, threads: t) { part in
              for h in part {
                let pr = hr[h], pi = hi[h]
                let base = h << split
                for l in 0..<lowCount {
                  let fr = lr[l] * pr - li[l] * pi, fi = lr[l] * pi + li[l] * pr
                  let x = r[base + l], y = i[base + l]
                  r[base + l] = x * fr - y * fi
                  i[base + l] = x * fi + y * fr
                }
              }
            }
          }
        }
      }
    }
    for g in block.straddling { apply(g) }
  }
}
