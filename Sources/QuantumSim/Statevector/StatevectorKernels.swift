import Dispatch
import Numerics

// Implementation goals, in order of priority:
// 1. Exact: each kernel applies the gate's matrix as written, no approximations.
// 2. No allocation per gate: matrices arrive inline, amplitudes are updated in place.
// 3. Unsafe pointers stay in this file; callers pass `StateVector` only.
// 4. Contiguous inner loops: the amplitudes a gate pairs up come in runs of 2^lowest
//    (lowest = the lowest qubit the gate names), so the inner loop walks a run with unit
//    stride and the compiler vectorises it; the outer loop computes the run's base index.
// 5. Large states are split across threads (from `Parallel.minimumWork` amplitudes); small ones
//    run serially. Threads split disjoint runs, so results do not depend on the thread count.
//
// Storage is split: `re[i]`, `im[i]` for basis index i; qubit q is bit q of i.

/// States at least this large (in amplitudes) are updated by several threads.

/// Inserts a zero bit at position `q` of `k` (so pair index k maps to the basis index with qubit q = 0).
@inline(__always)
func insertZero(_ k: Int, _ q: Int) -> Int {
  let low = k & ((1 &<< q) &- 1)
  return ((k ^ low) &<< 1) | low
}

/// The bit of qubit q, or 0 for an unused slot (-1).
@inline(__always)
func _mask(_ q: Int) -> Int { q < 0 ? 0 : 1 &<< q }

/// The runs of a gate on a set of qubits: basis indices with those qubits zero, grouped into
/// `outer` runs of `inner` = 2^lowest consecutive indices.
struct _Runs {
  /// The gate's qubits in ascending order (up to three).
  let p0: Int, p1: Int, p2: Int
  let count: Int
  /// Number of runs and run length.
  let outer: Int, inner: Int

  /// Runs for a gate on qubits a, b, c (distinct; -1 marks an unused slot). Allocates nothing.
  init(dimension: Int, _ a: Int, _ b: Int = -1, _ c: Int = -1) {
    var x = a, y = b, z = c
    if x > y { swap(&x, &y) }
    if y > z { swap(&y, &z) }
    if x > y { swap(&x, &y) }
    // Now x <= y <= z; unused slots (-1) sort first.
    if x >= 0 {
      count = 3; p0 = x; p1 = y; p2 = z
    } else if y >= 0 {
      count = 2; p0 = y; p1 = z; p2 = -1
    } else {
      count = 1; p0 = z; p1 = -1; p2 = -1
    }
    inner = 1 &<< p0
    outer = (dimension &>> count) / inner
  }

  /// The first basis index of run `o` (all the gate's qubits zero).
  @inline(__always)
  func base(_ o: Int) -> Int {
    var b = insertZero(o &<< p0, p0)
    if count > 1 { b = insertZero(b, p1) }
    if count > 2 { b = insertZero(b, p2) }
    return b
  }
}

/// Runs `body(runs, offsets)` over all runs, splitting across threads for large states: by runs
/// when there are enough of them, otherwise by offsets within each run.
@inline(__always)
func parallelRuns(_ runs: _Runs, threads: Int, _ body: (Range<Int>, Range<Int>) -> Void) {
  let total = runs.outer &* runs.inner
  let t = Parallel.threads(work: total &* 2, available: threads)
  if t <= 1 {
    body(0..<runs.outer, 0..<runs.inner)
    return
  }
  // The chunks are disjoint sets of amplitudes, so the kernels never race.
  if runs.outer >= t {
    Parallel.chunks(runs.outer, threads: t) { part in body(part, 0..<runs.inner) }
  } else {
    Parallel.chunks(runs.inner, threads: t) { part in body(0..<runs.outer, part) }
  }
}

