import Foundation
import Yams

/// Loads spec files into validated `Claim` values, reporting every problem with its location.
///
/// Pipeline: read bytes under a size limit; compose the YAML into Yams' `Node` tree (nodes carry
/// line/column marks; Yams' syntax and duplicate-key errors are mapped to `SpecError`); check the
/// resource budget (nodes after alias expansion, depth); walk the nodes against the model,
/// collecting unknown keys (with suggestions), wrong types, out-of-range values, missing fields,
/// unknown names and unsafe paths; build the typed values only when nothing was wrong.
public enum SpecLoader {
  /// Loads and validates one spec file.
  ///
  /// - Parameters:
  ///   - url: The spec file.
  ///   - displayPath: The path printed in messages (default: the URL's relative path as given).
  ///   - budget: Size limits against hostile input.
  /// - Throws: `SpecErrors` with every problem found, each at `file:line:column`.
  public static func load(
    contentsOf url: URL, displayPath: String? = nil, budget: ResourceBudget = .standard
  ) throws(SpecErrors) -> Claim {
    let file = displayPath ?? url.relativePath
    let text = try readText(url, file: file, budget: budget)
    return try load(yaml: text, file: file, paths: ProjectPaths(specFile: url), budget: budget)
  }

  /// Loads and validates spec text. Data paths resolve against `paths` (nil: not checked).
  public static func load(
    yaml text: String, file: String = "<memory>", paths: ProjectPaths? = nil, budget: ResourceBudget = .standard
  ) throws(SpecErrors) -> Claim {
    let root = try compose(text, file: file, budget: budget)
    let reader = _NodeReader(file: file, text: text)
    let claim = _ClaimParser(reader: reader, paths: paths).parseClaim(root)
    guard let claim, reader.errors.isEmpty else {
      throw SpecErrors(reader.errors.isEmpty
        ? [SpecError(file: file, line: 1, column: 1, field: "", message: "spec could not be loaded", kind: .typeMismatch)]
        : reader.errors)
    }
    return claim
  }

  // MARK: - Reading and composing

  /// Reads a UTF-8 text file no larger than the budget allows, through `ProjectFile`: a regular
  /// file whose real path stays inside `root` (default: the spec's project root).
  static func readText(_ url: URL, file: String, budget: ResourceBudget, root: URL? = nil) throws(SpecErrors) -> String {
    func fail(_ message: String, _ kind: SpecError.Kind) -> SpecErrors {
      SpecErrors([SpecError(file: file, line: 1, column: 1, field: "", message: message, kind: kind)])
    }
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else {
      throw fail(isDir.boolValue ? "is a folder, not a spec file" : "no such file", .fileNotFound)
    }
    let confined = root ?? ProjectPaths(specFile: url).root
    let data: Data
    do {
      let size = try ProjectFile.check(url, root: confined, maxBytes: .max, shown: file)
      if size > budget.maxBytes {
        throw fail("file is \(size) bytes; a spec may be at most \(budget.maxBytes) bytes", .resourceLimit)
      }
      data = try ProjectFile.read(url, root: confined, maxBytes: budget.maxBytes, shown: file)
    } catch let refusal as ProjectFile.Refusal {
      throw fail(refusal.reason, refusal.reason.contains("outside") ? .pathEscapesProject : .fileNotFound)
    } catch let e as SpecErrors {
      throw e
    } catch {
      throw fail("cannot read the file", .fileNotFound)
    }
    if data.count > budget.maxBytes {
      throw fail("file is \(data.count) bytes; a spec may be at most \(budget.maxBytes) bytes", .resourceLimit)
    }
    guard let text = String(data: data, encoding: .utf8) else { throw fail("file is not valid UTF-8 text", .yamlSyntax) }
    return text
  }

