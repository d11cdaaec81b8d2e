/// A place in a spec file: the file as given, 1-based line and column (Unicode scalars, like Yams' `Mark`).
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// The file path as given to the loader.
  public var file: String
  /// Line number starting from 1.
  public var line: Int
  /// Column number starting from 1.
  public var column: Int

  /// Creates a location.
  public init(file: String, line: Int, column: Int) {
    self.file = file; self.line = line; self.column = column
  }

  /// `file:line:column`.
  public var description: String { "\(file):\(line):\(column)" }
}
