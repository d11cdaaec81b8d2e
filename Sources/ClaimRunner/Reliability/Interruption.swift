import Dispatch
import Foundation
import QMLKit

/// A stop request shared between a signal handler and a running suite: the suite checks it
/// between claims and between seeds, so an interrupted run keeps every finished claim (each
/// results file is written atomically), writes no half claim, and leaves the previous
/// junit.xml and report alone.
public final class StopRequest: @unchecked Sendable {
  private let lock = NSLock()
  private var signalNumber: Int32?

  /// A request nobody has made yet.
  public init() {}

  /// Asks the run to stop; returns false when a stop was already requested.
  @discardableResult
  public func request(signal: Int32) -> Bool {
    lock.withLock {
      if signalNumber != nil { return false }
      signalNumber = signal
      return true
    }
  }

  /// The signal that asked for a stop, if any.
  public var requested: Int32? { lock.withLock { signalNumber } }

  /// Throws `Interrupted` when a stop was requested.
  public func check(finished: Int) throws {
    if let s = requested { throw Interrupted(signal: s, finishedClaims: finished) }
  }
}

/// The run stopped on a signal after `finishedClaims` claims.
public struct Interrupted: Error, CustomStringConvertible, Equatable {
  /// The signal number (SIGINT 2, SIGTERM 15).
  public var signal: Int32
  /// Claims whose results were written before the stop.
  public var finishedClaims: Int

  /// The conventional exit code, 128 + signal.
  public var exitCode: Int32 { 128 + signal }

  public var description: String {
    let name = signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)"
    return "interrupted by \(name) after \(finishedClaims) claim(s); their results are kept and cached, "
      + "the previous junit.xml and report were left as they were; run again to resume"
  }
}

/// Installs SIGINT and SIGTERM handlers: the first signal requests a stop and sets QMLKit's
/// `Cancellation` flag, so the running seeds leave their training, grid-search, SMO and kernel
/// loops within an iteration and the claim ends with `Interrupted` (exit 128 + signal) without
/// writing anything of it; a second signal exits at once (results files are atomic, so
/// nothing is half-written).
public enum InterruptHandler {
  /// The installed sources (kept alive for the life of the process).
  private static let sources = SignalSources()

  /// The signal sources, appended under a lock.
  private final class SignalSources: @unchecked Sendable {
    private var kept: [DispatchSourceSignal] = []
    private let lock = NSLock()
    func keep(_ source: DispatchSourceSignal) { lock.withLock { kept.append(source) } }
  }

  /// Routes SIGINT and SIGTERM to `stop`.
  public static func install(_ stop: StopRequest) {
    for sig in [SIGINT, SIGTERM] {
      signal(sig, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
      source.setEventHandler {
        if stop.request(signal: sig) {
          Cancellation.request(signal: sig)
          FileHandle.standardError.write(Data("\nstopping the running seeds (signal again to quit now)\n".utf8))
        } else {
          _exit(128 + sig)
        }
      }
      source.resume()
      sources.keep(source)
    }
  }
}
