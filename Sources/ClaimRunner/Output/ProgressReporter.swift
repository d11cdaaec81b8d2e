import Foundation

/// Progress of a suite run on standard error: a live bar redrawn in place on a terminal
/// (claim k of N, seeds done, training iteration), one plain line per finished claim
/// otherwise (CI logs).
public final class ProgressReporter: @unchecked Sendable {
  private let lock = NSLock()
  private let live: Bool
  private let write: (String) -> Void
  private var claimIndex = 0, claimTotal = 0, seedsDone = 0, seedTotal = 0
  private var claimID = ""
  private var training = ""

  /// A reporter; `live` defaults to whether standard error is a terminal.
  public init(live: Bool = isatty(STDERR_FILENO) != 0, write: @escaping (String) -> Void = { text in
    FileHandle.standardError.write(Data(text.utf8))
  }) {
    self.live = live
    self.write = write
  }

  /// A claim starts: `index` is 1-based.
  public func claimStarted(index: Int, total: Int, id: String, seeds: Int) {
    lock.withLock {
      claimIndex = index; claimTotal = total; claimID = id; seedsDone = 0; seedTotal = seeds; training = ""
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

  /// The current claim finished with this one-line summary.
  public func claimFinished(_ summary: String) {
    lock.withLock {
      write((live ? "\r\u{1B}[2K" : "") + "[\(claimIndex)/\(claimTotal)] \(summary)\n")
    }
  }

  /// The live line: claim counter, id, and a bar of the seeds done.
  func bar() -> String {
    let width = 20
    let filled = seedTotal == 0 ? 0 : width * seedsDone / seedTotal
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    return "\r\u{1B}[2K[\(claimIndex)/\(claimTotal)] \(claimID) [\(bar)] seeds \(seedsDone)/\(seedTotal)\(training)"
  }
}
