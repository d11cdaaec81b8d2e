import Foundation

/// The process-wide stop flag of cooperative cancellation: set once by the command line's
/// SIGINT/SIGTERM handler, read (a cheap locked load) inside the long loops of training,
/// grid search, the SMO solver and kernel matrices, which then stop within one iteration by
/// throwing `Cancelled` or by skipping their remaining work. Library callers never set it;
/// only a process that is about to exit does (tests of the flag spawn a process).
public enum Cancellation {
  private final class Flag: @unchecked Sendable {
    let lock = NSLock()
    var signal: Int32?
  }
  private static let flag = Flag()

  /// Asks every loop to stop; `signal` is the signal that asked (kept for the exit code).
  public static func request(signal: Int32) {
    flag.lock.withLock { if flag.signal == nil { flag.signal = signal } }
  }

  /// The signal of the request, if one was made.
  public static var requestedSignal: Int32? { flag.lock.withLock { flag.signal } }

  /// True once a stop was requested.
  public static var isRequested: Bool { requestedSignal != nil }

  /// Throws `Cancelled` when a stop was requested.
  @inline(__always)
  public static func check() throws(Cancelled) {
    if let s = requestedSignal { throw Cancelled(signal: s) }
  }
}

/// A loop stopped because `Cancellation` was requested (exit code 128 + signal).
public struct Cancelled: Error, Sendable, Equatable, CustomStringConvertible {
  /// The signal that asked for the stop.
  public var signal: Int32

  /// Creates the error.
  public init(signal: Int32) { self.signal = signal }

  public var description: String { "stopped by signal \(signal)" }
}
