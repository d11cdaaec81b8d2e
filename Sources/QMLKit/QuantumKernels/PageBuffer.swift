#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Scratch memory of a megabyte or more, freed when the object goes. On Linux it is mapped with
/// transparent huge pages requested: touching fresh memory costs a page fault per 4 KiB page,
/// 1-2 us each on this machine (at N = 400 `qlift kernel` took 3,900 faults, 2,700 of them its
/// own), against one per 2 MiB.
final class PageBuffer: @unchecked Sendable {
  /// The usable bytes, aligned to 64.
  let base: UnsafeMutableRawPointer
  /// Their count.
  let count: Int
  private let mapping: UnsafeMutableRawPointer?
  private let mappedBytes: Int

  /// `count` bytes of uninitialized memory.
  init(count: Int) {
    self.count = count
    #if os(Linux)
      let huge = 2 << 20
      if count >= huge / 4 {
        // Over-map by one huge page so the usable range can start on a huge-page boundary.
        let bytes = (count + 2 * huge - 1) / huge * huge
        if let p = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), p != MAP_FAILED {
          let aligned = (Int(bitPattern: p) + huge - 1) / huge * huge
          let tail = bytes - (aligned - Int(bitPattern: p))
          _ = madvise(UnsafeMutableRawPointer(bitPattern: aligned), tail, Int32(MADV_HUGEPAGE))
          mapping = p
          mappedBytes = bytes
          base = UnsafeMutableRawPointer(bitPattern: aligned)!
          return
        }
      }
    #endif
    mapping = nil
    mappedBytes = 0
    base = UnsafeMutableRawPointer.allocate(byteCount: max(1, count), alignment: 64)
  }

  deinit {
    #if os(Linux)
      if let mapping {
        munmap(mapping, mappedBytes)
        return
      }
    #endif
    base.deallocate()
  }
}