/// In-place kernels specialised by gate shape. All take the state's raw split storage.
enum Kernels {
  /// diag(d0, d1) on qubit q (the d0 half is skipped when d0 = 1, as for p, s, t, z).
  static func diagonal1(
    _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, dim: Int, threads: Int,
    q: Int, d0r: Double, d0i: Double, d1r: Double, d1i: Double
  ) {
    if usesLanes(dim: dim, q) {
      laneDiagonal(re, im, dim: dim, threads: threads, q0: q, d: [Complex(d0r, d0i), Complex(d1r, d1i), .one, .one])
      return
    }
    let runs = _Runs(dimension: dim, q)
    let bit = 1 &<< q
    let skip0 = d0r == 1 && d0i == 0
    parallelRuns(runs, threads: threads) { oRange, jRange in
      if q == 0 {  // pairs are adjacent: one straight loop, no per-run bookkeeping
        for o in oRange {
          let i0 = o &<< 1, i1 = i0 | 1
          if !skip0 {
            let a = re[i0], b = im[i0]
            re[i0] = a * d0r - b * d0i
            im[i0] = a * d0i + b * d0r
          }
          let a = re[i1], b = im[i1]
          re[i1] = a * d1r - b * d1i
          im[i1] = a * d1i + b * d1r
        }
        return
      }
      for o in oRange {
        let b0 = runs.base(o), b1 = b0 | bit
        if !skip0 {
          for j in jRange {
            let a = re[b0 + j], b = im[b0 + j]
            re[b0 + j] = a * d0r - b * d0i
            im[b0 + j] = a * d0i + b * d0r
          }
        }
        for j in jRange {
          let a = re[b1 + j], b = im[b1 + j]
          re[b1 + j] = a * d1r - b * d1i
          im[b1 + j] = a * d1i + b * d1r
        }
      }
    }
  }

  /// Multiplies every amplitude whose qubits a and b are both 1 by the phase (pr, pi): cz, cp.
  static func maskedPhase(
    _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, dim: Int, threads: Int,
    a: Int, b: Int, pr: Double, pi: Double
  ) {
    if usesLanes(dim: dim, a, b) {
      laneDiagonal(re, im, dim: dim, threads: threads, q0: a, q1: b, d: [.one, .one, .one, Complex(pr, pi)])
      return
    }
    let runs = _Runs(dimension: dim, a, b)
    let mask = (1 &<< a) | (1 &<< b)
    parallelRuns(runs, threads: threads) { oRange, jRange in
      for o in oRange {
        let base = runs.base(o) | mask
        for j in jRange {
          let x = re[base + j], y = im[base + j]
          re[base + j] = x * pr - y * pi
          im[base + j] = x * pi + y * pr
        }
      }
    }
  }

  /// A dense 2x2 matrix on qubit q, applied only where the `controls` are all 1 (none, one or two).
  static func dense1(
    _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, dim: Int, threads: Int,
    q: Int, c0: Int = -1, c1: Int = -1, m: Matrix2
  ) {
    if usesLanes(dim: dim, q, c0, c1) {
      laneDense1(re, im, dim: dim, threads: threads, q: q, c0: c0, c1: c1, m: m)
      return
    }
    let runs = _Runs(dimension: dim, q, c0, c1)
    let bit = 1 &<< q
    let controlMask = _mask(c0) | _mask(c1)
    let (ar, ai) = (m.m00.real, m.m00.imaginary), (br, bi) = (m.m01.real, m.m01.imaginary)
    let (cr, ci) = (m.m10.real, m.m10.imaginary), (dr, di) = (m.m11.real, m.m11.imaginary)
    let realMatrix = ai == 0 && bi == 0 && ci == 0 && di == 0
    parallelRuns(runs, threads: threads) { oRange, jRange in
      if runs.inner == 1 && realMatrix {  // target qubit 0, real matrix (ry, h)
        for o in oRange {
          let i0 = runs.base(o) | controlMask, i1 = i0 | bit
          let x0r = re[i0], x0i = im[i0], x1r = re[i1], x1i = im[i1]
          re[i0] = ar * x0r + br * x1r
          im[i0] = ar * x0i + br * x1i
          re[i1] = cr * x0r + dr * x1r
          im[i1] = cr * x0i + dr * x1i
        }
        return
      }
      if runs.inner == 1 {  // target qubit 0 and no lower control: pairs are adjacent
        for o in oRange {
          let i0 = runs.base(o) | controlMask, i1 = i0 | bit
          let x0r = re[i0], x0i = im[i0], x1r = re[i1], x1i = im[i1]
          re[i0] = ar * x0r - ai * x0i + br * x1r - bi * x1i
          im[i0] = ar * x0i + ai * x0r + br * x1i + bi * x1r
          re[i1] = cr * x0r - ci * x0i + dr * x1r - di * x1i
          im[i1] = cr * x0i + ci * x0r + dr * x1i + di * x1r
        }
        return
      }
      for o in oRange {
        let i0 = runs.base(o) | controlMask, i1 = i0 | bit
        if realMatrix {  // ry, h, x-like: half the multiplications
          for j in jRange {
            let x0r = re[i0 + j], x0i = im[i0 + j], x1r = re[i1 + j], x1i = im[i1 + j]
            re[i0 + j] = ar * x0r + br * x1r
            im[i0 + j] = ar * x0i + br * x1i
            re[i1 + j] = cr * x0r + dr * x1r
            im[i1 + j] = cr * x0i + dr * x1i
          }
        } else {
          for j in jRange {
            let x0r = re[i0 + j], x0i = im[i0 + j], x1r = re[i1 + j], x1i = im[i1 + j]
            re[i0 + j] = ar * x0r - ai * x0i + br * x1r - bi * x1i
            im[i0 + j] = ar * x0i + ai * x0r + br * x1i + bi * x1r
            re[i1 + j] = cr * x0r - ci * x0i + dr * x1r - di * x1i
            im[i1 + j] = cr * x0i + ci * x0r + dr * x1i + di * x1r
          }
        }
      }
    }
  }

