import Foundation

/// How an exact fidelity kernel forms its Gram matrices from the simulated states.
public enum GramMethod: Sendable, Equatable {
  /// The system BLAS (`SystemBLAS.shared`) for states of at least
  /// `GramMethod.blasMinimumDimension` amplitudes when one is loaded, else the portable tiles.
  case automatic
  /// qlift's own SIMD tiles, never a BLAS.
  case portable
  /// The system BLAS at any state width when one is loaded, else the portable tiles (tests
  /// and benchmarks).
  case systemBLAS

  /// The fewest amplitudes per state (2^qubits) for which `.automatic` uses the system BLAS
  /// (12 qubits). Measured with `qlift-bench quantum-wide` (N = 400, 1 thread, OpenBLAS 0.3.21):
  /// from 2^9 to 2^11 amplitudes the tiles were as fast (0.95-1.12 times the BLAS's time), from
  /// 2^14 the BLAS made the whole matrix 3 times faster. Below it the tiles also need no packed
  /// copy of the states, and their bits do not depend on the BLAS build and CPU.
  public static let blasMinimumDimension = 4096

  /// The most extra memory the BLAS path may take (a packed copy of the states and the complex
  /// product): an eighth of the machine's memory. Larger problems use the tiles.
  static let blasMemoryLimit = Int(min(UInt64(Int.max), ProcessInfo.processInfo.physicalMemory / 8))

  /// The library to form a Gram matrix of states of `dimension` amplitudes with, needing
  /// `bytes` of extra memory; nil: use the tiles.
  func library(dimension: Int, bytes: Int) -> SystemBLAS? {
    switch self {
    case .portable: return nil
    case .automatic: guard dimension >= Self.blasMinimumDimension else { return nil }
    case .systemBLAS: break
    }
    guard bytes <= Self.blasMemoryLimit, dimension < Int(Int32.max) else { return nil }
    return SystemBLAS.shared
  }
}

extension QuantumKernel {
  /// The library an exact fidelity matrix of `rows` x `columns` inputs (columns nil: the
  /// train-train matrix) with `features` features is formed with; nil: the portable tiles
  /// (or a kernel that forms no Gram matrix of states: projected, noisy, device).
  public func gramLibrary(features: Int, rows: Int, columns: Int?) throws -> SystemBLAS? {
    guard kind == .fidelity, backend.noise == nil else { return nil }
    let dimension = 1 << (try encoding.circuit(features: features).circuit.qubitCount)
    let bytes =
      columns.map { StateBank.blasCrossBytes(rows: rows, columns: $0, dimension: dimension) }
      ?? StateBank.blasGramBytes(count: rows, dimension: dimension)
    return gramMethod.library(dimension: dimension, bytes: bytes)
  }
}
