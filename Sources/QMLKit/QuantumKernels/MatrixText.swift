import Foundation
import QuantumSim

/// A matrix printed as text, fast: every entry is Swift's shortest round-trip
/// `Double.description`, so the bytes are exactly those of the plain loop (`reference`), but
/// - each entry's text is streamed straight into a fixed slot (no `String` per entry);
/// - entries are formatted on all cores, rows handed out one at a time;
/// - an entry below the diagonal whose bits equal its mirror image is not formatted again: the
///   mirror's bytes are copied (a symmetric N x N matrix costs N(N+1)/2 descriptions);
/// - the text is assembled in blocks of about a megabyte, rows in parallel, and handed out block
///   by block (a few `write` calls, and the whole text is never held at once).
/// At N = 400 formatting used to cost more than computing the kernel matrix.
public enum MatrixText {
  /// Where the text around the entries goes.
  public struct Layout: Sendable {
    /// Before the first row.
    public var prefix: String
    /// Before each row's first entry.
    public var rowOpen: String
    /// Between two entries of a row.
    public var entrySeparator: String
    /// After each row's last entry.
    public var rowClose: String
    /// Between two rows.
    public var rowSeparator: String
    /// After the last row (a final newline included, if wanted).
    public var suffix: String

    /// A layout from its pieces.
    public init(
      prefix: String, rowOpen: String, entrySeparator: String, rowClose: String, rowSeparator: String, suffix: String
    ) {
      self.prefix = prefix
      self.rowOpen = rowOpen
      self.entrySeparator = entrySeparator
      self.rowClose = rowClose
      self.rowSeparator = rowSeparator
      self.suffix = suffix
    }

    /// `{"key": [[a, b], [c, d]]}` with the rows on lines of their own, then `terminator`.
    public static func json(key: String, terminator: String = "") -> Layout {
      Layout(
        prefix: "{\"\(key)\": [", rowOpen: "[", entrySeparator: ", ", rowClose: "]", rowSeparator: ",\n ",
        suffix: "]}" + terminator)
    }

    /// One row per line, entries separated by single spaces, then `terminator`.
    public static func lines(terminator: String = "") -> Layout {
      Layout(prefix: "", rowOpen: "", entrySeparator: " ", rowClose: "", rowSeparator: "\n", suffix: terminator)
    }
  }

  /// The plain loop the fast path must equal byte for byte (what tests compare against).
  public static func reference(_ K: Matrix, _ layout: Layout) -> String {
    var out = layout.prefix
    for r in 0..<K.rows {
      if r > 0 { out += layout.rowSeparator }
      out += layout.rowOpen
      for c in 0..<K.columns {
        if c > 0 { out += layout.entrySeparator }
        out += K[r, c].description
      }
      out += layout.rowClose
    }
    return out + layout.suffix
  }

  /// The bytes of `reference(K, layout)` (UTF-8), formatted on `threads` cores (default: all,
  /// for matrices of more than a few thousand entries).
  public static func render(_ K: Matrix, _ layout: Layout, threads: Int? = nil) -> [UInt8] {
    var out: [UInt8] = []
    write(K, layout, threads: threads) { out.append(contentsOf: $0) }
    return out
  }

  /// Passes the bytes of `reference(K, layout)` to `sink` in order, a block of rows at a time
  /// (each block valid only during its call: write it out from there).
  public static func write(
    _ K: Matrix, _ layout: Layout, threads: Int? = nil, to sink: (UnsafeRawBufferPointer) throws -> Void
  ) rethrows {
    try write(K, layout, threads: threads, blockBytes: 1 << 20, to: sink)
  }

