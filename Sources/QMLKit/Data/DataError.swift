/// A problem with input data (a CSV file, a generator's parameters, a preprocessing step),
/// naming where it is: file, 1-based line, column and what is wrong.
public struct DataError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The file as given (or `generator NAME` / the step name for non-file input).
  public var file: String
  /// 1-based line in the file (the header is line 1), when the problem is on one line.
  public var line: Int?
  /// The column (or parameter) name, when the problem is in one column.
  public var column: String?
  /// What is wrong, lowercase, quoting the bad value.
  public var message: String

  /// Creates an error.
  public init(file: String, line: Int? = nil, column: String? = nil, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `file:line: error: column 'name': message`.
  public var description: String {
    var s = file
    if let line { s += ":\(line)" }
    s += ": error: "
    if let column { s += "column '\(column)': " }
    return s + message
  }
}
