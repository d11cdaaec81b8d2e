import Dispatch
import Numerics

// Kernels for gates that touch one of the three lowest qubits.
//
// The run-based kernels in StatevectorKernels.swift walk runs of 2^lowest consecutive
// amplitudes; for qubits 0, 1 and 2 those runs are 1, 2 or 4 long and the inner loop does not
// vectorise (a gate on qubit 0 cost three times one on qubit 8). Here the state is read in
// blocks of 8 amplitudes (SIMD8): the three lowest qubits are lanes of a block, the others
// select blocks. A gate's action on the lanes becomes lane-wise coefficients (set up once per
// gate, with in-lane controls folded in as identity lanes) and, for an in-lane target, one lane
// permutation (the partner amplitude, index ^ 2^q). Same arithmetic as the run kernels, so
// results are equal to the last bit for real and complex matrices alike.

/// Eight doubles: the real or imaginary parts of one block of 8 amplitudes.
typealias Lanes = SIMD8<Double>

/// Number of qubits that are lanes of a block.
let laneQubits = 3

/// Gates whose lowest qubit is below this use the block kernels: for qubits 3 and 4 the run
/// kernels' runs (8 and 16 amplitudes) are still too short to vectorise well.
let laneKernelLimit = 5

/// States smaller than this use the run kernels for every gate (see `usesLanes`).
let minimumLaneDimension = 1024

/// The 8 doubles at p + i.
@inline(__always)
func load(_ p: UnsafeMutablePointer<Double>, _ i: Int) -> Lanes {
  UnsafeRawPointer(p + i).loadUnaligned(as: Lanes.self)
}

/// Stores 8 doubles at p + i.
@inline(__always)
func store(_ p: UnsafeMutablePointer<Double>, _ i: Int, _ v: Lanes) {
  UnsafeMutableRawPointer(p + i).storeBytes(of: v, as: Lanes.self)
}

/// Lane l takes lane l ^ 2^q (q = 0, 1 or 2).
@inline(__always)
func partner(_ v: Lanes, _ q: Int) -> Lanes {
  switch q {
  case 0: return Lanes(v[1], v[0], v[3], v[2], v[5], v[4], v[7], v[6])
  case 1: return Lanes(v[2], v[3], v[0], v[1], v[6], v[7], v[4], v[5])
  default: return Lanes(v[4], v[5], v[6], v[7], v[0], v[1], v[2], v[3])
  }
}

/// The Pauli X matrix (x, cx and ccx use the permutation kernels).
let pauliX = Matrix2(.zero, .one, .one, .zero)

/// Lane-wise complex coefficients.
private struct LaneComplex {
  var re = Lanes(repeating: 0), im = Lanes(repeating: 0)
  var isReal: Bool { im == Lanes(repeating: 0) }
  subscript(l: Int) -> Complex<Double> {
    get { Complex(re[l], im[l]) }
    set { re[l] = newValue.real; im[l] = newValue.imaginary }
  }
}

/// Block runs: blocks (of 8 amplitudes) whose `zeroBits` qubits are 0 and `oneBits` qubits are 1,
/// as `outer` runs of `inner` consecutive blocks. Qubits are given as block-level bits (qubit - 3).
private struct BlockRuns {
  /// Runs over the block index, or nil when every block is selected.
  let runs: _Runs?
  let blocks: Int
  let ones: Int

  init(blocks: Int, _ a: Int, _ b: Int, _ c: Int, ones: Int) {
    runs = a < 0 && b < 0 && c < 0 ? nil : _Runs(dimension: blocks, a, b, c)
    self.blocks = blocks
    self.ones = ones
  }

  /// Applies `op` to every selected block (by its first amplitude index), split across threads.
  /// Generic rather than a closure so the optimiser inlines the per-block work into the loop.
  @inline(__always)
  func forEach<Op: BlockOperation>(threads: Int, _ op: Op) {
    guard let runs else {
      let total = blocks
      let t = Parallel.threads(work: total &* 8, available: threads)
      if t <= 1 {
        for b in 0..<total { op.apply(b &<< 3) }
        return
      }
      // Threads take disjoint ranges of blocks, so they never write the same amplitude.
      Parallel.chunks(total, threads: t) { part in
        for b in part { op.apply(b &<< 3) }
      }
      return
    }
    let ones = self.ones
    let t = Parallel.threads(work: runs.outer &* runs.inner &* 8, available: threads)
    parallelRuns(runs, threads: t) { oRange, jRange in
      for o in oRange {
        let base = runs.base(o) | ones
        for j in jRange { op.apply((base &+ j) &<< 3) }
      }
    }
  }
}

/// The work a lane kernel does on one block of 8 amplitudes starting at index `i`.
private protocol BlockOperation {
  func apply(_ i: Int)
}