  /// `write`, with blocks of about `blockBytes` output bytes (at least one row each).
  static func write(
    _ K: Matrix, _ layout: Layout, threads: Int?, blockBytes: Int, to sink: (UnsafeRawBufferPointer) throws -> Void
  ) rethrows {
    let rows = K.rows, cols = K.columns, count = rows * cols
    let prefix = Array(layout.prefix.utf8), rowOpen = Array(layout.rowOpen.utf8)
    let entrySep = Array(layout.entrySeparator.utf8), rowClose = Array(layout.rowClose.utf8)
    let rowSep = Array(layout.rowSeparator.utf8), suffix = Array(layout.suffix.utf8)
    let square = rows == cols
    // A formatted entry is about 8 amplitude updates of work (`Parallel.threads`).
    let workers = threads ?? Parallel.threads(work: count &* 8, available: Parallel.processorCount)

    // Phase 1: each entry that is not a bit-exact mirror of an upper entry is formatted into its
    // own slot; `length` holds its byte count, 0 for a mirrored entry.
    let table = PageBuffer(count: count * (slotSize + 1))
    let slots = table.base.assumingMemoryBound(to: UInt8.self)
    let length = slots + count * slotSize
    K.values.withUnsafeBufferPointer { vb in
      let v = vb.baseAddress
      Parallel.tasks(0..<rows, workers: workers, dedicated: true) { r in
        for c in 0..<cols {
          let k = r &* cols &+ c
          let x = v![k]
          if square, c < r, x.bitPattern == v![c &* cols &+ r].bitPattern {
            length[k] = 0
            continue
          }
          var slot = Slot(start: slots + k &* slotSize)
          formatDescription(x, into: &slot)
          precondition(slot.count > 0, "empty description")
          length[k] = UInt8(truncatingIfNeeded: slot.count)
        }
      }
    }
    /// Slot index holding the bytes of entry (r, c).
    @inline(__always) func source(_ r: Int, _ c: Int) -> Int {
      let k = r &* cols &+ c
      return length[k] == 0 ? c &* cols &+ r : k
    }

    // Phase 2: each row's length, and blocks of rows of about `blockBytes` each.
    let fixed = rowOpen.count + rowClose.count + max(0, cols - 1) * entrySep.count
    var rowLength = [Int](repeating: fixed, count: rows)
    for r in 0..<rows { for c in 0..<cols { rowLength[r] &+= Int(length[source(r, c)]) } }
    var blocks: [Range<Int>] = []
    var blockStart = 0, blockSize = 0, largest = 0
    for r in 0..<rows {
      let size = (r > 0 ? rowSep.count : 0) + rowLength[r]
      if blockSize > 0 && blockSize + size > blockBytes {
        blocks.append(blockStart..<r)
        blockStart = r
        blockSize = 0
      }
      blockSize += size
      largest = max(largest, blockSize)
    }
    blocks.append(blockStart..<rows)
    let output = PageBuffer(count: prefix.count + largest + suffix.count)
    let out = output.base.assumingMemoryBound(to: UInt8.self)

    // Phase 3, block by block: rows copied into place in parallel, each into its own byte
    // range. Inside a row, pieces go with fixed-width stores (an entry's 24 bytes, the longest
    // description of a double; a separator's 8) whose excess the next piece overwrites; within
    // `slotSize` bytes of the row's end, exactly.
    func put(_ bytes: [UInt8], at p: Int) {
      bytes.withUnsafeBufferPointer { b in
        if let from = b.baseAddress { (out + p).update(from: from, count: b.count) }
      }
    }
    let sepWord = entrySep.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }
    let wideSep = entrySep.count <= 8
    var starts = [Int](repeating: 0, count: rows + 1)
    for block in blocks {
      // Where each row of the block starts, and where the block ends.
      var at = block.lowerBound == 0 ? prefix.count : 0
      if block.lowerBound == 0 { put(prefix, at: 0) }
      for r in block {
        if r > 0 { at += rowSep.count }
        starts[r] = at
        at += rowLength[r]
      }
      starts[block.upperBound] = at + rowSep.count  // so the last row ends at `at`
      starts.withUnsafeBufferPointer { sb in
        let starts = sb.baseAddress!
        Parallel.tasks(block, workers: workers, dedicated: true) { r in
          var p = starts[r]
          let end = starts[r + 1] - rowSep.count
          if r > 0 { put(rowSep, at: p - rowSep.count) }
          put(rowOpen, at: p)
          p &+= rowOpen.count
          let o = UnsafeMutableRawPointer(out)
          for c in 0..<cols {
            if c > 0 {
              if wideSep && p &+ slotSize <= end {
                o.storeBytes(of: sepWord, toByteOffset: p, as: UInt64.self)
              } else {
                put(entrySep, at: p)
              }
              p &+= entrySep.count
            }
            let k = source(r, c)
            let n = Int(length[k])
            let from = UnsafeRawPointer(slots + k &* slotSize)
            if p &+ slotSize <= end {
              o.storeBytes(of: from.loadUnaligned(as: SIMD16<UInt8>.self), toByteOffset: p, as: SIMD16<UInt8>.self)
              o.storeBytes(
                of: from.loadUnaligned(fromByteOffset: 16, as: UInt64.self), toByteOffset: p &+ 16, as: UInt64.self)
            } else {
              (out + p).update(from: slots + k &* slotSize, count: n)
            }
            p &+= n
          }
          put(rowClose, at: p)
        }
      }
      if block.upperBound == rows {
        put(suffix, at: at)
        at += suffix.count
      }
      try withExtendedLifetime((table, output)) { try sink(UnsafeRawBufferPointer(start: out, count: at)) }
    }
  }

  /// Writes `x.description` into `slot`. Except for NaN it goes through `TextOutputStreamable`
  /// (what `print` and string interpolation use), which hands over the same ASCII text without
  /// allocating a `String` for it: half the cost of `description` per entry. Tests compare the
  /// two on millions of values; NaN is left to `description` (the stream spells its payload).
  @inline(__always)
  static func formatDescription(_ x: Double, into slot: inout Slot) {
    if x.isNaN {
      slot.write(x.description)
    } else {
      x.write(to: &slot)
    }
  }

  /// An output stream into one entry's slot (at most `slotSize` bytes).
  struct Slot: TextOutputStream {
    let start: UnsafeMutablePointer<UInt8>
    var count = 0

    mutating func write(_ string: String) {
      var s = string
      s.withUTF8 { _writeASCII($0) }
    }

    /// The stream's fast path: the standard library passes number text here as ASCII bytes.
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
      guard let from = buffer.baseAddress else { return }
      precondition(count + buffer.count <= slotSize, "entry text longer than \(slotSize) bytes")
      (start + count).update(from: from, count: buffer.count)
      count += buffer.count
    }
  }

  /// Bytes per entry: the longest description of a double is 24 ("-2.2250738585072014e-308").
  static let slotSize = 24
}