  /// Composes YAML text into one root node within the budget, mapping Yams errors to `SpecError`.
  static func compose(_ text: String, file: String, budget: ResourceBudget) throws(SpecErrors) -> Node {
    let reader = _NodeReader(file: file, text: text)
    func one(_ line: Int, _ column: Int, _ message: String, _ kind: SpecError.Kind, field: String = "") -> SpecErrors {
      SpecErrors([SpecError(file: file, line: max(line, 1), column: max(column, 1), field: field, message: message, kind: kind,
        sourceLine: reader.sourceLine(line))])
    }
    if text.utf8.count > budget.maxBytes {
      throw one(1, 1, "spec is \(text.utf8.count) bytes; a spec may be at most \(budget.maxBytes) bytes", .resourceLimit)
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      switch error {
      case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
        .composer(let context, let problem, let mark, _):
        let ctx = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
        throw one(mark.line, mark.column, "invalid YAML: \(problem)\(ctx)", .yamlSyntax)
      case .duplicatedKeysInMapping(let duplicates, let context):
        let key = duplicates.first ?? "?"
        let second = secondOccurrence(of: key, after: context.mark, in: reader.lines)
        let at = second ?? (context.mark.line, context.mark.column)
        throw one(at.0, at.1, "duplicate key '\(key)' (first at line \(context.mark.line)); each key may appear once", .duplicateKey,
          field: blockPath(of: key, line: at.0, column: at.1, in: reader.lines))
      case .reader(let problem, _, _, _):
        throw one(1, 1, "invalid YAML: \(problem)", .yamlSyntax)
      default:
        throw one(1, 1, "invalid YAML: \(error)", .yamlSyntax)
      }
    } catch {
      throw one(1, 1, "invalid YAML: \(error)", .yamlSyntax)
    }
    guard let root else { throw one(1, 1, "the spec is empty; start from `qlift new NAME`", .missingKey) }
    if let (message, node) = budget.check(root) {
      let loc = reader.location(node)
      throw one(loc.line, loc.column, message, .resourceLimit)
    }
    if let key = MergeKeys.first(in: root) {
      let loc = reader.location(key)
      throw one(loc.line, loc.column, "YAML merge key '<<' is not supported in specs; write the merged keys out", .unknownKey)
    }
    return root
  }

  /// The field path of a key in block style, from the parent keys above it (`dataset.samples`);
  /// just the key when a list item or flow collection is in the way.
  static func blockPath(of key: String, line: Int, column: Int, in lines: [Substring]) -> String {
    var path = [key]
    var indent = column - 1
    guard line >= 1, line <= lines.count, lines[line - 1].prefix(indent).allSatisfy({ $0 == " " }) else { return key }
    var i = line - 2
    while i >= 0 && indent > 0 {
      let text = lines[i]
      let lead = text.prefix { $0 == " " }.count
      let body = text.dropFirst(lead)
      if body.isEmpty || body.hasPrefix("#") || lead >= indent { i -= 1; continue }
      guard let colon = body.firstIndex(of: ":"), !body.hasPrefix("-"), !body.hasPrefix("{"), !body.hasPrefix("[") else { return key }
      let name = body[..<colon]
      guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return key }
      path.insert(String(name), at: 0)
      indent = lead
      i -= 1
    }
    return path.joined(separator: ".")
  }

  /// The line and column of the next `key:` after the first occurrence at `mark`.
  static func secondOccurrence(of key: String, after mark: Mark, in lines: [Substring]) -> (Int, Int)? {
    guard mark.line >= 1 else { return nil }
    for lineIndex in (mark.line - 1)..<lines.count {
      let chars = Array(lines[lineIndex].unicodeScalars)
      let keyScalars = Array(key.unicodeScalars)
      let start = lineIndex == mark.line - 1 ? mark.column : 0
      var i = start
      while i + keyScalars.count <= chars.count {
        if Array(chars[i..<(i + keyScalars.count)]) == keyScalars {
          let before = i == 0 ? " " : chars[i - 1]
          var j = i + keyScalars.count
          while j < chars.count && chars[j] == " " { j += 1 }
          let boundary = before == " " || before == "{" || before == "," || before == "-" || before == "\"" || before == "'"
          if boundary && j < chars.count && (chars[j] == ":" || chars[j] == "\"" || chars[j] == "'") {
            return (lineIndex + 1, i + 1)
          }
        }
        i += 1
      }
    }
    return nil
  }
}

/// Loads and validates one spec file (see `SpecLoader.load(contentsOf:)`).
public func loadClaim(at url: URL) throws(SpecErrors) -> Claim {
  try SpecLoader.load(contentsOf: url)
}
