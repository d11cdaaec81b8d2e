import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The one way qlift runs a loop on several threads, with the one rule for when it is worth it.
///
/// Every parallel loop of the simulator, the kernels, the baselines, the variational models and
/// the runner goes through here, so the unchecked concurrency lives in this file only. The
/// contract for callers: tasks (or chunks) write disjoint memory, and results never depend on the
/// number of threads (every caller combines per-task results in task order).
public enum Parallel {
  /// Work, in amplitude updates (about 8 floating-point operations each), below which one thread
  /// is faster than several: waking a second thread costs about as much as 2^15 updates
  /// (measured on the statevector kernels, docs/SIMULATE.md).
  public static let minimumWork = 1 << 15

  /// The threads to use for `work` amplitude updates when `available` are allowed: 1 below
  /// `minimumWork`, otherwise `available` (at least 1).
  @inline(__always)
  public static func threads(work: Int, available: Int) -> Int {
    work < minimumWork ? 1 : Swift.max(1, available)
  }

  /// The machine's processor count, the default for jobs that do not say.
  public static var processorCount: Int { ProcessInfo.processInfo.activeProcessorCount }

  /// Part `c` of `0..<count` split into `chunks` near-equal, disjoint, ordered parts:
  /// `c·count/chunks ..< (c+1)·count/chunks`. Every part lies inside `0..<count` (parts are
  /// empty when `chunks > count`), whatever the thread count, so no split can form an invalid range.
  @inline(__always)
  public static func chunkRange(_ c: Int, of chunks: Int, count: Int) -> Range<Int> {
    precondition(chunks >= 1 && c >= 0 && c < chunks && count >= 0)
    func bound(_ k: Int) -> Int { chunks.dividingFullWidth(k.multipliedFullWidth(by: count)).quotient }
    return bound(c)..<bound(c + 1)
  }

  /// Runs `body` over `0..<count` split into at most `threads` disjoint, ordered chunks, one per
  /// thread of the system pool (cheap to call per gate). Empty chunks are skipped.
  @inline(__always)
  public static func chunks(_ count: Int, threads: Int, _ body: (Range<Int>) -> Void) {
    let n = Swift.min(threads, count)
    if n <= 1 {
      if count > 0 { body(0..<count) }
      return
    }
    withoutActuallyEscaping(body) { escapable in
      // Chunks are disjoint by construction; callers promise they write disjoint memory.
      nonisolated(unsafe) let work = escapable
      DispatchQueue.concurrentPerform(iterations: n) { c in
        let part = chunkRange(c, of: n, count: count)
        if !part.isEmpty { work(part) }
      }
    }
  }

  /// Runs `body(task)` for every task in `range` on `workers` threads, each taking the next task
  /// as it finishes one: tasks differ in cost, and on a shared machine a worker may start late or
  /// share its core, so a fixed split would leave the others waiting. `dedicated`: as for
  /// `workers(_:dedicated:_:)`.
  public static func tasks(_ range: Range<Int>, workers: Int, dedicated: Bool = false, _ body: (Int) -> Void) {
    let t = Swift.min(workers, range.count)
    if t <= 1 {
      for task in range { body(task) }
      return
    }
    Parallel.workers(t, sharing: range, dedicated: dedicated) { _, next in
      while let task = next() { body(task) }
    }
  }

  /// `workers` threads (as `workers(_:_:)`) sharing the tasks of `range`: `body(worker, next)`
  /// runs once per worker, sets up what the worker needs (its scratch state), then calls `next()`
  /// for its next task until it returns nil.
  public static func workers(
    _ workers: Int, sharing range: Range<Int>, dedicated: Bool = false, _ body: (_ worker: Int, _ next: () -> Int?) -> Void
  ) {
    let counter = TaskCounter(range.lowerBound)
    let next: () -> Int? = {
      let task = counter.take()
      return task < range.upperBound ? task : nil
    }
    self.workers(Swift.max(1, Swift.min(workers, range.count)), dedicated: dedicated) { w in body(w, next) }
  }

  /// `body(i)` for every `i` in `0..<count` on `workers` threads (dynamic, as `tasks`), the
  /// outcomes in index order, errors kept per index.
  public static func map<T>(_ count: Int, workers: Int, _ body: (Int) throws -> T) -> [Result<T, any Error>] {
    let box = Outcomes<T>(count: count)
    tasks(0..<count, workers: workers, dedicated: false) { i in box.set(i, Result { try body(i) }) }
    return box.values
  }

