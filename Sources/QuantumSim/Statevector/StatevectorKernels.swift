import Dispatch

// Implementation goals, in order of priority:
// 1. Exact: each kernel applies the gate's matrix as written, no approximations.
// 2. No allocation per gate: matrices arrive inline, amplitudes are updated in place.
// 3. Unsafe pointers stay in this file; callers pass `StateVector` only.
// 4. Large states are split across threads (from 2^16 amplitudes); small ones run serially.
//
// Storage is split: `re[i]`, `im[i]` for basis index i; qubit q is bit q of i.

/// States at least this large (in amplitudes) are updated by several threads.
let parallelThreshold = 1 << 16

/// Runs `body(range)` over `0..<count`, split into contiguous chunks across cores when `count` is large.
@inline(__always)
func parallelChunks(_ count: Int, threads: Int, _ body: (Range<Int>) -> Void) {
  if threads <= 1 || count < parallelThreshold / 2 {
    body(0..<count)
    return
  }
  let chunks = threads
  let size = (count + chunks - 1) / chunks
  withoutActuallyEscaping(body) { escapable in
    // The chunks are disjoint ranges of amplitudes, so the kernels never race.
    nonisolated(unsafe) let work = escapable
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
      let lo = c * size, hi = min(count, lo + size)
      if lo < hi { work(lo..<hi) }
    }
  }
}

/// Inserts a zero bit at position `q` of `k` (so pair index k maps to the basis index with qubit q = 0).
@inline(__always)
func insertZero(_ k: Int, _ q: Int) -> Int {
  let low = k & ((1 &<< q) &- 1)
  return ((k ^ low) &<< 1) | low
}

/// In-place kernels specialised by gate shape. All take the state's raw split storage.
enum Kernels {
  /// diag(d0, d1) on qubit q.
  static func diagonal1(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, dim: Int, threads: Int,
                        q: Int, d0r: Double, d0i: Double, d1r: Double, d1i: Double) {
    let bit = 1 &<< q
    let skip0 = d0r == 1 && d0i == 0
    parallelChunks(dim, threads: threads) { range in
      for i in range {
        let (dr, di) = (i & bit) == 0 ? (d0r, d0i) : (d1r, d1i)
        if skip0 && (i & bit) == 0 { continue }
        let a = re[i], b = im[i]
        re[i] = a * dr - b * di
        im[i] = a * di + b * dr
      }
    }
  }

  /// Multiplies every amplitude whose bits in `mask` are all set by the phase (pr, pi): cz, cp, ccz-like.
  static func maskedPhase(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, dim: Int, threads: Int,
                          mask: Int, pr: Double, pi: Double) {
    parallelChunks(dim, threads: threads) { range in
      for i in range where (i & mask) == mask {
        let a = re[i], b = im[i]
        re[i] = a * pr - b * pi
        im[i] = a * pi + b * pr
      }
    }
  }

  /// A dense 2x2 matrix on qubit q, applied only where all bits of `controlMask` are set (0 for none).
  static func dense1(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, dim: Int, threads: Int,
                     q: Int, controlMask: Int, m: Matrix2) {
    let bit = 1 &<< q
    let (ar, ai) = (m.m00.real, m.m00.imaginary), (br, bi) = (m.m01.real, m.m01.imaginary)
    let (cr, ci) = (m.m10.real, m.m10.imaginary), (dr, di) = (m.m11.real, m.m11.imaginary)
    parallelChunks(dim >> 1, threads: threads) { range in
      for k in range {
        let i0 = insertZero(k, q)
        if controlMask != 0 && (i0 & controlMask) != controlMask { continue }
        let i1 = i0 | bit
        let x0r = re[i0], x0i = im[i0], x1r = re[i1], x1i = im[i1]
        re[i0] = ar * x0r - ai * x0i + br * x1r - bi * x1i
        im[i0] = ar * x0i + ai * x0r + br * x1i + bi * x1r
        re[i1] = cr * x0r - ci * x0i + dr * x1r - di * x1i
        im[i1] = cr * x0i + ci * x0r + dr * x1i + di * x1r
      }
    }
  }

