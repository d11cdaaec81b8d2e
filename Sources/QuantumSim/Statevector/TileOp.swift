import Numerics

/// One gate of a `GateGroup`, prepared for tiles read as vectors of 8 amplitudes (`Lanes`, the
/// lanes being qubits 0-2): the lane kernels' updates, with fused multiply-adds.
struct TileOp {
  /// How the gate acts on the vectors.
  enum Kind {
    /// A 2x2 matrix on a lane qubit: x = a x + b partner(x).
    case lane
    /// A 2x2 matrix on a qubit above the lanes: (x0, x1) = (a x0 + b x1, c x0 + d x1) for the
    /// vector pairs at i and i + 2^target.
    case pair
    /// x = partner(x) on the active lanes.
    case flip
    /// The vectors at i and i + 2^target exchange their active lanes.
    case swap
  }

  let kind: Kind
  /// The target qubit.
  let target: Int
  /// Index bits that must be set (a control above the lanes); 0 for none.
  let condition: Int
  /// Lanes a flip or swap acts on (a control in the lanes).
  let active: SIMDMask<SIMD8<Int64>>
  /// True when every lane is active (no control in the lanes): a flip or swap needs no blend.
  let everyLane: Bool
  /// True when every coefficient is real (half the arithmetic).
  let isReal: Bool
  let ar: Lanes, ai: Lanes, br: Lanes, bi: Lanes, cr: Lanes, ci: Lanes, dr: Lanes, di: Lanes

  /// The operation of a single-qubit gate, x or cx (block-local qubits).
  init(_ g: Gate, _ p: GateParameters) {
    let zero = Lanes(repeating: 0)
    var a = (zero, zero), b = (zero, zero), c = (zero, zero), d = (zero, zero)
    var active = SIMDMask<SIMD8<Int64>>(repeating: true)
    var condition = 0
    let t = g.qubits.last!
    target = t
    if g.kind == .cx || g.kind == .x {
      if g.kind == .cx {
        let control = g.qubits[0]
        if control < laneQubits {
          for l in 0..<8 { active[l] = (l >> control) & 1 == 1 }
        } else {
          condition = 1 << control
        }
      }
      kind = t < laneQubits ? .flip : .swap
      isReal = true
    } else {
      let m = GateMatrices.single(g.kind, p, matrix: g.matrix)
      isReal = [m.m00, m.m01, m.m10, m.m11].allSatisfy { $0.imaginary == 0 }
      if t < laneQubits {
        kind = .lane
        for l in 0..<8 {
          let (x, y) = (l >> t) & 1 == 0 ? (m.m00, m.m01) : (m.m11, m.m10)
          a.0[l] = x.real; a.1[l] = x.imaginary; b.0[l] = y.real; b.1[l] = y.imaginary
        }
      } else {
        kind = .pair
        a = (Lanes(repeating: m.m00.real), Lanes(repeating: m.m00.imaginary))
        b = (Lanes(repeating: m.m01.real), Lanes(repeating: m.m01.imaginary))
        c = (Lanes(repeating: m.m10.real), Lanes(repeating: m.m10.imaginary))
        d = (Lanes(repeating: m.m11.real), Lanes(repeating: m.m11.imaginary))
      }
    }
    self.condition = condition
    self.active = active
    everyLane = active == SIMDMask(repeating: true)
    (ar, ai, br, bi, cr, ci, dr, di) = (a.0, a.1, b.0, b.1, c.0, c.1, d.0, d.1)
  }

  /// True when the operation pairs the vectors at i and i + 2^target (its target is above the lanes).
  var pairsVectors: Bool { kind == .pair || kind == .swap }

  /// How a pairing operation acts on one pair (`PairSweep`).
  var pairAction: PairActionKind {
    switch kind {
    case .swap: return .swap
    default: return isReal ? .real : .complex
    }
  }