  /// Pauli X on qubit q where the `controls` are all 1: a permutation (x, cx, ccx).
  static func controlledX(
    _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, dim: Int, threads: Int,
    q: Int, c0: Int = -1, c1: Int = -1
  ) {
    if usesLanes(dim: dim, q, c0, c1) {
      laneDense1(re, im, dim: dim, threads: threads, q: q, c0: c0, c1: c1, m: pauliX)
      return
    }
    let runs = _Runs(dimension: dim, q, c0, c1)
    let bit = 1 &<< q
    let controlMask = _mask(c0) | _mask(c1)
    parallelRuns(runs, threads: threads) { oRange, jRange in
      for o in oRange {
        let i0 = runs.base(o) | controlMask, i1 = i0 | bit
        for j in jRange {
          let r = re[i0 + j], m = im[i0 + j]
          re[i0 + j] = re[i1 + j]; im[i0 + j] = im[i1 + j]
          re[i1 + j] = r; im[i1 + j] = m
        }
      }
    }
  }

  /// Exchanges qubits a and b where the `controls` are all 1 (swap, cswap).
  static func swapQubits(
    _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, dim: Int, threads: Int,
    a: Int, b: Int, c0: Int = -1
  ) {
    let runs = _Runs(dimension: dim, a, b, c0)
    let controlMask = _mask(c0)
    let bitA = 1 &<< a, bitB = 1 &<< b
    parallelRuns(runs, threads: threads) { oRange, jRange in
      for o in oRange {
        let base = runs.base(o) | controlMask
        let i01 = base | bitA, i10 = base | bitB
        for j in jRange {
          let r = re[i01 + j], m = im[i01 + j]
          re[i01 + j] = re[i10 + j]; im[i01 + j] = im[i10 + j]
          re[i10 + j] = r; im[i10 + j] = m
        }
      }
    }
  }

  /// A diagonal 4-entry gate on qubits (q0, q1); entry index = bit(q0) + 2*bit(q1).
  static func diagonal2(
    _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, dim: Int, threads: Int,
    q0: Int, q1: Int, d: Matrix4
  ) {
    if usesLanes(dim: dim, q0, q1) {
      laneDiagonal(re, im, dim: dim, threads: threads, q0: q0, q1: q1, d: [d[0, 0], d[1, 1], d[2, 2], d[3, 3]])
      return
    }
    let runs = _Runs(dimension: dim, q0, q1)
    let offsets = (0, 1 &<< q0, 1 &<< q1, (1 &<< q0) | (1 &<< q1))
    let dr = (d[0, 0].real, d[1, 1].real, d[2, 2].real, d[3, 3].real)
    let di = (d[0, 0].imaginary, d[1, 1].imaginary, d[2, 2].imaginary, d[3, 3].imaginary)
    @inline(__always) func scale(_ i: Int, _ jRange: Range<Int>, _ pr: Double, _ pi: Double) {
      for j in jRange {
        let x = re[i + j], y = im[i + j]
        re[i + j] = x * pr - y * pi
        im[i + j] = x * pi + y * pr
      }
    }
    parallelRuns(runs, threads: threads) { oRange, jRange in
      for o in oRange {
        let base = runs.base(o)
        scale(base + offsets.0, jRange, dr.0, di.0)
        scale(base + offsets.1, jRange, dr.1, di.1)
        scale(base + offsets.2, jRange, dr.2, di.2)
        scale(base + offsets.3, jRange, dr.3, di.3)
      }
    }
  }