  /// Pauli X on qubit q where all bits of `controlMask` are set: a permutation (x, cx, ccx).
  static func controlledX(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, dim: Int, threads: Int,
                          q: Int, controlMask: Int) {
    let bit = 1 &<< q
    parallelChunks(dim >> 1, threads: threads) { range in
      for k in range {
        let i0 = insertZero(k, q)
        if controlMask != 0 && (i0 & controlMask) != controlMask { continue }
        let i1 = i0 | bit
        swap(&re[i0], &re[i1])
        swap(&im[i0], &im[i1])
      }
    }
  }

  /// Exchanges qubits a and b where all bits of `controlMask` are set (swap, cswap).
  static func swapQubits(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, dim: Int, threads: Int,
                         a: Int, b: Int, controlMask: Int) {
    let lo = min(a, b), hi = max(a, b)
    let bitA = 1 &<< a, bitB = 1 &<< b
    parallelChunks(dim >> 2, threads: threads) { range in
      for k in range {
        let i00 = insertZero(insertZero(k, lo), hi)
        if controlMask != 0 && (i00 & controlMask) != controlMask { continue }
        let i01 = i00 | bitA, i10 = i00 | bitB
        swap(&re[i01], &re[i10])
        swap(&im[i01], &im[i10])
      }
    }
  }

  /// A diagonal 4-entry gate on qubits (q0, q1); entry index = bit(q0) + 2*bit(q1).
  static func diagonal2(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, dim: Int, threads: Int,
                        q0: Int, q1: Int, d: Matrix4) {
    withUnsafeTemporaryAllocation(of: Double.self, capacity: 8) { buf in
      for j in 0..<4 { buf[2 * j] = d[j, j].real; buf[2 * j + 1] = d[j, j].imaginary }
      let table = UnsafePointer(buf.baseAddress!)
      parallelChunks(dim, threads: threads) { range in
        for i in range {
          let j = ((i &>> q0) & 1) | (((i &>> q1) & 1) &<< 1)
          let pr = table[2 * j], pi = table[2 * j + 1]
          let a = re[i], b = im[i]
          re[i] = a * pr - b * pi
          im[i] = a * pi + b * pr
        }
      }
    }
  }

  /// A dense 4x4 matrix on qubits (q0, q1), basis index = bit(q0) + 2*bit(q1).
  static func dense2(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, dim: Int, threads: Int,
                     q0: Int, q1: Int, m: Matrix4) {
    let lo = min(q0, q1), hi = max(q0, q1)
    let b0 = 1 &<< q0, b1 = 1 &<< q1
    withUnsafeTemporaryAllocation(of: Double.self, capacity: 32) { buf in
      for j in 0..<16 { buf[2 * j] = m.e[j].real; buf[2 * j + 1] = m.e[j].imaginary }
      let mm = UnsafePointer(buf.baseAddress!)
      parallelChunks(dim >> 2, threads: threads) { range in
        for k in range {
          let base = insertZero(insertZero(k, lo), hi)
          let idx = (base, base | b0, base | b1, base | b0 | b1)
          let xr = (re[idx.0], re[idx.1], re[idx.2], re[idx.3])
          let xi = (im[idx.0], im[idx.1], im[idx.2], im[idx.3])
          @inline(__always) func row(_ r: Int) -> (Double, Double) {
            var sr = 0.0, si = 0.0
            let p = mm + 8 * r
            sr += p[0] * xr.0 - p[1] * xi.0; si += p[0] * xi.0 + p[1] * xr.0
            sr += p[2] * xr.1 - p[3] * xi.1; si += p[2] * xi.1 + p[3] * xr.1
            sr += p[4] * xr.2 - p[5] * xi.2; si += p[4] * xi.2 + p[5] * xr.2
            sr += p[6] * xr.3 - p[7] * xi.3; si += p[6] * xi.3 + p[7] * xr.3
            return (sr, si)
          }
          let r0 = row(0), r1 = row(1), r2 = row(2), r3 = row(3)
          re[idx.0] = r0.0; im[idx.0] = r0.1
          re[idx.1] = r1.0; im[idx.1] = r1.1
          re[idx.2] = r2.0; im[idx.2] = r2.1
          re[idx.3] = r3.0; im[idx.3] = r3.1
        }
      }
    }
  }
}