  /// Runs `body(worker)` for every worker in `0..<workers` and returns when all are done.
  ///
  /// `dedicated`: worker 0 on the calling thread, the others on threads started for the call.
  /// Not the system pool (`DispatchQueue.concurrentPerform`): libdispatch on Linux starts its
  /// pool threads lazily, and in a process that lives a few milliseconds (`qlift kernel`) the
  /// second worker often began only after the first had finished; a thread of its own starts in
  /// 20-50 us here. Otherwise the system pool, which bounds nested loops (seeds, grid search,
  /// trees) to the machine's cores instead of multiplying threads.
  public static func workers(_ workers: Int, dedicated: Bool = true, _ body: (Int) -> Void) {
    guard workers > 1 else {
      body(0)
      return
    }
    if !dedicated {
      withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let work = body
        DispatchQueue.concurrentPerform(iterations: workers) { work($0) }
      }
      return
    }
    #if canImport(Glibc)
      withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let work = body
        var started: [pthread_t] = []
        for w in 1..<workers {
          let job = Unmanaged.passRetained(WorkerJob({ work($0) }, w)).toOpaque()
          var thread = pthread_t()
          let status = pthread_create(
            &thread, nil,
            { raw in
              let job = Unmanaged<WorkerJob>.fromOpaque(raw!).takeRetainedValue()
              job.body(job.worker)
              return nil
            }, job)
          if status == 0 {
            started.append(thread)
          } else {  // no thread to be had: run that worker here
            Unmanaged<WorkerJob>.fromOpaque(job).release()
            work(w)
          }
        }
        work(0)
        for thread in started { pthread_join(thread, nil) }
      }
    #else
      withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let work = body
        DispatchQueue.concurrentPerform(iterations: workers) { work($0) }
      }
    #endif
  }
}

extension Parallel {
  /// Runs `body(worker, phase)` for phases 0, 1, ... in order on `workers` dedicated threads
  /// (as `workers(_:dedicated:_:)`, started once): every worker finishes a phase before any
  /// starts the next (one barrier per phase). Workers must write disjoint memory within a phase.
  public static func workers(_ workers: Int, phases: Int, _ body: (_ worker: Int, _ phase: Int) -> Void) {
    guard workers > 1 else {
      for phase in 0..<phases { body(0, phase) }
      return
    }
    let barrier = PhaseBarrier(parties: workers)
    self.workers(workers, dedicated: true) { w in
      for phase in 0..<phases {
        if phase > 0 { barrier.wait() }
        body(w, phase)
      }
    }
  }
}

/// Makes the workers of `Parallel.workers(_:phases:_:)` wait for each other between phases.
private final class PhaseBarrier: @unchecked Sendable {
  private let condition = NSCondition()
  private let parties: Int
  private var waiting = 0
  private var generation = 0

  init(parties: Int) { self.parties = parties }

  /// Returns once all parties have called it in this round.
  func wait() {
    condition.lock()
    defer { condition.unlock() }
    let round = generation
    waiting += 1
    if waiting == parties {
      waiting = 0
      generation += 1
      condition.broadcast()
      return
    }
    while generation == round { condition.wait() }
  }
}

/// The next task index, shared by the workers of `Parallel.tasks`.
private final class TaskCounter: @unchecked Sendable {
  private var next: Int
  private let lock = NSLock()
  init(_ start: Int) { next = start }
  func take() -> Int {
    lock.withLock {
      defer { next += 1 }
      return next
    }
  }
}

/// The outcomes of `Parallel.map`, written by index (each once) from the workers.
private final class Outcomes<T>: @unchecked Sendable {
  private var storage: [Result<T, any Error>?]
  private let lock = NSLock()
  init(count: Int) { storage = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ value: Result<T, any Error>) { lock.withLock { storage[i] = value } }
  var values: [Result<T, any Error>] { lock.withLock { storage.map { $0! } } }
}

/// One started worker of `Parallel.workers`: its body and its index.
private final class WorkerJob: @unchecked Sendable {
  let body: (Int) -> Void
  let worker: Int
  init(_ body: @escaping (Int) -> Void, _ worker: Int) {
    self.body = body
    self.worker = worker
  }
}