  /// Applies the operation to `count` consecutive amplitudes at (re, im) (a multiple of 8 and of
  /// 2^(target + 1), the first index having every qubit 0).
  @inline(__always)
  func apply(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, count: Int) {
    let q = target, ar = ar, ai = ai, br = br, bi = bi, cr = cr, ci = ci, dr = dr, di = di
    let condition = condition, active = active
    switch kind {
    case .lane where isReal:
      for i in stride(from: 0, to: count, by: 8) {
        let r = load(re, i), s = load(im, i)
        store(re, i, (ar * r).addingProduct(br, partner(r, q)))
        store(im, i, (ar * s).addingProduct(br, partner(s, q)))
      }
    case .lane:
      for i in stride(from: 0, to: count, by: 8) {
        let r = load(re, i), s = load(im, i)
        let pr = partner(r, q), ps = partner(s, q)
        store(re, i, (ar * r).addingProduct(-ai, s).addingProduct(br, pr).addingProduct(-bi, ps))
        store(im, i, (ar * s).addingProduct(ai, r).addingProduct(br, ps).addingProduct(bi, pr))
      }
    case .flip:
      for i in stride(from: 0, to: count, by: 8) where i & condition == condition {
        let r = load(re, i), s = load(im, i)
        store(re, i, r.replacing(with: partner(r, q), where: active))
        store(im, i, s.replacing(with: partner(s, q), where: active))
      }
    case .pair where isReal:
      Self.pairs(count, q, condition: 0) { i0, i1 in
        let x0r = load(re, i0), x0i = load(im, i0), x1r = load(re, i1), x1i = load(im, i1)
        store(re, i0, (ar * x0r).addingProduct(br, x1r))
        store(im, i0, (ar * x0i).addingProduct(br, x1i))
        store(re, i1, (cr * x0r).addingProduct(dr, x1r))
        store(im, i1, (cr * x0i).addingProduct(dr, x1i))
      }
    case .pair:
      Self.pairs(count, q, condition: 0) { i0, i1 in
        let x0r = load(re, i0), x0i = load(im, i0), x1r = load(re, i1), x1i = load(im, i1)
        store(re, i0, (ar * x0r).addingProduct(-ai, x0i).addingProduct(br, x1r).addingProduct(-bi, x1i))
        store(im, i0, (ar * x0i).addingProduct(ai, x0r).addingProduct(br, x1i).addingProduct(bi, x1r))
        store(re, i1, (cr * x0r).addingProduct(-ci, x0i).addingProduct(dr, x1r).addingProduct(-di, x1i))
        store(im, i1, (cr * x0i).addingProduct(ci, x0r).addingProduct(dr, x1i).addingProduct(di, x1r))
      }
    case .swap where everyLane:
      Self.pairs(count, q, condition: condition) { i0, i1 in
        let x0r = load(re, i0), x0i = load(im, i0), x1r = load(re, i1), x1i = load(im, i1)
        store(re, i0, x1r); store(im, i0, x1i)
        store(re, i1, x0r); store(im, i1, x0i)
      }
    case .swap:
      Self.pairs(count, q, condition: condition) { i0, i1 in
        let x0r = load(re, i0), x0i = load(im, i0), x1r = load(re, i1), x1i = load(im, i1)
        store(re, i0, x0r.replacing(with: x1r, where: active))
        store(im, i0, x0i.replacing(with: x1i, where: active))
        store(re, i1, x1r.replacing(with: x0r, where: active))
        store(im, i1, x1i.replacing(with: x0i, where: active))
      }
    }
  }

  /// Calls `body(i0, i0 + 2^q)` for every vector start i0 below `count` whose bit q is 0 and whose
  /// `condition` bits are set (q >= 3).
  @inline(__always)
  static func pairs(_ count: Int, _ q: Int, condition: Int, _ body: (Int, Int) -> Void) {
    let half = 1 << q
    for hi in stride(from: 0, to: count, by: 2 * half) {
      for j in stride(from: hi, to: hi + half, by: 8) where j & condition == condition { body(j, j + half) }
    }
  }
}