  /// A dense 4x4 matrix on qubits (q0, q1), basis index = bit(q0) + 2*bit(q1).
  static func dense2(
    _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, dim: Int, threads: Int,
    q0: Int, q1: Int, m: Matrix4
  ) {
    let runs = _Runs(dimension: dim, q0, q1)
    let b0 = 1 &<< q0, b1 = 1 &<< q1
    withUnsafeTemporaryAllocation(of: Double.self, capacity: 32) { buf in
      for j in 0..<16 { buf[2 * j] = m.e[j].real; buf[2 * j + 1] = m.e[j].imaginary }
      let mm = UnsafePointer(buf.baseAddress!)
      parallelRuns(runs, threads: threads) { oRange, jRange in
        // Matrix entries in locals so the inner loop keeps them in registers.
        let m00r = mm[0], m00i = mm[1], m01r = mm[2], m01i = mm[3], m02r = mm[4], m02i = mm[5], m03r = mm[6], m03i = mm[7]
        let m10r = mm[8], m10i = mm[9], m11r = mm[10], m11i = mm[11], m12r = mm[12], m12i = mm[13], m13r = mm[14], m13i = mm[15]
        let m20r = mm[16], m20i = mm[17], m21r = mm[18], m21i = mm[19], m22r = mm[20], m22i = mm[21], m23r = mm[22], m23i = mm[23]
        let m30r = mm[24], m30i = mm[25], m31r = mm[26], m31i = mm[27], m32r = mm[28], m32i = mm[29], m33r = mm[30], m33i = mm[31]
        for o in oRange {
          let i0 = runs.base(o), i1 = i0 | b0, i2 = i0 | b1, i3 = i0 | b0 | b1
          for j in jRange {
            let x0r = re[i0 + j], x0i = im[i0 + j], x1r = re[i1 + j], x1i = im[i1 + j]
            let x2r = re[i2 + j], x2i = im[i2 + j], x3r = re[i3 + j], x3i = im[i3 + j]
            re[i0 + j] = m00r * x0r - m00i * x0i + m01r * x1r - m01i * x1i + m02r * x2r - m02i * x2i + m03r * x3r - m03i * x3i
            im[i0 + j] = m00r * x0i + m00i * x0r + m01r * x1i + m01i * x1r + m02r * x2i + m02i * x2r + m03r * x3i + m03i * x3r
            re[i1 + j] = m10r * x0r - m10i * x0i + m11r * x1r - m11i * x1i + m12r * x2r - m12i * x2i + m13r * x3r - m13i * x3i
            im[i1 + j] = m10r * x0i + m10i * x0r + m11r * x1i + m11i * x1r + m12r * x2i + m12i * x2r + m13r * x3i + m13i * x3r
            re[i2 + j] = m20r * x0r - m20i * x0i + m21r * x1r - m21i * x1i + m22r * x2r - m22i * x2i + m23r * x3r - m23i * x3i
            im[i2 + j] = m20r * x0i + m20i * x0r + m21r * x1i + m21i * x1r + m22r * x2i + m22i * x2r + m23r * x3i + m23i * x3r
            re[i3 + j] = m30r * x0r - m30i * x0i + m31r * x1r - m31i * x1i + m32r * x2r - m32i * x2i + m33r * x3r - m33i * x3i
            im[i3 + j] = m30r * x0i + m30i * x0r + m31r * x1i + m31i * x1r + m32r * x2i + m32i * x2r + m33r * x3i + m33i * x3r
          }
        }
      }
    }
  }
}
