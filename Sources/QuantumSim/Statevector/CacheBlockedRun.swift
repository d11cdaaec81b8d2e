/// Runs a `CacheBlockPlan` on a state: pass by pass, block by block.
///
/// A block whose qubits are the lowest ones is a contiguous slice of the state and is updated in
/// place; any other block is copied into a scratch buffer of 2^k amplitudes (its runs of
/// consecutive amplitudes one after another), updated there and copied back. Single-qubit gates,
/// x and cx run as `GateGroup`s (the lane kernels' updates with fused multiply-adds, equal to the
/// gate-by-gate run to rounding); other gates go through the same kernels as a whole state would
/// (one thread, block-local qubits). Threads take disjoint ranges of blocks and meet once per
/// pass; results do not depend on the thread count.
enum CacheBlockedRun {
  /// Block size used by `StateVector.apply(_: CompiledCircuit)`: 2^15 amplitudes (512 KiB of
  /// split storage) stay in a 1 MiB L2 cache beside the scratch copy's streaming source.
  static let defaultBlockQubits = 15

  /// Applies `plan` to split storage of 2^plan.qubitCount amplitudes on up to `threads` threads.
  static func run(_ plan: CacheBlockPlan, re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>, threads: Int) {
    let n = plan.qubitCount
    let k = plan.passes.map(\.blockQubits).max() ?? 0
    guard k > 0 else { return }
    let t = Swift.max(1, Swift.min(Parallel.threads(work: 1 << n, available: threads), 1 << (n - k)))
    let scratchSize = 1 << k
    let scratch = UnsafeMutablePointer<Double>.allocate(capacity: 2 * scratchSize * t)
    defer { scratch.deallocate() }
    Parallel.workers(t, phases: plan.passes.count) { w, phase in
      let pass = plan.passes[phase]
      let sr = scratch + 2 * scratchSize * w, si = sr + scratchSize
      let mine = Parallel.chunkRange(w, of: t, count: 1 << (n - pass.blockQubits))
      run(pass, blocks: mine, qubitCount: n, re: re, im: im, scratchRe: sr, scratchIm: si)
    }
  }

  /// Applies one pass to the blocks `blocks` (indices over the assignments of the non-block qubits).
  static func run(
    _ pass: CacheBlockPlan.Pass, blocks: Range<Int>, qubitCount n: Int,
    re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>,
    scratchRe: UnsafeMutablePointer<Double>, scratchIm: UnsafeMutablePointer<Double>
  ) {
    let low = pass.lowCount, k = pass.blockQubits, runLength = 1 << low
    // Offsets of the 2^h runs of a block (the high qubits' bits), and the non-block qubits.
    let runOffsets = (0..<(1 << pass.high.count)).map { c in
      pass.high.enumerated().reduce(0) { acc, e in acc | (((c >> e.offset) & 1) << e.element) }
    }
    let blockSet = Set(0..<low).union(pass.high)
    let outside = (0..<n).filter { !blockSet.contains($0) }
    runOffsets.withUnsafeBufferPointer { offsets in
      for b in blocks {
        var base = 0
        for (pos, q) in outside.enumerated() where (b >> pos) & 1 == 1 { base |= 1 << q }
        if pass.high.isEmpty {
          apply(pass.ops, re + base, im + base, dim: 1 << k, base: base, offsets: offsets, runLength: runLength)
          continue
        }
        for (c, off) in offsets.enumerated() {
          (scratchRe + (c << low)).update(from: re + (base | off), count: runLength)
          (scratchIm + (c << low)).update(from: im + (base | off), count: runLength)
        }
        apply(pass.ops, scratchRe, scratchIm, dim: 1 << k, base: base, offsets: offsets, runLength: runLength)
        for (c, off) in offsets.enumerated() {
          (re + (base | off)).update(from: scratchRe + (c << low), count: runLength)
          (im + (base | off)).update(from: scratchIm + (c << low), count: runLength)
        }
      }
    }
  }

  /// The pass's steps on one block held at (r, i); block index c·runLength + l is state index
  /// base | offsets[c] | l.
  @inline(__always)
  static func apply(
    _ ops: [CacheBlockPlan.Op], _ r: UnsafeMutablePointer<Double>, _ i: UnsafeMutablePointer<Double>, dim: Int,
    base: Int, offsets: UnsafeBufferPointer<Int>, runLength: Int
  ) {
    for op in ops {
      switch op {
      case .gate(let g, let p):
        Kernels.apply(g, parameters: p, r, i, dim: dim, threads: 1)
      case .tables(let block):
        block.applyTables(r, i, base: base, offsets: offsets, runLength: runLength)
      case .group(let group):
        group.apply(r, i, dim: dim)
      }
    }
  }
}

extension DiagonalBlock {
  /// The table phases (not the straddling gates) on one block: block index c·runLength + l is
  /// state index base | offsets[c] | l. Same arithmetic per amplitude as `StateVector.apply(_:)`.
  func applyTables(
    _ r: UnsafeMutablePointer<Double>, _ i: UnsafeMutablePointer<Double>, base: Int, offsets: UnsafeBufferPointer<Int>,
    runLength: Int
  ) {
    let lowMask = (1 << split) - 1
    lowRe.withUnsafeBufferPointer { lr in
      lowIm.withUnsafeBufferPointer { li in
        highRe.withUnsafeBufferPointer { hr in
          highIm.withUnsafeBufferPointer { hi in
            for (c, off) in offsets.enumerated() {
              let start = base | off, dst = c * runLength
              var l = 0
              while l < runLength {
                // A stretch of consecutive state indices with one high-table entry.
                let g = start + l
                let h = g >> split
                let count = Swift.min(runLength - l, (lowMask & ~g) + 1)
                let pr = hr[h], pi = hi[h]
                let g0 = g & lowMask
                for j in 0..<count {
                  let fr = lr[g0 + j] * pr - li[g0 + j] * pi, fi = lr[g0 + j] * pi + li[g0 + j] * pr
                  let x = r[dst + l + j], y = i[dst + l + j]
                  r[dst + l + j] = x * fr - y * fi
                  i[dst + l + j] = x * fi + y * fr
                }
                l += count
              }
            }
          }
        }
      }
    }
  }
}
