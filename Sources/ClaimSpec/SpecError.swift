/// One problem in a spec file, pointing at `file:line:column` and the field path.
///
/// Prints as `specs/x.yaml:14:7: error: quantum[1].ansatz.layers: expected an integer, found 'three'`,
/// followed by the source line and a caret when the source text is known.
public struct SpecError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong, for programmatic checks.
  public enum Kind: String, Sendable, Equatable {
    /// A key the format does not know (message suggests the nearest valid key).
    case unknownKey
    /// A value of the wrong YAML type.
    case typeMismatch
    /// A number or size outside its allowed range.
    case outOfRange
    /// A name not in the vocabulary (generator, model, encoding ...).
    case unknownName
    /// A required field is absent.
    case missingKey
    /// The same key twice in one mapping.
    case duplicateKey
    /// Keys that cannot be used together (e.g. `csv` and `generator`).
    case conflict
    /// Not valid YAML.
    case yamlSyntax
    /// Too many nodes, too deep, or an alias bomb; or the file is too large.
    case resourceLimit
    /// A data path that is absolute or leaves the project folder.
    case pathEscapesProject
    /// A file that cannot be read or does not exist.
    case fileNotFound
    /// A reference to an id that does not exist (backend, baseline, device profile).
    case unknownReference
    /// A fact every claim must state is missing (completeness lint).
    case incomplete
    /// The spec parses but `qlift run` would refuse the claim before its first seed (data,
    /// imported hardware counts, memory or runtime estimates): found by lint without running it.
    case notRunnable
  }

  /// The spec file as given.
  public var file: String
  /// 1-based line.
  public var line: Int
  /// 1-based column.
  public var column: Int
  /// Field path, e.g. `dataset.test_fraction` (empty for the whole document).
  public var field: String
  /// Lowercase sentence: what is wrong, quoting the bad value, and what was expected.
  public var message: String
  /// The category of the problem.
  public var kind: Kind
  /// The nearest valid key or name, when there is a close one.
  public var suggestion: String?
  /// The offending source line, when known (printed with a caret).
  public var sourceLine: String?
  /// True for a warning: printed as `warning:`, it does not stop lint or a run.
  public var isWarning = false

  /// Creates an error.
  public init(
    file: String, line: Int, column: Int, field: String, message: String, kind: Kind,
    suggestion: String? = nil, sourceLine: String? = nil
  ) {
    self.file = file; self.line = line; self.column = column; self.field = field
    self.message = message; self.kind = kind; self.suggestion = suggestion; self.sourceLine = sourceLine
  }

  /// Creates an error at a location.
  public init(
    at location: SourceLocation, field: String, message: String, kind: Kind, suggestion: String? = nil,
    sourceLine: String? = nil
  ) {
    self.init(
      file: location.file, line: location.line, column: location.column, field: field, message: message,
      kind: kind, suggestion: suggestion, sourceLine: sourceLine)
  }

  /// Where the error points.
  public var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

  /// The first line only: `file:line:col: error: field: message`.
  public var headline: String {
    let prefix = field.isEmpty ? "" : "\(field): "
    return "\(file):\(line):\(column): \(isWarning ? "warning" : "error"): \(prefix)\(message)"
  }

  /// The longest source excerpt printed under a headline, in characters.
  public static let maxExcerpt = 160

  /// The headline, then a short excerpt of the source line (control characters shown as `?`,
  /// at most `maxExcerpt` characters) and a caret under the column.
  public var description: String {
    guard let source = sourceLine else { return headline }
    let clean = String(source.unicodeScalars.prefix(Self.maxExcerpt).map { s -> Character in
      s.properties.generalCategory == .control && s != "\t" ? "?" : Character(s)
    }) + (source.unicodeScalars.count > Self.maxExcerpt ? " …" : "")
    guard column - 1 <= Self.maxExcerpt else { return "\(headline)\n\(clean)" }
    let pad = String(repeating: " ", count: max(column - 1, 0))
    return "\(headline)\n\(clean)\n\(pad)^"
  }
}

/// Several spec errors reported together, in file then line order.
public struct SpecErrors: Error, Sendable, Equatable, CustomStringConvertible {
  /// The errors, never empty when thrown.
  public var errors: [SpecError]

  /// Creates the collection, sorting by file, line and column.
  public init(_ errors: [SpecError]) {
    self.errors = errors.sorted {
      ($0.file, $0.line, $0.column, $0.field) < ($1.file, $1.line, $1.column, $1.field)
    }
  }

  /// Each error's description, one after another.
  public var description: String { errors.map(\.description).joined(separator: "\n") }
}
