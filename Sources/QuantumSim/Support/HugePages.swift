#if canImport(Glibc)
  import Glibc
#endif

/// Transparent huge pages for large buffers: on Linux, where THP is in `madvise` mode (the
/// default of many distributions), a buffer marked before its first touch is faulted in 2 MiB
/// pages instead of 4 KiB ones (a 2^20-amplitude state: 8 faults instead of 4096 per array, and
/// 8 TLB entries instead of 4096 for every pass over it). Elsewhere, and for small buffers,
/// nothing happens. Contents and results are unaffected.
enum HugePages {
  /// Buffers smaller than this are left alone (no system call for the small states of training loops).
  static let minimumBytes = 4 << 20

  /// Asks for huge pages over the 2 MiB-aligned part of [start, start + bytes), before first touch.
  static func advise(_ start: UnsafeMutableRawPointer, bytes: Int) {
    #if canImport(Glibc) && os(Linux)
      guard bytes >= minimumBytes else { return }
      let huge = 2 << 20
      let first = (Int(bitPattern: start) + huge - 1) & ~(huge - 1)
      let end = (Int(bitPattern: start) + bytes) & ~(huge - 1)
      guard end > first, let p = UnsafeMutableRawPointer(bitPattern: first) else { return }
      _ = madvise(p, end - first, MADV_HUGEPAGE)
    #endif
  }

  /// `count` zeros, advised for huge pages before they are written. A buffer of `minimumBytes`
  /// or more is written by up to `threads` threads in disjoint chunks, so its pages are first
  /// touched in parallel instead of by one core before the first gate.
  static func zeros(_ count: Int, threads: Int = 1) -> [Double] {
    [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
      if let base = buffer.baseAddress {
        let bytes = count * MemoryLayout<Double>.stride
        advise(base, bytes: bytes)
        Parallel.chunks(count, threads: bytes >= minimumBytes ? max(1, threads) : 1) { part in
          (base + part.lowerBound).initialize(repeating: 0, count: part.count)
        }
      }
      initialized = count
    }
  }
}
