import ClaimRunner
import Foundation
import Testing

/// Collects what a reporter writes.
private final class Sink: @unchecked Sendable {
  var text = ""
}

@Suite struct ProgressReporterTests {
  @Test func plainOutputIsOneLinePerClaim() {
    let sink = Sink()
    let p = ProgressReporter(live: false) { sink.text += $0 }
    p.claimStarted(index: 1, total: 2, id: "a", seeds: 3)
    p.seedFinished(); p.seedFinished(); p.seedFinished()
    p.trainingIteration(model: "vqc", 3, of: 10)
    p.claimFinished("a: supported (expected supported) ok 1.0 s")
    #expect(sink.text == "[1/2] a: supported (expected supported) ok 1.0 s\n")
  }

  @Test func liveOutputRedrawsABarInPlace() {
    let sink = Sink()
    let p = ProgressReporter(live: true) { sink.text += $0 }
    p.claimStarted(index: 2, total: 5, id: "b", seeds: 4)
    p.seedFinished(); p.seedFinished()
    #expect(sink.text.hasSuffix("[2/5] b [##########----------] seeds 2/4"))
    #expect(!sink.text.contains("\n"))
    p.trainingIteration(model: "vqc", 12, of: 60)
    #expect(sink.text.hasSuffix("seeds 2/4 · vqc iteration 12/60"))
    p.claimFinished("b: refuted")
    #expect(sink.text.hasSuffix("\r\u{1B}[2K[2/5] b: refuted\n"))
  }
}
