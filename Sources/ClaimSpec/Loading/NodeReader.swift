import Yams

/// Walks a composed YAML node tree against the spec model, collecting located errors and the
/// field path -> location map. Every read records its problem and returns nil instead of throwing,
/// so one load reports every error at once.
final class _NodeReader {
  let file: String
  let lines: [Substring]
  private(set) var errors: [SpecError] = []
  private(set) var locations: [String: SourceLocation] = [:]

  init(file: String, text: String) {
    self.file = file
    self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? $0.dropLast() : $0
    }
  }

  // MARK: - Locations and errors

  func location(_ node: Node?) -> SourceLocation {
    guard let mark = node?.mark else { return SourceLocation(file: file, line: 1, column: 1) }
    return SourceLocation(file: file, line: max(mark.line, 1), column: max(mark.column, 1))
  }

  func sourceLine(_ line: Int) -> String? {
    line >= 1 && line <= lines.count ? String(lines[line - 1]) : nil
  }

  func record(_ path: String, _ node: Node) { locations[path] = location(node) }

  func fail(at loc: SourceLocation, _ path: String, _ message: String, _ kind: SpecError.Kind, suggestion: String? = nil) {
    errors.append(SpecError(at: loc, field: path, message: message, kind: kind, suggestion: suggestion, sourceLine: sourceLine(loc.line)))
  }

  func fail(_ node: Node?, _ path: String, _ message: String, _ kind: SpecError.Kind, suggestion: String? = nil) {
    fail(at: location(node), path, message, kind, suggestion: suggestion)
  }

  /// Where to point when `path` itself is missing: its parent's key, else the parent node.
  func locationForMissing(in fields: _Fields) -> SourceLocation {
    locations[fields.path] ?? location(fields.node)
  }

  // MARK: - Structure

  /// A short name of what a node is, for "found ..." messages.
  func describe(_ node: Node) -> String {
    switch node {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    case .scalar(let s):
      if s.style == .plain || s.style == .any {
        if s.string.isEmpty || s.string == "~" || s.string.lowercased() == "null" { return "null" }
        return "'\(s.string)'"
      }
      return "'\(s.string)'"
    }
  }

  /// Reads a mapping, reporting unknown keys (with a suggestion) and non-string keys.
  func mapping(_ node: Node, _ path: String, allowed: [String], what: String? = nil) -> _Fields? {
    guard case .mapping(let m) = node else {
      fail(node, path, "expected \(what ?? "a mapping"), found \(describe(node))", .typeMismatch)
      return nil
    }
    var fields = _Fields(node: node, path: path)
    for (k, v) in m {
      guard case .scalar(let ks) = k else {
        fail(k, path, "expected a plain key, found \(describe(k))", .typeMismatch)
        continue
      }
      let key = ks.string
      let sub = path.isEmpty ? key : "\(path).\(key)"
      guard allowed.contains(key) else {
        let hint = EditDistance.suggestion(for: key, among: allowed)
        let tail = hint.map { "; did you mean '\($0)'?" } ?? "; expected one of \(allowed.joined(separator: ", "))"
        fail(k, sub, "unknown key '\(key)'\(tail)", .unknownKey, suggestion: hint)
        continue
      }
      locations[sub] = location(k)
      fields.values[key] = v
      fields.keys[key] = k
      fields.order.append(key)
    }
    return fields
  }

  /// Reports a missing required key of `fields`.
  func missing(_ key: String, in fields: _Fields, why: String = "") {
    let sub = fields.path.isEmpty ? key : "\(fields.path).\(key)"
    fail(at: locationForMissing(in: fields), sub, "missing required key '\(key)'\(why)", .missingKey)
  }

  /// A sequence's items; a scalar or mapping counts as a one-item list when `single` is true.
  func list(_ node: Node, _ path: String, single: Bool = false, nonEmpty: Bool = true) -> [Node]? {
    switch node {
    case .sequence(let s):
      let items = Array(s)
      if nonEmpty && items.isEmpty { fail(node, path, "expected a non-empty list", .outOfRange); return nil }
      for (i, item) in items.enumerated() { record("\(path)[\(i)]", item) }
      return items
    case .scalar where single && !isNull(node):
      record("\(path)[0]", node)
      return [node]
    default:
      fail(node, path, "expected a list, found \(describe(node))", .typeMismatch)
      return nil
    }
  }

  // MARK: - Scalars

  func isNull(_ node: Node) -> Bool {
    guard case .scalar(let s) = node, s.style == .plain || s.style == .any else { return false }
    return s.string.isEmpty || s.string == "~" || s.string.lowercased() == "null"
  }

  /// A plain scalar parsed as a number (YAML ints and floats, `_` separators, no inf/nan).
  func numericValue(_ node: Node) -> Double? {
    guard case .scalar(let s) = node, s.style == .plain || s.style == .any else { return nil }
    let text = s.string.replacingOccurrences(of: "_", with: "")
    guard let first = text.unicodeScalars.first,
      ("0"..."9").contains(first) || first == "-" || first == "+" || first == "."
    else { return nil }
    guard let x = Double(text), x.isFinite else { return nil }
    return x
  }

  /// A string scalar (numbers and booleans are rejected unless `acceptNumbers`).
  func string(_ node: Node, _ path: String, acceptNumbers: Bool = false) -> String? {
    guard case .scalar(let s) = node, !isNull(node) else {
      fail(node, path, "expected a string, found \(describe(node))", .typeMismatch)
      return nil
    }
    if !acceptNumbers, s.style == .plain || s.style == .any, numericValue(node) != nil {
      fail(node, path, "expected a string, found the number '\(s.string)'", .typeMismatch)
      return nil
    }
    return s.string
  }

  /// A safe id `[a-z0-9][a-z0-9_-]*`.
  func safeID(_ node: Node, _ path: String) -> String? {
    guard let s = string(node, path, acceptNumbers: true) else { return nil }
    guard SpecVocabulary.isSafeID(s) else {
      fail(node, path, "'\(s)' is not a safe id: use lowercase letters, digits, '_' and '-', starting with a letter or digit", .outOfRange)
      return nil
    }
    return s
  }

  /// A number checked against a closed or half-open range.
  func number(_ node: Node, _ path: String, _ range: _Range) -> Double? {
    guard let x = numericValue(node) else {
      fail(node, path, "expected a number, found \(describe(node))", .typeMismatch)
      return nil
    }
    if let problem = range.problem(x) {
      fail(node, path, "\(problem), found \(_Range.show(x))", .outOfRange)
      return nil
    }
    return x
  }

  /// A whole number checked against a range.
  func int(_ node: Node, _ path: String, _ range: _Range) -> Int? {
    guard let x = numericValue(node) else {
      fail(node, path, "expected an integer, found \(describe(node))", .typeMismatch)
      return nil
    }
    guard x == x.rounded(), abs(x) < 9e15 else {
      fail(node, path, "expected an integer, found \(describe(node))", .typeMismatch)
      return nil
    }
    if let problem = range.problem(x) {
      fail(node, path, "\(problem), found \(_Range.show(x))", .outOfRange)
      return nil
    }
    return Int(x)
  }

  /// A YAML boolean (`true`/`false`, any case).
  func bool(_ node: Node, _ path: String) -> Bool? {
    if case .scalar(let s) = node, s.style == .plain || s.style == .any {
      switch s.string.lowercased() {
      case "true": return true
      case "false": return false
      default: break
      }
    }
    fail(node, path, "expected true or false, found \(describe(node))", .typeMismatch)
    return nil
  }

  /// One of an enum's raw values (plus `aliases`), suggesting the nearest on a miss.
  func choice<E: RawRepresentable & CaseIterable>(
    _ node: Node, _ path: String, _ type: E.Type, what: String, aliases: [String: E] = [:]
  ) -> E? where E.RawValue == String {
    guard let s = string(node, path, acceptNumbers: true) else { return nil }
    if let e = E(rawValue: s) ?? aliases[s] { return e }
    let names = E.allCases.map(\.rawValue) + aliases.keys.sorted()
    let hint = EditDistance.suggestion(for: s, among: names)
    let tail = hint.map { "; did you mean '\($0)'?" } ?? ""
    fail(node, path, "unknown \(what) '\(s)'; expected one of \(names.joined(separator: ", "))\(tail)", .unknownName, suggestion: hint)
    return nil
  }
}

