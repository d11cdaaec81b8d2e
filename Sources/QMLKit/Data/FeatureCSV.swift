import Foundation

/// A numeric feature table read from a CSV file with a header row.
public struct FeatureCSV: Sendable {
  /// Column names from the header row.
  public var names: [String]
  /// One row of numbers per data line.
  public var features: [[Double]]

  /// Reads `path`; errors name the file, the 1-based line (header = line 1) and the column.
  /// Lines end at "\n" (a "\r" before it is dropped); fields are split at ",", trimmed of spaces
  /// and tabs (Unicode spaces too), and one pair of surrounding double quotes is removed.
  public static func read(_ path: String) throws -> FeatureCSV {
    guard var text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw DataError(file: path, message: "cannot read the file")
    }
    return try text.withUTF8 { try parse($0, path: path) }
  }

  /// Parses the bytes of a CSV file. Works on byte ranges (no string per line or per skipped
  /// field): Foundation's trimming cost about 2 us a field, more than the whole kernel's
  /// input handling should.
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws -> FeatureCSV {
    var lines: [Range<Int>] = []
    var start = 0
    for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: "\n") {
      let end = i > start && bytes[i - 1] == UInt8(ascii: "\r") ? i - 1 : i
      lines.append(start..<end)
      start = i + 1
    }
    while let last = lines.last, field(bytes, last, unquote: false).isEmpty { lines.removeLast() }
    guard let headerLine = lines.first else { throw DataError(file: path, message: "the file is empty") }
    let header = split(bytes, headerLine).map { field(bytes, $0) }
    guard lines.count > 1 else { throw DataError(file: path, line: 1, message: "no data rows after the header") }
    let first = split(bytes, lines[1]).map { field(bytes, $0) }
    guard first.count == header.count else {
      throw DataError(
        file: path, line: 2,
        message: "has \(first.count) field(s), the header has \(header.count) (\(CSVDelimiter.note(header: header)))")
    }
    let numeric = header.indices.filter { Double(first[$0]) != nil }
    guard !numeric.isEmpty else {
      throw DataError(
        file: path, line: 2,
        message: "no numeric column; non-numeric column(s): \(header.joined(separator: ", ")) (\(CSVDelimiter.note(header: header)))")
    }
    var rows: [[Double]] = []
    rows.reserveCapacity(lines.count - 1)
    for k in 1..<lines.count {
      let fields = split(bytes, lines[k])
      guard fields.count == header.count else {
        throw DataError(
          file: path, line: k + 1,
          message: "has \(fields.count) field(s), the header has \(header.count) (\(CSVDelimiter.note(header: header)))")
      }
      rows.append(
        try numeric.map { c in
          let text = field(bytes, fields[c])
          guard let v = Double(text), v.isFinite else {
            throw DataError(file: path, line: k + 1, column: header[c], message: "'\(text)' is not a finite number")
          }
          return v
        })
    }
    return FeatureCSV(names: numeric.map { header[$0] }, features: rows)
  }

  /// The byte ranges of the comma-separated fields of `line`.
  private static func split(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> [Range<Int>] {
    var out: [Range<Int>] = []
    var start = line.lowerBound
    for i in line where bytes[i] == UInt8(ascii: ",") {
      out.append(start..<i)
      start = i + 1
    }
    out.append(start..<line.upperBound)
    return out
  }

  /// The field's text, trimmed of whitespace (as `trimmingCharacters(in: .whitespaces)`: tabs
  /// and the Unicode space separators) and, with `unquote`, of one pair of surrounding quotes.
  private static func field(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, unquote: Bool = true) -> String {
    var lo = range.lowerBound, hi = range.upperBound
    if bytes[range].contains(where: { $0 >= 0x80 }) {
      // Rare: Foundation knows the non-ASCII spaces.
      var s = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        .trimmingCharacters(in: .whitespaces)
      if unquote, s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") { s = String(s.dropFirst().dropLast()) }
      return s
    }
    func space(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
    while lo < hi, space(bytes[lo]) { lo += 1 }
    while hi > lo, space(bytes[hi - 1]) { hi -= 1 }
    if unquote, hi - lo >= 2, bytes[lo] == UInt8(ascii: "\""), bytes[hi - 1] == UInt8(ascii: "\"") {
      lo += 1
      hi -= 1
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
  }
}
