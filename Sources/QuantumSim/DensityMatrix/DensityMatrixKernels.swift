import Dispatch

// Implementation goals, in order:
// 1. Exact: a channel's superoperator is applied as computed, no approximation.
// 2. In place on vec(ρ), no allocation per element: one small scratch buffer per thread chunk.
// 3. Unsafe pointers stay in this file; `DensityMatrix` passes its storage in.
//
// These kernels apply a 2^k x 2^k matrix (the 4^m superoperator of an m-qubit channel, k = 2m)
// to k "qubits" of the vectorised density matrix; the gate kernels come from `StateVector`.

/// In-place superoperator kernels on a vectorised density matrix.
enum _DensityKernels {
  /// Applies `channel`'s superoperator to the targets (row qubits, then column qubits) of vec(ρ),
  /// choosing the cheapest exact kernel: real 4x4 (one-qubit standard channels), diagonal,
  /// real sparse (two-qubit standard channels), or dense complex.
  static func apply(_ channel: KrausChannel, targets: [Int], re: inout [Double], im: inout [Double], threads: Int) {
    let dim = re.count
    let side = 1 << targets.count
    re.withUnsafeMutableBufferPointer { rb in
      im.withUnsafeMutableBufferPointer { ib in
        channel.superRe.withUnsafeBufferPointer { sr in
          channel.superIm.withUnsafeBufferPointer { si in
            if channel.qubitCount == 1, channel.sparseRows != nil {
              // Real one-qubit superoperator on (row q, column q + n), q < q + n.
              real4(rb.baseAddress!, ib.baseAddress!, dim: dim, threads: threads, a: targets[0], b: targets[1], m: sr.baseAddress!)
            } else if channel.superIsDiagonal {
              withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * side) { d in
                for j in 0..<side {
                  d[j] = sr[j * side + j]
                  d[side + j] = si[j * side + j]
                }
                diagonal(
                  rb.baseAddress!, ib.baseAddress!, dim: dim, threads: threads, targets: targets,
                  dr: UnsafePointer(d.baseAddress!), di: UnsafePointer(d.baseAddress! + side))
              }
            } else if let rows = channel.sparseRows {
              rows.withUnsafeBufferPointer { rp in
                channel.sparseColumns.withUnsafeBufferPointer { cp in
                  channel.sparseValues.withUnsafeBufferPointer { vp in
                    sparseReal(
                      rb.baseAddress!, ib.baseAddress!, dim: dim, threads: threads, targets: targets,
                      rows: rp.baseAddress!, cols: cp.baseAddress!, vals: vp.baseAddress!)
                  }
                }
              }
            } else {
              dense(
                rb.baseAddress!, ib.baseAddress!, dim: dim, threads: threads, targets: targets,
                mr: sr.baseAddress!, mi: si.baseAddress!)
            }
          }
        }
      }
    }
  }

  /// Runs `body(offsets, order)` with the gather table of a k-target kernel: `offsets[j]` is the
  /// index offset of local basis state j (bit b of j = target b), `order` the targets ascending
  /// (for inserting zero bits into a group index). Stack-allocated, freed after `body`.
  @inline(__always)
  static func withGatherTable(_ targets: [Int], _ body: (UnsafePointer<Int>, UnsafePointer<Int>) -> Void) {
    let k = targets.count, side = 1 << k
    let sorted = targets.sorted()
    withUnsafeTemporaryAllocation(of: Int.self, capacity: side + k) { scratch in
      let offsets = scratch.baseAddress!, order = scratch.baseAddress! + side
      for j in 0..<side {
        var o = 0
        for b in 0..<k where (j >> b) & 1 == 1 { o |= 1 << targets[b] }
        offsets[j] = o
      }
      for b in 0..<k { order[b] = sorted[b] }
      body(UnsafePointer(offsets), UnsafePointer(order))
    }
  }

  /// Runs body over 0..<count in disjoint chunks, on several threads when worthwhile.
  @inline(__always)
  static func chunks(_ count: Int, threads: Int, _ body: (Range<Int>) -> Void) {
    // A group is a gate's block of at least two entries, several updates each: 8 updates per group
    // puts the threshold at the 2^12 groups measured for density matrices.
    // Chunks touch disjoint groups of entries, so they never race.
    Parallel.chunks(count, threads: Parallel.threads(work: count &* 8, available: threads), body)
  }

  /// Applies the dense matrix (mr, mi: row-major, side 2^k) to the targets (index bit j of the
  /// matrix = `targets[j]`) of the split vector (re, im) of `dim` entries.
  static func dense(
    _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, dim: Int, threads: Int,
    targets: [Int], mr: UnsafePointer<Double>, mi: UnsafePointer<Double>
  ) {
    let k = targets.count, side = 1 << k
    withGatherTable(targets) { off, ord in
      chunks(dim >> k, threads: threads) { range in
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * side) { buf in
          let xr = buf.baseAddress!, xi = buf.baseAddress! + side
          for g in range {
            var base = g
            for b in 0..<k { base = _insertZeroBit(base, ord[b]) }
            for j in 0..<side {
              xr[j] = re[base + off[j]]
              xi[j] = im[base + off[j]]
            }
            for r in 0..<side {
              var sr = 0.0, si = 0.0
              let rowR = mr + r * side, rowI = mi + r * side
              for c in 0..<side {
                sr += rowR[c] * xr[c] - rowI[c] * xi[c]
                si += rowR[c] * xi[c] + rowI[c] * xr[c]
              }
              re[base + off[r]] = sr
              im[base + off[r]] = si
            }
          }
        }
      }
    }
  }

  /// Applies a real 4x4 matrix m (row-major; index = bit(a) + 2·bit(b)) to "qubits" a < b of the
  /// split vector: the superoperator of a real one-qubit channel on row qubit a, column qubit b.
  /// The entries paired by a and b come in runs of 2^a consecutive indices, so the inner loop has
  /// unit stride.
  static func real4(
    _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, dim: Int, threads: Int,
    a: Int, b: Int, m: UnsafePointer<Double>
  ) {
    precondition(a < b, "real4 needs a < b")
    let ba = 1 &<< a, bb = 1 &<< b
    let inner = 1 &<< a, outer = (dim &>> 2) / inner
    let m00 = m[0], m01 = m[1], m02 = m[2], m03 = m[3]
    let m10 = m[4], m11 = m[5], m12 = m[6], m13 = m[7]
    let m20 = m[8], m21 = m[9], m22 = m[10], m23 = m[11]
    let m30 = m[12], m31 = m[13], m32 = m[14], m33 = m[15]
    @inline(__always) func mix(_ p: UnsafeMutablePointer<Double>, _ i0: Int) {
      let x0 = p[i0], x1 = p[i0 | ba], x2 = p[i0 | bb], x3 = p[i0 | ba | bb]
      p[i0] = m00 * x0 + m01 * x1 + m02 * x2 + m03 * x3
      p[i0 | ba] = m10 * x0 + m11 * x1 + m12 * x2 + m13 * x3
      p[i0 | bb] = m20 * x0 + m21 * x1 + m22 * x2 + m23 * x3
      p[i0 | ba | bb] = m30 * x0 + m31 * x1 + m32 * x2 + m33 * x3
    }
    if outer >= inner {
      chunks(outer, threads: threads) { range in
        for o in range {
          let base = _insertZeroBit(_insertZeroBit(o &* inner, a), b)
          for j in 0..<inner {
            mix(re, base &+ j)
            mix(im, base &+ j)
          }
        }
      }
    } else {
      chunks(inner, threads: threads) { range in
        for o in 0..<outer {
          let base = _insertZeroBit(_insertZeroBit(o &* inner, a), b)
          for j in range {
            mix(re, base &+ j)
            mix(im, base &+ j)
          }
        }
      }
    }
  }

  /// Applies a real sparse matrix in compressed rows (rows: side + 1 starts; cols, vals) to the
  /// targets of the split vector: the real, sparse superoperators of the standard channels.
  static func sparseReal(
    _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, dim: Int, threads: Int,
    targets: [Int], rows: UnsafePointer<Int>, cols: UnsafePointer<Int>, vals: UnsafePointer<Double>
  ) {
    let k = targets.count, side = 1 << k
    withGatherTable(targets) { off, ord in
      chunks(dim >> k, threads: threads) { range in
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * side) { buf in
          let xr = buf.baseAddress!, xi = buf.baseAddress! + side
          for g in range {
            var base = g
            for b in 0..<k { base = _insertZeroBit(base, ord[b]) }
            for j in 0..<side {
              xr[j] = re[base + off[j]]
              xi[j] = im[base + off[j]]
            }
            for r in 0..<side {
              var sr = 0.0, si = 0.0
              for e in rows[r]..<rows[r + 1] {
                let v = vals[e], c = cols[e]
                sr += v * xr[c]
                si += v * xi[c]
              }
              re[base + off[r]] = sr
              im[base + off[r]] = si
            }
          }
        }
      }
    }
  }

  /// Multiplies entry i by d[j], j = the bits of i at `targets` (diagonal superoperators).
  static func diagonal(
    _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, dim: Int, threads: Int,
    targets: [Int], dr: UnsafePointer<Double>, di: UnsafePointer<Double>
  ) {
    let k = targets.count
    withUnsafeTemporaryAllocation(of: Int.self, capacity: k) { t in
      for b in 0..<k { t[b] = targets[b] }
      let tp = UnsafePointer(t.baseAddress!)
      chunks(dim, threads: threads) { range in
        for i in range {
          var j = 0
          for b in 0..<k { j |= ((i >> tp[b]) & 1) << b }
          let a = re[i], c = im[i], pr = dr[j], pi = di[j]
          re[i] = a * pr - c * pi
          im[i] = a * pi + c * pr
        }
      }
    }
  }
}

/// Inserts a zero bit at position q of k.
@inline(__always)
func _insertZeroBit(_ k: Int, _ q: Int) -> Int {
  let low = k & ((1 &<< q) &- 1)
  return ((k ^ low) &<< 1) | low
}
