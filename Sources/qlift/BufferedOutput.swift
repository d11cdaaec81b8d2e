import Foundation

/// Output gathered in chunks (1 MiB by default) and written to a file handle as each chunk
/// fills, so `qlift simulate` streams a 2^n-line statevector instead of building one string.
final class BufferedOutput {
  private var buffer: [UInt8] = []
  private let chunk: Int
  private let handle: FileHandle?
  /// Everything written, when there is no handle (tests).
  private(set) var collected: [UInt8] = []

  /// Writes to `handle` (nil: keeps the text in `collected`).
  init(handle: FileHandle?, chunk: Int = 1 << 20) {
    self.handle = handle
    self.chunk = chunk
    buffer.reserveCapacity(chunk + 4096)
  }

  /// Appends `text`, writing out a full chunk.
  func write(_ text: String) throws {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= chunk { try flush() }
  }

  /// Appends `index` as `width` ASCII bits, bit 0 rightmost (as `bitString`).
  func writeBits(_ index: Int, width: Int) throws {
    for b in stride(from: width - 1, through: 0, by: -1) { buffer.append((index >> b) & 1 == 1 ? 0x31 : 0x30) }
    if buffer.count >= chunk { try flush() }
  }

  /// Writes out whatever is buffered.
  func flush() throws {
    guard !buffer.isEmpty else { return }
    if let handle { try handle.write(contentsOf: buffer) } else { collected.append(contentsOf: buffer) }
    buffer.removeAll(keepingCapacity: true)
  }

  /// The collected text (handle-less output only).
  var text: String { String(decoding: collected, as: UTF8.self) }
}
