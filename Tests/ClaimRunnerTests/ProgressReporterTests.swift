import ClaimRunner
import Foundation
import Testing

/// Collects what a reporter writes.
private final class Sink: @unchecked Sendable {
  private let lock = NSLock()
  private var _text = ""
  var text: String { lock.withLock { _text } }
  func append(_ s: String) { lock.withLock { _text += s } }
}

/// A clock the test moves by hand.
private final class FakeClock: @unchecked Sendable {
  private let lock = NSLock()
  private var now = Date(timeIntervalSince1970: 1_000_000)
  func read() -> Date { lock.withLock { now } }
  func advance(_ seconds: Double) { lock.withLock { now += seconds } }
}

@Suite struct ProgressReporterTests {
  @Test func plainOutputIsOneLinePerClaimWithoutHeartbeats() {
    let sink = Sink()
    let p = ProgressReporter(live: false) { sink.append($0) }
    p.claimStarted(index: 1, total: 2, id: "a", seeds: 3)
    p.seedFinished(); p.seedFinished(); p.seedFinished()
    p.trainingIteration(model: "vqc", 3, of: 10)
    p.claimFinished("a: supported (expected supported) ok 1.0 s")
    #expect(sink.text == "[1/2] a: supported (expected supported) ok 1.0 s\n")
  }

  @Test func liveOutputRedrawsABarInPlaceWithElapsedTimeAndETA() {
    let sink = Sink(), clock = FakeClock()
    let p = ProgressReporter(live: true, clock: .init(clock.read)) { sink.append($0) }
    p.claimStarted(index: 2, total: 5, id: "b", seeds: 4)
    clock.advance(10); p.seedFinished()
    clock.advance(10); p.seedFinished()
    #expect(sink.text.hasSuffix("[2/5] b [##########----------] seeds 2/4, 20 s elapsed, ETA 20 s (suite about 2 min 20 s)"))
    #expect(!sink.text.contains("\n"))
    p.trainingIteration(model: "vqc", 12, of: 60)
    #expect(sink.text.hasSuffix("ETA 20 s (suite about 2 min 20 s) · vqc iteration 12/60"))
    p.claimFinished("b: refuted")
    #expect(sink.text.hasSuffix("\r\u{1B}[2K[2/5] b: refuted\n"))
  }

  @Test func plainHeartbeatStatesElapsedTimeAndAnETAFromTheSeedsDone() {
    let sink = Sink(), clock = FakeClock()
    let p = ProgressReporter(live: false, clock: .init(clock.read)) { sink.append($0) }
    p.heartbeat()
    #expect(sink.text.isEmpty, "no heartbeat between claims")
    p.claimStarted(index: 1, total: 3, id: "slow", seeds: 5)
    clock.advance(9)
    p.heartbeat()
    #expect(sink.text == "[1/3] slow: seeds 0/5, 9 s elapsed, ETA after the first seed\n")
    clock.advance(21); p.seedFinished(); p.seedFinished()
    p.heartbeat()
    // 30 s for 2 of 5 seeds: 45 s left; the two claims after it are estimated at this one's 75 s each.
    #expect(sink.text.hasSuffix("[1/3] slow: seeds 2/5, 30 s elapsed, ETA 45 s (suite about 3 min 15 s)\n"))
    p.claimFinished("slow: supported")
    sink.append("|")
    p.heartbeat()
    #expect(sink.text.hasSuffix("|"), "no heartbeat after the claim finished")
    // The suite ETA now uses the measured claim time (30 s), not the projection.
    p.claimStarted(index: 2, total: 3, id: "next", seeds: 2)
    clock.advance(4); p.seedFinished()
    p.heartbeat()
    #expect(sink.text.hasSuffix("[2/3] next: seeds 1/2, 4 s elapsed, ETA 4 s (suite about 34 s)\n"))
  }

  @Test func aClaimNearItsRuntimeBoundSaysSo() {
    let sink = Sink(), clock = FakeClock()
    let p = ProgressReporter(live: false, clock: .init(clock.read)) { sink.append($0) }
    p.claimStarted(index: 1, total: 1, id: "c", seeds: 4, runtimeBound: 100)
    clock.advance(30); p.seedFinished()
    p.heartbeat()
    #expect(sink.text.hasSuffix("ETA 1 min 30 s; projected 2 min 00 s exceeds max_runtime_seconds 100\n"), "\(sink.text)")
    clock.advance(50)
    p.heartbeat()
    #expect(sink.text.hasSuffix("; near its runtime bound: 1 min 20 s of max_runtime_seconds 100\n"), "\(sink.text)")
    clock.advance(25)
    p.heartbeat()
    #expect(sink.text.hasSuffix("; past its runtime bound: 1 min 45 s of max_runtime_seconds 100\n"), "\(sink.text)")
    p.claimFinished("c: done")
    p.claimStarted(index: 1, total: 1, id: "d", seeds: 4, runtimeBound: 100)
    clock.advance(10); p.seedFinished(); p.seedFinished()
    p.heartbeat()
    #expect(!sink.text.hasSuffix("100\n"), "a claim well inside its bound says nothing: \(sink.text)")
  }

  @Test func theTimerWritesAHeartbeatEveryInterval() async throws {
    let sink = Sink()
    let p = ProgressReporter(live: false, interval: 0.02) { sink.append($0) }
    p.claimStarted(index: 1, total: 1, id: "t", seeds: 2)
    p.start()
    var lines = 0
    for _ in 0..<200 where lines < 3 {
      try await Task.sleep(nanoseconds: 10_000_000)
      lines = sink.text.components(separatedBy: "\n").filter { $0.hasPrefix("[1/1] t: seeds 0/2") }.count
    }
    p.stop()
    #expect(lines >= 3, "\(sink.text)")
  }

  @Test func theLiveBarIsOffInCIAndWhenNotATerminal() {
    #expect(!ProgressReporter.standardErrorIsLive(environment: ["CI": "true"]))
    // The test runner's standard error is a pipe or a file, never a terminal in CI.
    if isatty(STDERR_FILENO) == 0 { #expect(!ProgressReporter.standardErrorIsLive(environment: [:])) }
  }

  @Test func durationsReadAsSecondsMinutesAndHours() {
    #expect(ProgressReporter.duration(44.6) == "45 s")
    #expect(ProgressReporter.duration(185) == "3 min 05 s")
    #expect(ProgressReporter.duration(7620) == "2 h 07 min")
  }
}
