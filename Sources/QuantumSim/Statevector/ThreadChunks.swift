/// Part `c` of `0..<count` split into `chunks` near-equal, disjoint, ordered parts:
/// `c·count/chunks ..< (c+1)·count/chunks`. Every part lies inside `0..<count` (parts are
/// empty when `chunks > count`), whatever the thread count, so no split can form an invalid range.
@inline(__always)
func chunkRange(_ c: Int, of chunks: Int, count: Int) -> Range<Int> {
  precondition(chunks >= 1 && c >= 0 && c < chunks && count >= 0)
  func bound(_ k: Int) -> Int { chunks.dividingFullWidth(k.multipliedFullWidth(by: count)).quotient }
  return bound(c)..<bound(c + 1)
}
