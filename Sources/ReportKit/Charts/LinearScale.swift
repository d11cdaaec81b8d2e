import Foundation

/// Maps a data interval linearly onto a pixel interval, with "nice" ticks.
///
/// Ticks follow d3-array's `ticks` (tick step 1, 2 or 5 times a power of ten, chosen so
/// about `count` ticks cover the domain; thresholds √50, √10, √2).
struct LinearScale: Equatable {
  /// Data interval (`lower` maps to `range.lower`, even when `range` is reversed).
  var domain: (lower: Double, upper: Double)
  /// Pixel interval.
  var range: (lower: Double, upper: Double)

  static func == (a: LinearScale, b: LinearScale) -> Bool {
    a.domain == b.domain && a.range == b.range
  }

  /// The pixel position of `value`; the middle of the range for an empty domain.
  func callAsFunction(_ value: Double) -> Double {
    let span = domain.upper - domain.lower
    guard span != 0, span.isFinite else { return (range.lower + range.upper) / 2 }
    return range.lower + (value - domain.lower) / span * (range.upper - range.lower)
  }

  /// About `count` round tick values inside the domain.
  func ticks(count: Int = 5) -> [Double] { LinearScale.ticks(domain.lower, domain.upper, count: count) }

  /// The same scale with the domain widened outwards to whole tick steps.
  func niced(count: Int = 5) -> LinearScale {
    var copy = self
    let step = LinearScale.tickStep(domain.lower, domain.upper, count: count)
    guard step > 0, step.isFinite else { return copy }
    // Divide by an integer inverse for steps below 1 (as d3 does) so 0.7 stays 0.7, and allow for
    // rounding so a bound already on a tick is not pushed out by one step.
    if step < 1 {
      let inverse = (1 / step).rounded()
      copy.domain = ((domain.lower * inverse + 1e-9).rounded(.down) / inverse,
                     (domain.upper * inverse - 1e-9).rounded(.up) / inverse)
    } else {
      copy.domain = ((domain.lower / step + 1e-9).rounded(.down) * step, (domain.upper / step - 1e-9).rounded(.up) * step)
    }
    return copy
  }

  /// The d3 tick step for `count` ticks over [lo, hi]: 1, 2 or 5 × 10^k.
  static func tickStep(_ lo: Double, _ hi: Double, count: Int) -> Double {
    let span = hi - lo
    guard span > 0, span.isFinite, count > 0 else { return 0 }
    let raw = span / Double(count)
    let power = (log10(raw)).rounded(.down)
    let error = raw / pow(10, power)
    let factor: Double = error >= 50.0.squareRoot() ? 10 : error >= 10.0.squareRoot() ? 5 : error >= 2.0.squareRoot() ? 2 : 1
    return factor * pow(10, power)
  }

  /// Round tick values in [lo, hi]; values are i·step computed as i / (1/step) for steps below 1
  /// so that 0.1-steps print as 0.3, not 0.30000000000000004.
  static func ticks(_ lo: Double, _ hi: Double, count: Int) -> [Double] {
    guard lo.isFinite, hi.isFinite else { return [] }
    if lo == hi { return [lo] }
    let step = tickStep(lo, hi, count: count)
    guard step > 0 else { return [] }
    let start = (lo / step - 1e-9).rounded(.up)
    let stop = (hi / step + 1e-9).rounded(.down)
    guard stop >= start, stop - start < 1000 else { return [] }
    let inverse = step < 1 ? (1 / step).rounded() : 0
    return stride(from: start, through: stop, by: 1).map { i in inverse > 0 ? i / inverse : i * step }
  }

  /// A padded data extent of `values` (finite ones only), optionally forced to include some values.
  ///
  /// An empty or single-valued extent widens to ±0.5 (or ±10 % of the value) so the scale stays usable.
  static func extent(_ values: [Double], including extra: [Double] = []) -> (lower: Double, upper: Double) {
    let finite = (values + extra).filter(\.isFinite)
    guard var lo = finite.min(), var hi = finite.max() else { return (0, 1) }
    if lo == hi {
      let pad = lo == 0 ? 0.5 : abs(lo) * 0.1
      lo -= pad
      hi += pad
    }
    return (lo, hi)
  }
}