/// out = A x + B partner(x) on the lanes, real coefficients.
private struct InLaneReal: BlockOperation {
  let re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>
  let q: Int, ar: Lanes, br: Lanes
  @inline(__always) func apply(_ i: Int) {
    let xr = load(re, i), xi = load(im, i)
    store(re, i, ar * xr + br * partner(xr, q))
    store(im, i, ar * xi + br * partner(xi, q))
  }
}

/// out = A x + B partner(x) on the lanes, complex coefficients.
private struct InLaneComplex: BlockOperation {
  let re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>
  let q: Int, ar: Lanes, ai: Lanes, br: Lanes, bi: Lanes
  @inline(__always) func apply(_ i: Int) {
    let xr = load(re, i), xi = load(im, i)
    let sr = partner(xr, q), si = partner(xi, q)
    store(re, i, ar * xr - ai * xi + br * sr - bi * si)
    store(im, i, ar * xi + ai * xr + br * si + bi * sr)
  }
}

/// A 2x2 matrix between block i and block i | bit, lane-wise real coefficients.
private struct BlockPairReal: BlockOperation {
  let re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>
  let bit: Int, ar: Lanes, br: Lanes, cr: Lanes, dr: Lanes
  @inline(__always) func apply(_ i0: Int) {
    let i1 = i0 | bit
    let x0r = load(re, i0), x0i = load(im, i0), x1r = load(re, i1), x1i = load(im, i1)
    store(re, i0, ar * x0r + br * x1r)
    store(im, i0, ar * x0i + br * x1i)
    store(re, i1, cr * x0r + dr * x1r)
    store(im, i1, cr * x0i + dr * x1i)
  }
}

/// A 2x2 matrix between block i and block i | bit, lane-wise complex coefficients.
private struct BlockPairComplex: BlockOperation {
  let re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>
  let bit: Int, ar: Lanes, ai: Lanes, br: Lanes, bi: Lanes, cr: Lanes, ci: Lanes, dr: Lanes, di: Lanes
  @inline(__always) func apply(_ i0: Int) {
    let i1 = i0 | bit
    let x0r = load(re, i0), x0i = load(im, i0), x1r = load(re, i1), x1i = load(im, i1)
    store(re, i0, ar * x0r - ai * x0i + br * x1r - bi * x1i)
    store(im, i0, ar * x0i + ai * x0r + br * x1i + bi * x1r)
    store(re, i1, cr * x0r - ci * x0i + dr * x1r - di * x1i)
    store(im, i1, cr * x0i + ci * x0r + dr * x1i + di * x1r)
  }
}

/// Pauli X on the lanes where `active`: x takes partner(x) there.
private struct InLaneFlip: BlockOperation {
  let re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>
  let q: Int, active: SIMDMask<SIMD8<Int64>>
  @inline(__always) func apply(_ i: Int) {
    let xr = load(re, i), xi = load(im, i)
    store(re, i, xr.replacing(with: partner(xr, q), where: active))
    store(im, i, xi.replacing(with: partner(xi, q), where: active))
  }
}

/// Exchanges block i and block i | bit on the lanes where `active` (all lanes: a plain swap).
private struct BlockPairSwap: BlockOperation {
  let re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>
  let bit: Int, active: SIMDMask<SIMD8<Int64>>
  @inline(__always) func apply(_ i0: Int) {
    let i1 = i0 | bit
    let x0r = load(re, i0), x0i = load(im, i0), x1r = load(re, i1), x1i = load(im, i1)
    store(re, i0, x0r.replacing(with: x1r, where: active))
    store(im, i0, x0i.replacing(with: x1i, where: active))
    store(re, i1, x1r.replacing(with: x0r, where: active))
    store(im, i1, x1i.replacing(with: x0i, where: active))
  }
}

/// Lane-wise complex phase.
private struct LanePhase: BlockOperation {
  let re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>
  let pr: Lanes, pi: Lanes
  @inline(__always) func apply(_ i: Int) {
    let xr = load(re, i), xi = load(im, i)
    store(re, i, xr * pr - xi * pi)
    store(im, i, xr * pi + xi * pr)
  }
}

extension Kernels {
  /// True when the lane kernels handle a gate on these qubits (-1 = unused) in a state of `dim`.
  /// Below 1024 amplitudes the per-gate setup of the lane coefficients costs more than it saves
  /// (an 8-qubit variational model trained 1.4x slower with them, a 4-qubit one 2.4x).
  @inline(__always)
  static func usesLanes(dim: Int, _ a: Int, _ b: Int = -1, _ c: Int = -1) -> Bool {
    dim >= minimumLaneDimension && ((a >= 0 && a < laneKernelLimit) || (b >= 0 && b < laneKernelLimit) || (c >= 0 && c < laneKernelLimit))
  }

