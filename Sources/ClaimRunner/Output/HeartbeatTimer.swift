import Dispatch
import Foundation

/// A repeating timer on a background queue that calls its handler every `seconds` until stopped.
final class HeartbeatTimer: @unchecked Sendable {
  private let source: DispatchSourceTimer

  /// Starts calling `handler` every `seconds` (the first call after one period).
  init(every seconds: TimeInterval, _ handler: @escaping @Sendable () -> Void) {
    source = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
    let period = DispatchTimeInterval.milliseconds(max(1, Int(seconds * 1000)))
    source.schedule(deadline: .now() + period, repeating: period, leeway: .milliseconds(50))
    source.setEventHandler(handler: handler)
    source.resume()
  }

  /// Stops the timer; no call starts after it returns.
  func stop() { source.cancel() }
}