/// The known keys of one mapping, in file order, with their key and value nodes.
struct _Fields {
  let node: Node
  let path: String
  var values: [String: Node] = [:]
  var keys: [String: Node] = [:]
  var order: [String] = []

  init(node: Node, path: String) { self.node = node; self.path = path }

  subscript(key: String) -> Node? { values[key] }

  func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  func has(_ key: String) -> Bool { values[key] != nil }
}

/// An allowed numeric range with open or closed ends.
struct _Range {
  var low: Double = -.infinity
  var lowOpen = false
  var high: Double = .infinity
  var highOpen = false

  static func closed(_ a: Double, _ b: Double) -> _Range { _Range(low: a, high: b) }
  static func open(_ a: Double, _ b: Double) -> _Range { _Range(low: a, lowOpen: true, high: b, highOpen: true) }
  static func atLeast(_ a: Double) -> _Range { _Range(low: a) }
  static func above(_ a: Double) -> _Range { _Range(low: a, lowOpen: true) }
  static let any = _Range()

  func problem(_ x: Double) -> String? {
    let okLow = lowOpen ? x > low : x >= low
    let okHigh = highOpen ? x < high : x <= high
    if okLow && okHigh { return nil }
    var parts: [String] = []
    if low > -.infinity { parts.append("\(lowOpen ? ">" : ">=") \(Self.show(low))") }
    if high < .infinity { parts.append("\(highOpen ? "<" : "<=") \(Self.show(high))") }
    return "expected a value \(parts.joined(separator: " and "))"
  }

  static func show(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
  }
}
