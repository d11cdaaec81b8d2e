import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs `body(task, out)` for every task in `0..<tasks` on `threads` workers, all writing into
/// `values` in place (no per-worker copies to allocate and sum). Tasks must write disjoint
/// entries.
func fillInPlace(
  _ values: inout [Double], tasks: Int, threads: Int,
  _ body: @Sendable (_ task: Int, _ out: UnsafeMutablePointer<Double>) -> Void
) {
  guard !values.isEmpty else { return }
  values.withUnsafeMutableBufferPointer { buffer in
    nonisolated(unsafe) let out = buffer.baseAddress!
    forEachTask(0..<tasks, workers: threads) { body($0, out) }
  }
}

/// Runs `body(task)` for every task in `range` on `workers` threads, each taking the next task
/// as it finishes one: tasks differ in cost, and on a shared machine a worker may start late or
/// share its core, so a fixed split would leave the other waiting.
func forEachTask(_ range: Range<Int>, workers: Int, _ body: @Sendable (Int) -> Void) {
  let t = min(workers, range.count)
  // Cooperative cancellation: remaining tasks are skipped; the caller's next check throws `Cancelled`.
  if t <= 1 {
    for task in range {
      if Cancellation.isRequested { return }
      body(task)
    }
    return
  }
  let lock = NSLock()
  nonisolated(unsafe) var next = range.lowerBound
  runWorkers(t) { _ in
    while true {
      let task: Int = lock.withLock {
        defer { next += 1 }
        return next
      }
      if task >= range.upperBound || Cancellation.isRequested { return }
      body(task)
    }
  }
}

/// Runs `body(worker)` for every worker in `0..<workers` at once: worker 0 on the calling thread,
/// the others on threads started for the call, and returns when all are done.
///
/// Not `DispatchQueue.concurrentPerform`: libdispatch on Linux starts its pool threads lazily,
/// and in a process that lives a few milliseconds (`qlift kernel`) the second worker often began
/// only after the first had finished. A thread of its own starts in 20-50 us here.
func runWorkers(_ workers: Int, _ body: @Sendable (Int) -> Void) {
  guard workers > 1 else {
    body(0)
    return
  }
  #if canImport(Glibc)
    withoutActuallyEscaping(body) { body in
      final class Job: @unchecked Sendable {
        let body: @Sendable (Int) -> Void
        let worker: Int
        init(_ body: @escaping @Sendable (Int) -> Void, _ worker: Int) {
          self.body = body
          self.worker = worker
        }
      }
      var started: [pthread_t] = []
      for w in 1..<workers {
        let job = Unmanaged.passRetained(Job(body, w)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(
          &thread, nil,
          { raw in
            let job = Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue()
            job.body(job.worker)
            return nil
          }, job)
        if status == 0 {
          started.append(thread)
        } else {  // no thread to be had: run that worker here
          Unmanaged<Job>.fromOpaque(job).release()
          body(w)
        }
      }
      body(0)
      for thread in started { pthread_join(thread, nil) }
    }
  #else
    DispatchQueue.concurrentPerform(iterations: workers, execute: body)
  #endif
}

/// Worker threads to use for a job of `work` elementary steps: 1 for small jobs.
func defaultThreads(work: Int) -> Int {
  work < 1 << 18 ? 1 : ProcessInfo.processInfo.activeProcessorCount
}