  /// A 2x2 matrix on qubit q where controls c0, c1 (-1 = none) are 1; some qubit is below 5.
  static func laneDense1(
    _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, dim: Int, threads: Int,
    q: Int, c0: Int, c1: Int, m: Matrix2
  ) {
    // Controls split into lane bits and block-level bits (no arrays: this runs once per gate).
    var inLaneControls = 0, highOnes = 0, h0 = -1, h1 = -1
    let controls: InlineArray<2, Int> = [c0, c1]
    for k in 0..<2 where controls[k] >= 0 {
      let c = controls[k]
      if c < laneQubits {
        inLaneControls |= 1 << c
      } else {
        highOnes |= 1 << (c - laneQubits)
        if h0 < 0 { h0 = c - laneQubits } else { h1 = c - laneQubits }
      }
    }
    let blocks = dim >> laneQubits
    func active(_ l: Int) -> Bool { l & inLaneControls == inLaneControls }
    var activeMask = SIMDMask<SIMD8<Int64>>(repeating: false)
    for l in 0..<8 { activeMask[l] = active(l) }

    if q < laneQubits {
      // Target in the lanes: out = A x + B partner(x), lane-wise.
      var a = LaneComplex(), b = LaneComplex()
      for l in 0..<8 {
        if !active(l) {
          a[l] = .one
        } else if (l >> q) & 1 == 0 {
          a[l] = m.m00; b[l] = m.m01
        } else {
          a[l] = m.m11; b[l] = m.m10
        }
      }
      let runs = BlockRuns(blocks: blocks, h0, h1, -1, ones: highOnes)
      if m == pauliX {
        runs.forEach(threads: threads, InLaneFlip(re: re, im: im, q: q, active: activeMask))
      } else if a.isReal && b.isReal {
        runs.forEach(threads: threads, InLaneReal(re: re, im: im, q: q, ar: a.re, br: b.re))
      } else {
        runs.forEach(threads: threads, InLaneComplex(re: re, im: im, q: q, ar: a.re, ai: a.im, br: b.re, bi: b.im))
      }
      return
    }

    // Target above the lanes, a control in them: pairs of blocks, identity on inactive lanes.
    var a = LaneComplex(), b = LaneComplex(), c = LaneComplex(), d = LaneComplex()
    for l in 0..<8 {
      if active(l) {
        a[l] = m.m00; b[l] = m.m01; c[l] = m.m10; d[l] = m.m11
      } else {
        a[l] = .one; d[l] = .one
      }
    }
    let t = q - laneQubits
    let runs = BlockRuns(blocks: blocks, t, h0, h1, ones: highOnes)
    let bit = 1 &<< q
    if m == pauliX {
      runs.forEach(threads: threads, BlockPairSwap(re: re, im: im, bit: bit, active: activeMask))
    } else if a.isReal && b.isReal && c.isReal && d.isReal {
      runs.forEach(threads: threads, BlockPairReal(re: re, im: im, bit: bit, ar: a.re, br: b.re, cr: c.re, dr: d.re))
    } else {
      runs.forEach(
        threads: threads,
        BlockPairComplex(
          re: re, im: im, bit: bit, ar: a.re, ai: a.im, br: b.re, bi: b.im, cr: c.re, ci: c.im, dr: d.re, di: d.im))
    }
  }

  /// Multiplies each amplitude by d[k], k = bit(q0) + 2 bit(q1) (q1 = -1: one qubit, d0 and d1
  /// only). Blocks whose high qubits select an entry equal to 1 in every lane are skipped.
  static func laneDiagonal(
    _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, dim: Int, threads: Int,
    q0: Int, q1: Int = -1, d: InlineArray<4, Complex<Double>>
  ) {
    let blocks = dim >> laneQubits
    let qs: InlineArray<2, Int> = [q0, q1]
    // Block-level bits of the qubits above the lanes, in order.
    var h0 = -1, h1 = -1, highCount = 0
    for pos in 0..<2 where qs[pos] >= laneQubits {
      if highCount == 0 { h0 = qs[pos] - laneQubits } else { h1 = qs[pos] - laneQubits }
      highCount += 1
    }
    // One pass per assignment of the high qubits (they select blocks).
    for value in 0..<(1 << highCount) {
      var lanes = LaneComplex()
      var identity = true
      for l in 0..<8 {
        var k = 0, h = 0
        for pos in 0..<2 where qs[pos] >= 0 {
          let bit: Int
          if qs[pos] < laneQubits {
            bit = (l >> qs[pos]) & 1
          } else {
            bit = (value >> h) & 1
            h += 1
          }
          k |= bit << pos
        }
        lanes[l] = d[k]
        if d[k] != .one { identity = false }
      }
      if identity { continue }
      var ones = 0
      if value & 1 == 1 { ones |= 1 << h0 }
      if value & 2 == 2 { ones |= 1 << h1 }
      let runs = BlockRuns(blocks: blocks, h0, h1, -1, ones: ones)
      runs.forEach(threads: threads, LanePhase(re: re, im: im, pr: lanes.re, pi: lanes.im))
    }
  }
}
