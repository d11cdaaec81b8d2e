/// A dense row-major matrix of doubles (kernel matrices, Gram matrices, data blocks).
public struct Matrix: Sendable, Equatable, Codable {
  /// Number of rows.
  public let rows: Int
  /// Number of columns.
  public let columns: Int
  /// Entries, row-major: element (r, c) at `values[r * columns + c]`.
  public var values: [Double]

  /// A matrix filled with `value`.
  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    precondition(rows >= 0 && columns >= 0, "matrix dimensions must not be negative")
    self.rows = rows
    self.columns = columns
    self.values = [Double](repeating: value, count: rows * columns)
  }

  /// A matrix from nested rows (all the same length).
  public init(_ nested: [[Double]]) {
    let width = nested.first?.count ?? 0
    precondition(nested.allSatisfy { $0.count == width }, "all rows must have the same length")
    rows = nested.count
    columns = width
    values = nested.flatMap { $0 }
  }

  /// Entry (r, c).
  @inlinable
  public subscript(r: Int, c: Int) -> Double {
    get { values[r &* columns &+ c] }
    set { values[r &* columns &+ c] = newValue }
  }

  /// Row r as an array.
  public func row(_ r: Int) -> [Double] { Array(values[(r * columns)..<((r + 1) * columns)]) }

  /// The rows as nested arrays.
  public var nested: [[Double]] { (0..<rows).map(row) }

  /// The submatrix of the given rows and columns.
  public func submatrix(rows rs: [Int], columns cs: [Int]) -> Matrix {
    var m = Matrix(rows: rs.count, columns: cs.count)
    for (i, r) in rs.enumerated() { for (j, c) in cs.enumerated() { m[i, j] = self[r, c] } }
    return m
  }

  /// The transpose.
  public var transposed: Matrix {
    var m = Matrix(rows: columns, columns: rows)
    for r in 0..<rows { for c in 0..<columns { m[c, r] = self[r, c] } }
    return m
  }
}
