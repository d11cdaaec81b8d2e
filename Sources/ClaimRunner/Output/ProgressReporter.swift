import Foundation

/// Progress of a suite run on standard error. On a terminal: a live bar redrawn in place
/// (claim k of N, seeds done, elapsed time, ETA, training iteration). Otherwise (a pipe, a CI
/// log, `CI=true`): a plain heartbeat line at least every `interval` seconds while a claim runs,
/// and one line per finished claim. Both say when a claim nears its `max_runtime_seconds`.
public final class ProgressReporter: @unchecked Sendable {
  /// Share of `max_runtime_seconds` from which the heartbeat warns that the bound is near.
  public static let boundWarningShare = 0.8

  private let lock = NSLock()
  private let live: Bool
  private let write: (String) -> Void
  private let clock: Clock
  /// Seconds between plain heartbeat lines (the live bar is redrawn every second).
  public let interval: TimeInterval
  private var claimIndex = 0, claimTotal = 0, seedsDone = 0, seedTotal = 0
  private var claimID = ""
  private var training = ""
  private var bound: Double?
  private var started: Date?
  /// Wall-clock seconds of the claims of this run that ran (not cached), for the suite ETA.
  private var ranSeconds: [Double] = []
  private var timer: HeartbeatTimer?

  /// A reporter; `live` defaults to whether standard error is a terminal outside CI; `clock`
  /// and `interval` are injectable for tests.
  public init(
    live: Bool = ProgressReporter.standardErrorIsLive(), interval: TimeInterval = 10,
    clock: Clock = .system,
    write: @escaping (String) -> Void = { text in FileHandle.standardError.write(Data(text.utf8)) }
  ) {
    self.live = live
    self.interval = interval
    self.clock = clock
    self.write = write
  }

  deinit { timer?.stop() }

  /// Where the reporter reads the time: the system clock, or a test's.
  public struct Clock: Sendable {
    /// The current time.
    public let now: @Sendable () -> Date
    /// A clock reading `now`.
    public init(_ now: @escaping @Sendable () -> Date) { self.now = now }
    /// The system clock.
    public static let system = Clock { Date() }
  }

  /// True when standard error is a terminal and the environment is not a CI job (`CI=true`).
  public static func standardErrorIsLive(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
    let ci = environment["CI"].map { ["true", "1", "yes"].contains($0.lowercased()) } ?? false
    return isatty(STDERR_FILENO) != 0 && !ci
  }

  /// Starts the heartbeat timer (every second on a terminal, every `interval` otherwise);
  /// `stop` ends it. Without `start` only events write.
  public func start() {
    lock.withLock {
      guard timer == nil else { return }
      timer = HeartbeatTimer(every: live ? min(1, interval) : interval) { [weak self] in self?.heartbeat() }
    }
  }

  /// Stops the heartbeat timer.
  public func stop() {
    let t = lock.withLock { () -> HeartbeatTimer? in defer { timer = nil }; return timer }
    t?.stop()
  }

  /// A claim starts: `index` is 1-based; `runtimeBound` is its `max_runtime_seconds`.
  public func claimStarted(index: Int, total: Int, id: String, seeds: Int, runtimeBound: Double? = nil) {
    lock.withLock {
      claimIndex = index; claimTotal = total; claimID = id; seedsDone = 0; seedTotal = seeds; training = ""
      bound = runtimeBound
      started = clock.now()
      if live { write(bar()) }
    }
  }

  /// One seed of the current claim finished.
  public func seedFinished() {
    lock.withLock {
      seedsDone += 1
      if live { write(bar()) }
    }
  }

  /// A variational model of the current claim reached a training iteration (shown live only;
  /// seeds train concurrently, so the bar shows the latest report).
  public func trainingIteration(model: String, _ iteration: Int, of total: Int) {
    lock.withLock {
      guard live else { return }
      training = " · \(model) iteration \(iteration)/\(total)"
      write(bar())
    }
  }

  /// The current claim finished with this one-line summary; `ran` is false for a cached result
  /// (its time does not count towards the suite ETA).
  public func claimFinished(_ summary: String, ran: Bool = true) {
    lock.withLock {
      if ran, let s = started { ranSeconds.append(clock.now().timeIntervalSince(s)) }
      started = nil
      write((live ? "\r\u{1B}[2K" : "") + "[\(claimIndex)/\(claimTotal)] \(summary)\n")
    }
  }

  /// One heartbeat (the timer calls it): the live bar redrawn, or a plain status line, while a
  /// claim runs; nothing between claims.
  public func heartbeat() {
    lock.withLock {
      guard started != nil else { return }
      write(live ? bar() : "[\(claimIndex)/\(claimTotal)] \(claimID): \(status())\n")
    }
  }

  /// The live line: claim counter, id, a bar of the seeds done, elapsed time and ETA.
  func bar() -> String {
    let width = 20
    let filled = seedTotal == 0 ? 0 : width * seedsDone / seedTotal
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    return "\r\u{1B}[2K[\(claimIndex)/\(claimTotal)] \(claimID) [\(bar)] \(status())\(training)"
  }

  /// "seeds 2/5, 40 s elapsed, ETA 1 min 0 s (suite about 4 min 0 s)" plus a note when the
  /// claim nears or is projected past its runtime bound.
  func status() -> String {
    let elapsed = started.map { max(0, clock.now().timeIntervalSince($0)) } ?? 0
    var text = "seeds \(seedsDone)/\(seedTotal), \(Self.duration(elapsed)) elapsed"
    var claimLeft: Double?
    if seedsDone > 0 && seedTotal > 0 {
      claimLeft = elapsed / Double(seedsDone) * Double(max(0, seedTotal - seedsDone))
      text += ", ETA \(Self.duration(claimLeft!))"
    } else {
      text += ", ETA after the first seed"
    }
    let after = max(0, claimTotal - claimIndex)
    if after > 0, let left = claimLeft {
      let perClaim = ranSeconds.isEmpty ? elapsed + left : ranSeconds.reduce(0, +) / Double(ranSeconds.count)
      text += " (suite about \(Self.duration(left + perClaim * Double(after))))"
    }
    if let bound, bound > 0 {
      if elapsed >= bound {
        text += "; past its runtime bound: \(Self.duration(elapsed)) of max_runtime_seconds \(Self.number(bound))"
      } else if elapsed >= Self.boundWarningShare * bound {
        text += "; near its runtime bound: \(Self.duration(elapsed)) of max_runtime_seconds \(Self.number(bound))"
      } else if let left = claimLeft, elapsed + left > bound {
        text += "; projected \(Self.duration(elapsed + left)) exceeds max_runtime_seconds \(Self.number(bound))"
      }
    }
    return text
  }

  /// "45 s", "3 min 05 s", "2 h 07 min".
  public static func duration(_ seconds: Double) -> String {
    let s = Int(seconds.isFinite ? seconds.rounded() : 0)
    if s < 60 { return "\(s) s" }
    if s < 3600 { return "\(s / 60) min \(String(format: "%02d", s % 60)) s" }
    return "\(s / 3600) h \(String(format: "%02d", (s % 3600) / 60)) min"
  }

  private static func number(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(format: "%g", x)
  }
}
