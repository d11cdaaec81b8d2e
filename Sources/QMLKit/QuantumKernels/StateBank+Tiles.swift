// Inner products of stored states in 2 x 2 tiles.
//
// One pair at a time, every amplitude chunk is loaded once per use: two loads (a, b) per four
// multiply-adds, so the loop waits on the cache, not the arithmetic. A 2 x 2 tile (rows i, i+1
// against columns j, j+1) loads four chunks for sixteen multiply-adds. Every pair is summed in
// the same order whether it sits in a tile or not (four-lane partial sums over the chunks, then
// the lanes in a fixed order), so an entry's value does not depend on the tiling or on the
// number of threads.

/// Four doubles: a quarter of a stored state's chunk of 8 amplitudes' parts.
private typealias Quad = SIMD4<Double>

/// Reads quad k of a state through a raw pointer (no rebinding of the SIMD8 storage).
private struct QuadReader {
  let base: UnsafeRawPointer
  @inline(__always) subscript(k: Int) -> Quad { base.loadUnaligned(fromByteOffset: k &* 32, as: Quad.self) }
}

extension StateBank {
  /// <a_i | b_j> as (real, imaginary), summed like every entry of a tile.
  @inline(__always)
  static func innerPair(_ a: StateBank, _ i: Int, _ b: StateBank, _ j: Int) -> (Double, Double) {
    withParts(a, b) { aRe, aIm, bRe, bIm in
      let quads = 2 &* a.width
      let ar = quadPointer(aRe, i &* a.width), ai = quadPointer(aIm, i &* a.width)
      let br = quadPointer(bRe, j &* b.width), bi = quadPointer(bIm, j &* b.width)
      var accR = Quad.zero, accI = Quad.zero
      for k in 0..<quads {
        let xr = ar[k], xi = ai[k], yr = br[k], yi = bi[k]
        accR += xr * yr + xi * yi
        accI += xr * yi - xi * yr
      }
      return (total(accR), total(accI))
    }
  }

  /// The tile <a_i|b_j>, <a_i|b_j+1>, <a_i+1|b_j>, <a_i+1|b_j+1>: (real, imaginary) for each,
  /// in that order. The four states are read once.
  @inline(__always)
  static func innerTile(_ a: StateBank, _ i: Int, _ b: StateBank, _ j: Int) -> InlineArray<8, Double> {
    withParts(a, b) { aRe, aIm, bRe, bIm in
      let quads = 2 &* a.width
      let a0r = quadPointer(aRe, i &* a.width), a0i = quadPointer(aIm, i &* a.width)
      let a1r = quadPointer(aRe, (i &+ 1) &* a.width), a1i = quadPointer(aIm, (i &+ 1) &* a.width)
      let b0r = quadPointer(bRe, j &* b.width), b0i = quadPointer(bIm, j &* b.width)
      let b1r = quadPointer(bRe, (j &+ 1) &* b.width), b1i = quadPointer(bIm, (j &+ 1) &* b.width)
      var r00 = Quad.zero, i00 = Quad.zero, r01 = Quad.zero, i01 = Quad.zero
      var r10 = Quad.zero, i10 = Quad.zero, r11 = Quad.zero, i11 = Quad.zero
      for k in 0..<quads {
        let xr = a0r[k], xi = a0i[k], ur = a1r[k], ui = a1i[k]
        let yr = b0r[k], yi = b0i[k], vr = b1r[k], vi = b1i[k]
        r00 += xr * yr + xi * yi
        i00 += xr * yi - xi * yr
        r01 += xr * vr + xi * vi
        i01 += xr * vi - xi * vr
        r10 += ur * yr + ui * yi
        i10 += ur * yi - ui * yr
        r11 += ur * vr + ui * vi
        i11 += ur * vi - ui * vr
      }
      return [
        total(r00), total(i00), total(r01), total(i01), total(r10), total(i10), total(r11), total(i11),
      ]
    }
  }

  /// Writes |<a_i|b_j>|^2 to out[i * stride + j].
  @inline(__always)
  static func fillPair(_ a: StateBank, _ i: Int, _ b: StateBank, _ j: Int, into out: UnsafeMutablePointer<Double>, stride: Int) {
    let (r, m) = innerPair(a, i, b, j)
    out[i &* stride &+ j] = r * r + m * m
  }

  /// Writes |<a_p|b_q>|^2 to out[p * stride + q] for p in i, i+1 and q in j, j+1.
  @inline(__always)
  static func fillTile(_ a: StateBank, _ i: Int, _ b: StateBank, _ j: Int, into out: UnsafeMutablePointer<Double>, stride: Int) {
    let t = innerTile(a, i, b, j)
    let o = i &* stride &+ j
    out[o] = t[0] * t[0] + t[1] * t[1]
    out[o &+ 1] = t[2] * t[2] + t[3] * t[3]
    out[o &+ stride] = t[4] * t[4] + t[5] * t[5]
    out[o &+ stride &+ 1] = t[6] * t[6] + t[7] * t[7]
  }

  /// Runs `body` with the storage of both banks (real and imaginary parts of a, then of b).
  @inline(__always)
  private static func withParts<R>(
    _ a: StateBank, _ b: StateBank,
    _ body: (
      UnsafeBufferPointer<SIMD8<Double>>, UnsafeBufferPointer<SIMD8<Double>>,
      UnsafeBufferPointer<SIMD8<Double>>, UnsafeBufferPointer<SIMD8<Double>>
    ) -> R
  ) -> R {
    a.re.withUnsafeBufferPointer { aRe in
      a.im.withUnsafeBufferPointer { aIm in
        b.re.withUnsafeBufferPointer { bRe in
          b.im.withUnsafeBufferPointer { bIm in body(aRe, aIm, bRe, bIm) }
        }
      }
    }
  }

  /// The chunks of one stored state read as quads (two per SIMD8 chunk, in order).
  @inline(__always)
  private static func quadPointer(_ p: UnsafeBufferPointer<SIMD8<Double>>, _ chunk: Int) -> QuadReader {
    QuadReader(base: UnsafeRawPointer(p.baseAddress! + chunk))
  }

  /// The four lanes summed in a fixed order.
  @inline(__always)
  private static func total(_ v: Quad) -> Double { (v[0] + v[1]) + (v[2] + v[3]) }
}
