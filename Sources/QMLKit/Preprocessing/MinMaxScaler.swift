import Foundation

/// Maps each column linearly so the training minimum goes to `range.lowerBound` and the
/// training maximum to `range.upperBound` (scikit-learn's `MinMaxScaler`), e.g. to
/// `0...π` for angle encodings.
///
/// Test rows are NOT clipped: a test value outside the training range maps outside
/// `range` (scikit-learn's default `clip=False`), so an angle encoding sees it as is.
/// A constant training column maps to `range.lowerBound`.
public struct MinMaxScaler: Transformer, Equatable {
  /// Target interval.
  public let range: ClosedRange<Double>
  /// Column minima learned by `fit`.
  public private(set) var minima: [Double] = []
  /// Column widths (max − min, 1 for constant columns) learned by `fit`.
  public private(set) var widths: [Double] = []

  /// An unfitted scaler to `range`.
  public init(range: ClosedRange<Double>) { self.range = range }

  public mutating func fit(_ x: [[Double]]) throws {
    let d = try _validateRows(x, step: describe)
    var lo = x[0]
    var hi = x[0]
    for row in x { for j in 0..<d { lo[j] = min(lo[j], row[j]); hi[j] = max(hi[j], row[j]) } }
    minima = lo
    widths = (0..<d).map { hi[$0] > lo[$0] ? hi[$0] - lo[$0] : 1 }
  }

  public func transform(_ x: [[Double]]) -> [[Double]] {
    let span = range.upperBound - range.lowerBound
    return x.map { row in
      precondition(row.count == minima.count, "\(describe): row has \(row.count) values, fitted on \(minima.count)")
      return (0..<row.count).map { (row[$0] - minima[$0]) / widths[$0] * span + range.lowerBound }
    }
  }

  public var describe: String {
    func f(_ v: Double) -> String {
      if abs(v - .pi) < 1e-12 { return "pi" }
      if abs(v - 2 * .pi) < 1e-12 { return "2pi" }
      if abs(v + .pi) < 1e-12 { return "-pi" }
      return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
    return "scale \(f(range.lowerBound))..\(f(range.upperBound))"
  }
}
