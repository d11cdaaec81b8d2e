/// An OpenQASM import or export failure, located at a 1-based line and column (columns count
/// Unicode scalars; line 0 means "not tied to a place in the text", as for export errors).
public struct QASMError: Error, Equatable, Sendable, CustomStringConvertible {
  /// 1-based line of the offending token (0 when there is no source position).
  public var line: Int
  /// 1-based column of the offending token, in Unicode scalars.
  public var column: Int
  /// What went wrong, lowercase, quoting the bad token.
  public var message: String

  /// An error at `line`:`column`.
  public init(line: Int, column: Int, message: String) {
    self.line = line
    self.column = column
    self.message = message
  }

  /// `"line 3, column 5: unknown gate 'foo'"`.
  public var description: String {
    line > 0 ? "line \(line), column \(column): \(message)" : message
  }

  /// The compiler-style form `file:line:column: error: message` used on the command line.
  public func located(in file: String) -> String {
    "\(file):\(line):\(column): error: \(message)"
  }
}
