import Foundation
import Testing

@testable import QuantumSim

/// The one parallel-for helper: every index once, outcomes in order, the threshold rule.
struct ParallelTests {
  /// Marks which indices a loop visited, from any thread.
  final class Visits: @unchecked Sendable {
    private var seen: [Int]
    private let lock = NSLock()
    init(_ count: Int) { seen = Array(repeating: 0, count: count) }
    func mark(_ i: Int) { lock.withLock { seen[i] += 1 } }
    var counts: [Int] { lock.withLock { seen } }
  }

  @Test func chunksVisitEveryIndexOnceForAnyThreadCount() {
    for count in [0, 1, 5, 64, 1000] {
      for threads in [1, 2, 3, 7, 64, 300] {
        let visits = Visits(count)
        Parallel.chunks(count, threads: threads) { part in
          #expect(!part.isEmpty)
          for i in part { visits.mark(i) }
        }
        #expect(visits.counts == Array(repeating: 1, count: count), "count \(count), threads \(threads)")
      }
    }
  }

  @Test(arguments: [false, true])
  func tasksVisitEveryIndexOnce(dedicated: Bool) {
    for (range, workers) in [(0..<0, 4), (3..<4, 4), (0..<100, 1), (5..<200, 2), (0..<17, 300)] {
      let visits = Visits(range.upperBound)
      Parallel.tasks(range, workers: workers, dedicated: dedicated) { visits.mark($0) }
      let expected = (0..<range.upperBound).map { range.contains($0) ? 1 : 0 }
      #expect(visits.counts == expected, "\(range) on \(workers) workers")
    }
  }

  @Test func workersSharingTasksRunEachWorkerOnceAndEachTaskOnce() {
    let tasks = Visits(50), workers = Visits(4)
    Parallel.workers(4, sharing: 0..<50) { w, next in
      workers.mark(w)
      while let t = next() { tasks.mark(t) }
    }
    #expect(tasks.counts == Array(repeating: 1, count: 50))
    #expect(workers.counts == Array(repeating: 1, count: 4))
  }

  struct Odd: Error, Equatable { let index: Int }

  @Test func mapKeepsIndexOrderAndErrorsPerIndex() throws {
    for workers in [1, 2, 8] {
      let out = Parallel.map(40, workers: workers) { i -> Int in
        if i % 2 == 1 { throw Odd(index: i) }
        return i * i
      }
      #expect(out.count == 40)
      for (i, r) in out.enumerated() {
        switch r {
        case .success(let v): #expect(i % 2 == 0 && v == i * i)
        case .failure(let e): #expect(e as? Odd == Odd(index: i))
        }
      }
    }
  }

  @Test func mapResultsDoNotDependOnTheWorkerCount() {
    let one = Parallel.map(300, workers: 1) { i in (0...i).reduce(0.0) { $0 + 1 / Double($1 + 1) } }
    let many = Parallel.map(300, workers: 7) { i in (0...i).reduce(0.0) { $0 + 1 / Double($1 + 1) } }
    #expect(one.map { try! $0.get() } == many.map { try! $0.get() })
  }

  /// Per-phase marks of each worker, from any thread.
  final class PhaseLog: @unchecked Sendable {
    private var done: [[Int]]
    private let lock = NSLock()
    init(workers: Int) { done = Array(repeating: [], count: workers) }
    func finish(_ w: Int, _ phase: Int) { lock.withLock { done[w].append(phase) } }
    func lastDone(_ w: Int) -> Int { lock.withLock { done[w].last ?? -1 } }
    var all: [[Int]] { lock.withLock { done } }
  }

  @Test func phasesRunInOrderAndNoWorkerStartsAPhaseBeforeAllFinishedThePrevious() {
    for workers in [1, 2, 3] {
      let log = PhaseLog(workers: workers)
      Parallel.workers(workers, phases: 20) { w, phase in
        // Every worker has finished the previous phase (the barrier), none has begun a later one.
        for other in 0..<workers { #expect(log.lastDone(other) >= phase - 1, "worker \(w), phase \(phase)") }
        if w == 0 { Thread.sleep(forTimeInterval: 0.0005) }  // worker 0 lags; the others must wait
        log.finish(w, phase)
      }
      #expect(log.all == Array(repeating: Array(0..<20), count: workers))
    }
  }

  @Test func smallWorkRunsOnOneThread() {
    #expect(Parallel.threads(work: Parallel.minimumWork - 1, available: 8) == 1)
    #expect(Parallel.threads(work: Parallel.minimumWork, available: 8) == 8)
    #expect(Parallel.threads(work: 1 << 30, available: 0) == 1)
  }
}
