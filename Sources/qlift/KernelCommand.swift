import ArgumentParser
import Foundation
import QMLKit
import QuantumSim

/// `qlift kernel`: prints one quantum kernel matrix so anyone can check it against another library.
struct KernelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kernel",
    abstract: "Print a quantum kernel matrix (train-train, or test-train with --test).",
    discussion: """
      The CSV files have a header row of feature names; every numeric column is a feature \
      (columns whose first value is not a number, such as a text label, are skipped). \
      Output: {"kernel": [[...], ...]} with full double precision. Exit code 2 on bad input.
      """
  )

  @Option(help: "Feature map: \(EncodingName.all.joined(separator: ", ")).")
  var map: String = "zz"
  /// Largest `--shots` per kernel entry (as a spec's `shots`, docs/SPEC.md).
  static let maxShots = 1_000_000

  @Option(help: "Repetitions of the feature map (zz, z, pauli, iqp), 1 to \(EncodingName.maxReps).")
  var reps: Int = 2
  @Option(help: "Entanglement: linear, circular or full (Qiskit's orders).")
  var entanglement: String = "linear"
  @Option(help: "Data scaling alpha: the rotation factor of the Pauli maps (default 2, as Qiskit) or the feature scale of iqp (default 1, as PennyLane).")
  var alpha: Double?
  @Option(help: "Pauli strings for --map pauli, comma-separated (e.g. Z,ZZ).")
  var paulis: String = "Z,ZZ"
  @Option(help: "Kernel: fidelity or projected.")
  var kind: String = "fidelity"
  @Option(help: "Gamma of the projected kernel.")
  var gamma: Double = 1
  @Option(help: "Training data CSV (rows of the matrix, and its columns without --test).")
  var data: String
  @Option(help: "Test data CSV: print the test-train matrix (rows: test, columns: training).")
  var test: String?
  @Option(help: "Estimate every entry from this many shots, 1 to 1000000 (default: exact).")
  var shots: Int?
  @Option(help: "Noise, e.g. depolarizing=0.001,depolarizing2=0.01,readout=0.02: naive compute-uncompute on the density-matrix simulator.")
  var noise: String?
  @Option(help: "Seed for shot sampling.")
  var seed: UInt64 = 0
  @Option(help: "Output format: json or text.")
  var format: String = "json"

  func run() throws {
    do {
      try execute()
    } catch let e as ModelError {
      throw CommandError.badInput("error: \(e.description)")
    } catch let e as NoiseError {
      throw CommandError.badInput("error: --noise: \(e.description)")
    }
  }

  private func execute() throws {
    guard format == "json" || format == "text" else {
      throw DataError(file: "--format", message: "unknown format '\(format)'; expected json or text")
    }
    if let shots, shots <= 0 || shots > Self.maxShots {
      throw DataError(file: "--shots", message: "shots must be between 1 and \(Self.maxShots), got \(shots)")
    }
    let kernelKind: KernelKind
    switch kind {
    case "fidelity": kernelKind = .fidelity
    case "projected": kernelKind = .projected(gamma: gamma)
    default: throw DataError(file: "--kind", message: "unknown kernel '\(kind)'; expected fidelity or projected")
    }
    let encoding = try EncodingName.make(
      map, reps: reps, entanglement: entanglement, alpha: alpha ?? (map.lowercased() == "iqp" ? 1 : 2),
      paulis: paulis.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) })
    let backend: QuantumBackend
    if let noise {
      backend = .noisy(try NoiseModel(specification: noise), shots: shots)
    } else {
      backend = shots.map { .shots($0) } ?? .ideal
    }
    let train = try FeatureCSV.read(data)
    let kernel = QuantumKernel(encoding: encoding, kind: kernelKind, backend: backend, seed: seed)
    let K: Matrix
    if let test {
      let rows = try FeatureCSV.read(test)
      guard rows.names.count == train.names.count else {
        throw DataError(
          file: test, line: 1,
          message: "has \(rows.names.count) feature column(s) but \(data) has \(train.names.count)")
      }
      K = try kernel.crossMatrix(rows.features, train.features)
    } else {
      K = try kernel.trainMatrix(train.features)
    }
    MatrixText.write(K, format == "json" ? Self.jsonLayout : Self.textLayout, to: Self.writeStandardOutput)
  }

  /// `{"kernel": [[...], ...]}` with shortest round-trip doubles, one row per line.
  static let jsonLayout = MatrixText.Layout.json(key: "kernel", terminator: "\n")
  /// One row per line, entries separated by spaces.
  static let textLayout = MatrixText.Layout.lines(terminator: "\n")

  /// Writes `bytes` to file descriptor 1 (nothing else is printed, so no buffer to flush first).
  static func writeStandardOutput(_ bytes: UnsafeRawBufferPointer) {
    var done = 0
    while done < bytes.count {
      let n = write(1, bytes.baseAddress! + done, bytes.count - done)
      if n > 0 {
        done += n
      } else if n < 0 && errno == EINTR {
        continue
      } else {
        return  // as `print`: a closed or full output is not the command's error
      }
    }
  }
}

/// A numeric feature table read from a CSV file with a header row.
struct FeatureCSV {
  var names: [String]
  var features: [[Double]]

  /// Reads `path`; errors name the file, the 1-based line (header = line 1) and the column.
  /// Lines end at "\n" (a "\r" before it is dropped); fields are split at ",", trimmed of spaces
  /// and tabs (Unicode spaces too), and one pair of surrounding double quotes is removed.
  static func read(_ path: String) throws -> FeatureCSV {
    guard var text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw DataError(file: path, message: "cannot read the file")
    }
    return try text.withUTF8 { try parse($0, path: path) }
  }

  /// Parses the bytes of a CSV file. Works on byte ranges (no string per line or per skipped
  /// field): Foundation's trimming cost about 2 us a field, more than the whole kernel's
  /// input handling should.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws -> FeatureCSV {
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
      throw DataError(file: path, line: 2, message: "has \(first.count) field(s), the header has \(header.count)")
    }
    let numeric = header.indices.filter { Double(first[$0]) != nil }
    guard !numeric.isEmpty else { throw DataError(file: path, line: 2, message: "no numeric column") }
    var rows: [[Double]] = []
    rows.reserveCapacity(lines.count - 1)
    for k in 1..<lines.count {
      let fields = split(bytes, lines[k])
      guard fields.count == header.count else {
        throw DataError(file: path, line: k + 1, message: "has \(fields.count) field(s), the header has \(header.count)")
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
