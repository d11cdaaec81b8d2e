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
  @Option(help: "Entanglement: \(EncodingName.entanglementNames.joined(separator: ", ")) (ring = circular; Qiskit's orders).")
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
  @Option(help: "How an exact fidelity matrix is formed: auto (the system BLAS for states of 4096+ amplitudes, 12+ qubits, when one is installed), blas (at any size, when installed) or portable (qlift's SIMD loops). QLIFT_BLAS=off in the environment disables the BLAS.")
  var gram: String = "auto"
  @Flag(help: "Print to standard error how the matrix was formed (its size, the Gram method and BLAS library) and the seconds it took.")
  var verbose = false

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
    let gramMethod: GramMethod
    switch gram {
    case "auto": gramMethod = .automatic
    case "blas": gramMethod = .systemBLAS
    case "portable": gramMethod = .portable
    default: throw DataError(file: "--gram", message: "unknown method '\(gram)'; expected auto, blas or portable")
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
    var kernel = QuantumKernel(encoding: encoding, kind: kernelKind, backend: backend, seed: seed)
    // The command prints what the device would read, diagonal included (a claim bills it only on request).
    kernel.measureDiagonal = true
    kernel.gramMethod = gramMethod
    let K: Matrix
    let start = DispatchTime.now().uptimeNanoseconds
    var testRows: Int?
    if let test {
      let rows = try FeatureCSV.read(test)
      guard rows.names.count == train.names.count else {
        throw DataError(
          file: test, line: 1,
          message: "has \(rows.names.count) feature column(s) but \(data) has \(train.names.count)")
      }
      testRows = rows.features.count
      K = try kernel.crossMatrix(rows.features, train.features)
    } else {
      K = try kernel.trainMatrix(train.features)
    }
    if verbose {
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      let method: String
      if kernelKind != .fidelity || backend.noise != nil {
        method = "no Gram matrix of states (\(kernelKind.label), \(backend.label))"
      } else if let blas = try kernel.gramLibrary(
        features: train.names.count, rows: testRows ?? train.features.count, columns: testRows.map { _ in train.features.count })
      {
        method = "Gram: \(blas.description)"
      } else {
        method = "Gram: portable SIMD loops (system BLAS: \(SystemBLAS.summary))"
      }
      let line = "qlift kernel: \(K.rows) x \(K.columns) \(kernelKind.label); \(method); \(String(format: "%.3f", seconds)) s\n"
      FileHandle.standardError.write(Data(line.utf8))
    }
    MatrixText.write(K, format == "json" ? Self.jsonLayout : Self.textLayout, to: StandardOutput.send)
  }

  /// `{"kernel": [[...], ...]}` with shortest round-trip doubles, one row per line.
  static let jsonLayout = MatrixText.Layout.json(key: "kernel", terminator: "\n")
  /// One row per line, entries separated by spaces.
  static let textLayout = MatrixText.Layout.lines(terminator: "\n")
}
