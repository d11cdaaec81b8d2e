import Foundation
import SwiftCSV

/// Loads labelled tabular data from comma-separated files with a header row (parsed by
/// the SwiftCSV package).
///
/// - The target column is chosen by name; its distinct values become the class names,
///   sorted numerically when all are numbers (`-1, +1`; `0, 1, 2`), otherwise as strings.
///   Numeric labels are compared as numbers: `1`, `1.0` and `+1` are one class, named by the
///   spelling seen first (training file first, then in row order).
/// - Feature columns (all other columns, or `features` in that order) are numeric when
///   every value parses as a number; otherwise categorical, one-hot encoded into columns
///   `name=value` (values sorted). A categorical column with more than `maxCategories`
///   distinct values is refused (naming the column and the line of the first value too many):
///   one-hot encoding it would make a matrix of rows × values.
/// - Missing values (empty, `NA`, `N/A`, `NaN`, `nan`, `null`, `?`) anywhere in a used
///   column, non-finite numbers (`inf`, `1e999`), rows with a different number of fields
///   than the header, blank lines inside the data, duplicate column names, an empty file
///   and a target with fewer than two classes are rejected with a `DataError` naming
///   the file, line and column.
/// - Line numbers are 1-based physical lines with the header on line 1; quoted fields
///   spanning lines are not supported for line numbering (the count would drift).
public struct CSVLoader {
  /// Values read as "missing".
  public static let missingMarkers: Set<String> = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "?"]
  /// Most distinct values a categorical (non-numeric) feature column may have (docs/SPEC.md).
  public static let maxCategories = 50

  /// Loads `path`, predicting `target` from `features` (default: every other column).
  /// - Throws: `DataError`.
  public static func load(path: String, target: String, features: [String]? = nil) throws -> Dataset {
    let table = try _readTable(path: path)
    let plan = try _plan(tables: [table], target: target, features: features)
    return try _encode(table, plan: plan)
  }

  /// Loads a fixed train/test pair with the same columns; class names and categorical
  /// levels are taken from both files so the two data sets share columns and classes.
  /// - Throws: `DataError` (also when the headers differ or the test file holds a class
  ///   the training file lacks).
  public static func loadPair(train: String, test: String, target: String, features: [String]? = nil) throws -> DataSplit {
    let a = try _readTable(path: train)
    let b = try _readTable(path: test)
    guard a.header == b.header else {
      throw DataError(file: test, line: 1, message: "header differs from the training file '\(train)': \(b.header.joined(separator: ",")) vs \(a.header.joined(separator: ","))")
    }
    let plan = try _plan(tables: [a, b], target: target, features: features)
    let trainClasses = Set(a.rows.map { plan.classOf[$0.fields[plan.targetIndex]]! })
    for row in b.rows where !trainClasses.contains(plan.classOf[row.fields[plan.targetIndex]]!) {
      throw DataError(file: test, line: row.line, column: target, message: "class '\(row.fields[plan.targetIndex])' does not occur in the training file")
    }
    return DataSplit(train: try _encode(a, plan: plan), test: try _encode(b, plan: plan))
  }
}

// MARK: - Implementation

/// A parsed CSV file: header and data rows with their physical line numbers.
struct _CSVTable {
  var path: String
  var header: [String]
  var rows: [(line: Int, fields: [String])]
}

/// How to turn raw columns into features and labels.
struct _CSVPlan {
  enum Column { case numeric(Int), categorical(Int, levels: [String]) }
  var targetIndex: Int
  var classNames: [String]
  /// Class index of every label spelling (numeric spellings of one value share a class).
  var classOf: [String: Int]
  var columns: [(name: String, kind: Column)]
}

