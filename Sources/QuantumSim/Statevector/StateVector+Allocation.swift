#if canImport(Glibc)
  import Glibc
#endif

extension StateVector {
  /// The all-zeros state |0...0> for `threads` kernel threads, its memory first touched by those
  /// threads: a wide state's pages are zeroed in parallel chunks (and, on Linux, backed by
  /// transparent huge pages where the system allows them on request), instead of serially by
  /// one core before the first gate. The amplitudes are the same as `init(qubits:)`'s.
  /// - Throws: `SimulationError.insufficientMemory` when the state would not fit.
  public init(qubits: Int, threads: Int) throws {
    try self.init(qubits: qubits, zeroing: max(1, threads))
    self.threads = max(1, threads)
  }

  /// Amplitudes from which zeroing is split among threads and huge pages are requested:
  /// 2^18 (4 MiB of real and imaginary parts); below it the serial fill is cheaper than a thread.
  static let parallelZeroingMinimum = 1 << 18

  /// `count` zeros, written by up to `threads` threads in disjoint chunks.
  static func zeros(_ count: Int, threads: Int) -> [Double] {
    [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
      let base = buffer.baseAddress!
      let wide = count >= parallelZeroingMinimum
      if wide { adviseHugePages(UnsafeMutableRawPointer(base), bytes: count * MemoryLayout<Double>.stride) }
      Parallel.chunks(count, threads: wide ? threads : 1) { part in
        (base + part.lowerBound).initialize(repeating: 0, count: part.count)
      }
      initialized = count
    }
  }

  /// Asks the kernel to back the whole 2 MiB pages inside `bytes` at `start` with huge pages
  /// (a hint: ignored where transparent huge pages are off).
  private static func adviseHugePages(_ start: UnsafeMutableRawPointer, bytes: Int) {
    #if os(Linux)
      let huge = 2 << 20
      let first = (Int(bitPattern: start) + huge - 1) / huge * huge
      let last = (Int(bitPattern: start) + bytes) / huge * huge
      if last > first {
        _ = madvise(UnsafeMutableRawPointer(bitPattern: first), last - first, Int32(MADV_HUGEPAGE))
      }
    #endif
  }
}
