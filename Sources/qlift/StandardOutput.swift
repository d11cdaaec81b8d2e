import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Raw writes to standard output for the commands that stream large numeric pages (`qlift kernel`).
enum StandardOutput {
  /// Writes `bytes` to file descriptor 1 (nothing else is printed, so no buffer to flush first).
  static func send(_ bytes: UnsafeRawBufferPointer) {
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
