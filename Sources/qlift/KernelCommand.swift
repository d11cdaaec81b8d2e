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
  @Option(help: "Repetitions of the feature map (zz, z, pauli, iqp).")
  var reps: Int = 2
  @Option(help: "Entanglement: linear, circular or full (Qiskit's orders).")
  var entanglement: String = "linear"
  @Option(help: "Rotation factor alpha of the Pauli feature maps.")
  var alpha: Double = 2
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
  @Option(help: "Estimate every entry from this many shots (default: exact).")
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
    } catch let e as DataError {
      FileHandle.standardError.write(Data("\(e.description)\n".utf8))
      throw ExitCode(2)
    } catch let e as ModelError {
      FileHandle.standardError.write(Data("error: \(e.description)\n".utf8))
      throw ExitCode(2)
    } catch let e as NoiseError {
      FileHandle.standardError.write(Data("error: --noise: \(e.description)\n".utf8))
      throw ExitCode(2)
    }
  }

  private func execute() throws {
    guard format == "json" || format == "text" else {
      throw DataError(file: "--format", message: "unknown format '\(format)'; expected json or text")
    }
    if let shots, shots <= 0 { throw DataError(file: "--shots", message: "shots must be positive, got \(shots)") }
    let kernelKind: KernelKind
    switch kind {
    case "fidelity": kernelKind = .fidelity
    case "projected": kernelKind = .projected(gamma: gamma)
    default: throw DataError(file: "--kind", message: "unknown kernel '\(kind)'; expected fidelity or projected")
    }
    let encoding = try EncodingName.make(
      map, reps: reps, entanglement: entanglement, alpha: alpha,
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
    print(format == "json" ? Self.json(K) : Self.text(K))
  }

  /// `{"kernel": [[...], ...]}` with shortest round-trip doubles.
  static func json(_ K: Matrix) -> String {
    // One growing buffer: no per-row strings or joins (160,000 numbers at N = 400).
    var out = "{\"kernel\": ["
    out.reserveCapacity(K.rows * K.columns * 22 + 16)
    for r in 0..<K.rows {
      if r > 0 { out += ",\n " }
      out += "["
      for c in 0..<K.columns {
        if c > 0 { out += ", " }
        out += K[r, c].description
      }
      out += "]"
    }
    out += "]}"
    return out
  }

  /// One row per line, entries separated by spaces.
  static func text(_ K: Matrix) -> String {
    (0..<K.rows).map { r in (0..<K.columns).map { "\(K[r, $0])" }.joined(separator: " ") }.joined(separator: "\n")
  }
}

/// A numeric feature table read from a CSV file with a header row.
struct FeatureCSV {
  var names: [String]
  var features: [[Double]]

  /// Reads `path`; errors name the file, the 1-based line (header = line 1) and the column.
  static func read(_ path: String) throws -> FeatureCSV {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw DataError(file: path, message: "cannot read the file")
    }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
    guard let headerLine = lines.first else { throw DataError(file: path, message: "the file is empty") }
    let header = split(headerLine)
    guard lines.count > 1 else { throw DataError(file: path, line: 1, message: "no data rows after the header") }
    let first = split(lines[1])
    guard first.count == header.count else {
      throw DataError(file: path, line: 2, message: "has \(first.count) field(s), the header has \(header.count)")
    }
    let numeric = header.indices.filter { Double(first[$0]) != nil }
    guard !numeric.isEmpty else { throw DataError(file: path, line: 2, message: "no numeric column") }
    var rows: [[Double]] = []
    for (k, line) in lines.enumerated().dropFirst() {
      let fields = split(line)
      guard fields.count == header.count else {
        throw DataError(file: path, line: k + 1, message: "has \(fields.count) field(s), the header has \(header.count)")
      }
      rows.append(
        try numeric.map { c in
          guard let v = Double(fields[c]), v.isFinite else {
            throw DataError(file: path, line: k + 1, column: header[c], message: "'\(fields[c])' is not a finite number")
          }
          return v
        })
    }
    return FeatureCSV(names: numeric.map { header[$0] }, features: rows)
  }

  private static func split(_ line: String) -> [String] {
    line.split(separator: ",", omittingEmptySubsequences: false).map {
      var s = $0.trimmingCharacters(in: .whitespaces)
      if s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") { s = String(s.dropFirst().dropLast()) }
      return s
    }
  }
}
