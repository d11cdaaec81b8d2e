/// Two `TileOp`s on different qubits above the lanes applied in one sweep: each group of four
/// vectors (indices i, i + 2^a, i + 2^b, i + 2^a + 2^b) is loaded once, the first operation
/// updates its two pairs in registers, the second its two, and the four are stored once, instead
/// of each operation loading and storing every vector of the tile.
///
/// The arithmetic per amplitude is the operations' own, in the same order, so the result is
/// bit-identical to applying them one after the other. A controlled swap reads its condition from
/// the index of the pair it acts on, so a control on the other operation's qubit is honoured.
enum PairSweep {
  /// True when `a` then `b` can share a sweep: both pair vectors (targets above the lanes) and
  /// their targets differ.
  static func fuses(_ a: TileOp, _ b: TileOp) -> Bool {
    a.pairsVectors && b.pairsVectors && a.target != b.target
  }

  /// Applies `a` then `b` to `count` consecutive amplitudes at (re, im) (a multiple of 8 and of
  /// 2^(max(target) + 1), the first index having every qubit 0).
  /// - Precondition: `fuses(a, b)`.
  static func apply(_ a: TileOp, _ b: TileOp, _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, count: Int) {
    switch a.pairAction {
    case .real: apply(RealPairAction(a), b, re, im, count: count, first: a.target, second: b.target)
    case .complex: apply(ComplexPairAction(a), b, re, im, count: count, first: a.target, second: b.target)
    case .swap: apply(SwapAction(a), b, re, im, count: count, first: a.target, second: b.target)
    }
  }

  /// Chooses the second action's specialisation.
  @inline(__always)
  static func apply<A: VectorPairAction>(
    _ a: A, _ b: TileOp, _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, count: Int,
    first qa: Int, second qb: Int
  ) {
    switch b.pairAction {
    case .real: sweep(a, RealPairAction(b), re, im, count: count, qa, qb)
    case .complex: sweep(a, ComplexPairAction(b), re, im, count: count, qa, qb)
    case .swap: sweep(a, SwapAction(b), re, im, count: count, qa, qb)
    }
  }

  /// The sweep itself, specialised for both actions.
  static func sweep<A: VectorPairAction, B: VectorPairAction>(
    _ a: A, _ b: B, _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, count: Int,
    _ qa: Int, _ qb: Int
  ) {
    let ha = 1 << qa, hb = 1 << qb
    let (low, high) = qa < qb ? (ha, hb) : (hb, ha)
    for outer in stride(from: 0, to: count, by: 2 * high) {
      for middle in stride(from: outer, to: outer + high, by: 2 * low) {
        for i in stride(from: middle, to: middle + low, by: 8) {
          let ia = i + ha, ib = i + hb, iab = ia + hb
          var r0 = load(re, i), i0 = load(im, i)
          var ra = load(re, ia), iA = load(im, ia)
          var rb = load(re, ib), iB = load(im, ib)
          var rab = load(re, iab), iAB = load(im, iab)
          a.apply(&r0, &i0, &ra, &iA, at: i)
          a.apply(&rb, &iB, &rab, &iAB, at: ib)
          b.apply(&r0, &i0, &rb, &iB, at: i)
          b.apply(&ra, &iA, &rab, &iAB, at: ia)
          store(re, i, r0); store(im, i, i0)
          store(re, ia, ra); store(im, ia, iA)
          store(re, ib, rb); store(im, ib, iB)
          store(re, iab, rab); store(im, iab, iAB)
        }
      }
    }
  }
}

/// What a pairing `TileOp` does to one pair of vectors.
enum PairActionKind {
  case real, complex, swap
}

/// A pairing operation on the vectors (x0, x1) = (i, i + 2^target), i being x0's first index.
protocol VectorPairAction {
  func apply(_ x0r: inout Lanes, _ x0i: inout Lanes, _ x1r: inout Lanes, _ x1i: inout Lanes, at index: Int)
}

/// A real 2x2 matrix (half the arithmetic of a complex one).
struct RealPairAction: VectorPairAction {
  let a: Lanes, b: Lanes, c: Lanes, d: Lanes
  init(_ op: TileOp) { (a, b, c, d) = (op.ar, op.br, op.cr, op.dr) }

  @inline(__always)
  func apply(_ x0r: inout Lanes, _ x0i: inout Lanes, _ x1r: inout Lanes, _ x1i: inout Lanes, at index: Int) {
    let (r0, i0, r1, i1) = (x0r, x0i, x1r, x1i)
    x0r = (a * r0).addingProduct(b, r1)
    x0i = (a * i0).addingProduct(b, i1)
    x1r = (c * r0).addingProduct(d, r1)
    x1i = (c * i0).addingProduct(d, i1)
  }
}

/// A complex 2x2 matrix, with `TileOp`'s fused multiply-adds.
struct ComplexPairAction: VectorPairAction {
  let ar: Lanes, ai: Lanes, br: Lanes, bi: Lanes, cr: Lanes, ci: Lanes, dr: Lanes, di: Lanes
  init(_ op: TileOp) { (ar, ai, br, bi, cr, ci, dr, di) = (op.ar, op.ai, op.br, op.bi, op.cr, op.ci, op.dr, op.di) }

  @inline(__always)
  func apply(_ x0r: inout Lanes, _ x0i: inout Lanes, _ x1r: inout Lanes, _ x1i: inout Lanes, at index: Int) {
    let (r0, i0, r1, i1) = (x0r, x0i, x1r, x1i)
    x0r = (ar * r0).addingProduct(-ai, i0).addingProduct(br, r1).addingProduct(-bi, i1)
    x0i = (ar * i0).addingProduct(ai, r0).addingProduct(br, i1).addingProduct(bi, r1)
    x1r = (cr * r0).addingProduct(-ci, i0).addingProduct(dr, r1).addingProduct(-di, i1)
    x1i = (cr * i0).addingProduct(ci, r0).addingProduct(dr, i1).addingProduct(di, r1)
  }
}

/// x or cx: the pair exchanges its active lanes when the index has every condition bit set.
struct SwapAction: VectorPairAction {
  let condition: Int
  let active: SIMDMask<SIMD8<Int64>>
  let everyLane: Bool
  init(_ op: TileOp) { (condition, active, everyLane) = (op.condition, op.active, op.everyLane) }

  @inline(__always)
  func apply(_ x0r: inout Lanes, _ x0i: inout Lanes, _ x1r: inout Lanes, _ x1i: inout Lanes, at index: Int) {
    guard index & condition == condition else { return }
    if everyLane {
      swap(&x0r, &x1r)
      swap(&x0i, &x1i)
      return
    }
    let (r0, i0) = (x0r, x0i)
    x0r = x0r.replacing(with: x1r, where: active)
    x0i = x0i.replacing(with: x1i, where: active)
    x1r = x1r.replacing(with: r0, where: active)
    x1i = x1i.replacing(with: i0, where: active)
  }
}