extension CSVLoader {
  static func _readTable(path: String) throws -> _CSVTable {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw DataError(file: path, message: "cannot read the file (\(error.localizedDescription))")
    }
    let csv: EnumeratedCSV
    do {
      csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
    } catch {
      throw DataError(file: path, message: "not valid CSV: \(error)")
    }
    let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces) }
    guard !header.isEmpty, !(header.count == 1 && header[0].isEmpty) else {
      throw DataError(file: path, line: 1, message: "empty file: expected a header row")
    }
    var seen: Set<String> = []
    for name in header {
      guard !name.isEmpty else { throw DataError(file: path, line: 1, message: "empty column name in the header") }
      guard seen.insert(name).inserted else { throw DataError(file: path, line: 1, column: name, message: "duplicate column name") }
    }
    var raw: [[String]] = []
    do {
      try csv.enumerateAsArray(startAt: 1, rowLimit: nil) { raw.append($0) }
    } catch {
      throw DataError(file: path, message: "not valid CSV: \(error)")
    }
    // Trailing blank lines are allowed; blank lines inside the data are not.
    while let last = raw.last, last.count == 1, last[0].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      raw.removeLast()
    }
    var rows: [(line: Int, fields: [String])] = []
    rows.reserveCapacity(raw.count)
    for (i, r) in raw.enumerated() {
      let line = i + 2
      guard r.count == header.count else {
        throw DataError(
          file: path, line: line, message: "row has \(r.count) field(s), the header has \(header.count) (\(CSVDelimiter.note(header: header)))")
      }
      rows.append((line, r.map { $0.trimmingCharacters(in: .whitespaces) }))
    }
    guard !rows.isEmpty else { throw DataError(file: path, line: 1, message: "no data rows after the header") }
    return _CSVTable(path: path, header: header, rows: rows)
  }

  static func _plan(tables: [_CSVTable], target: String, features: [String]?) throws -> _CSVPlan {
    let first = tables[0]
    guard let t = first.header.firstIndex(of: target) else {
      throw DataError(
        file: first.path, line: 1, column: target,
        message: "no such target column; columns: \(first.header.joined(separator: ", ")) (\(CSVDelimiter.note(header: first.header)))")
    }
    var featureIndices: [Int] = []
    if let features {
      guard !features.isEmpty else { throw DataError(file: first.path, message: "empty feature list") }
      for f in features {
        guard let j = first.header.firstIndex(of: f) else {
          throw DataError(file: first.path, line: 1, column: f, message: "no such feature column; columns: \(first.header.joined(separator: ", "))")
        }
        guard j != t else { throw DataError(file: first.path, line: 1, column: f, message: "the target column cannot also be a feature") }
        guard !featureIndices.contains(j) else { throw DataError(file: first.path, line: 1, column: f, message: "feature listed twice") }
        featureIndices.append(j)
      }
    } else {
      featureIndices = first.header.indices.filter { $0 != t }
      guard !featureIndices.isEmpty else { throw DataError(file: first.path, line: 1, message: "no feature columns besides the target '\(target)'") }
    }
    // Missing values in used columns, target included.
    for table in tables {
      for row in table.rows {
        for j in [t] + featureIndices where missingMarkers.contains(row.fields[j]) {
          throw DataError(file: table.path, line: row.line, column: table.header[j], message: "missing value '\(row.fields[j])'")
        }
      }
    }
    // Classes.
    var classSet: Set<String> = []
    var spellings: [String] = []
    for table in tables { for row in table.rows where classSet.insert(row.fields[t]).inserted { spellings.append(row.fields[t]) } }
    let numericClasses = classSet.allSatisfy { Double($0).map(\.isFinite) ?? false }
    let classNames: [String]
    var classOf: [String: Int] = [:]
    if numericClasses {
      // One class per number: the first spelling names it (1, 1.0 and +1 are one class).
      var nameOf: [Double: String] = [:]
      for s in spellings where nameOf[Double(s)! + 0] == nil { nameOf[Double(s)! + 0] = s }
      let values = nameOf.keys.sorted()
      classNames = values.map { nameOf[$0]! }
      let index = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, $0) })
      for s in classSet { classOf[s] = index[Double(s)! + 0]! }
    } else {
      classNames = classSet.sorted()
      for (k, s) in classNames.enumerated() { classOf[s] = k }
    }
    let firstClasses = Set(first.rows.map { classOf[$0.fields[t]]! })
    guard firstClasses.count >= 2 else {
      let name = firstClasses.first.map { classNames[$0] } ?? ""
      throw DataError(file: first.path, column: target, message: "the target has a single class '\(name)'; need at least two")
    }
    // Column kinds.
    var columns: [(name: String, kind: _CSVPlan.Column)] = []
    for j in featureIndices {
      var numeric = true
      var levels: Set<String> = []
      for table in tables {
        for row in table.rows {
          let s = row.fields[j]
          if let v = Double(s) {
            guard v.isFinite else {
              throw DataError(file: table.path, line: row.line, column: table.header[j], message: "non-finite number '\(s)'")
            }
          } else {
            numeric = false
          }
          levels.insert(s)
          if !numeric && levels.count > maxCategories {
            throw DataError(
              file: table.path, line: row.line, column: table.header[j],
              message: "categorical column with more than \(maxCategories) distinct values (one-hot encoding would make "
                + "a column per value); at most \(maxCategories) are allowed: drop the column, encode it as numbers, or leave it out of 'features'")
          }
        }
      }
      columns.append((first.header[j], numeric ? .numeric(j) : .categorical(j, levels: levels.sorted())))
    }
    return _CSVPlan(targetIndex: t, classNames: classNames, classOf: classOf, columns: columns)
  }

  static func _encode(_ table: _CSVTable, plan: _CSVPlan) throws -> Dataset {
    var names: [String] = []
    for c in plan.columns {
      switch c.kind {
      case .numeric: names.append(c.name)
      case .categorical(_, let levels): names += levels.map { "\(c.name)=\($0)" }
      }
    }
    var features: [[Double]] = []
    var labels: [Int] = []
    features.reserveCapacity(table.rows.count)
    for row in table.rows {
      var x: [Double] = []
      x.reserveCapacity(names.count)
      for c in plan.columns {
        switch c.kind {
        case .numeric(let j): x.append(Double(row.fields[j])!)
        case .categorical(let j, let levels):
          let v = row.fields[j]
          for level in levels { x.append(level == v ? 1 : 0) }
        }
      }
      features.append(x)
      labels.append(plan.classOf[row.fields[plan.targetIndex]]!)
    }
    return Dataset(features: features, labels: labels, featureNames: names, classNames: plan.classNames)
  }
}
