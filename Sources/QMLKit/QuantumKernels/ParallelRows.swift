import QuantumSim

/// Runs `body(task, out)` for every task in `0..<tasks` on `threads` workers, all writing into
/// `values` in place (no per-worker copies to allocate and sum). Tasks must write disjoint
/// entries.
func fillInPlace(
  _ values: inout [Double], tasks: Int, threads: Int,
  _ body: (_ task: Int, _ out: UnsafeMutablePointer<Double>) -> Void
) {
  guard !values.isEmpty else { return }
  values.withUnsafeMutableBufferPointer { buffer in
    let out = buffer.baseAddress!
    // Cooperative cancellation: remaining tasks are skipped; the caller's next check throws `Cancelled`.
    Parallel.tasks(0..<tasks, workers: threads, dedicated: true) { task in
      if !Cancellation.isRequested { body(task, out) }
    }
  }
}

/// Worker threads to use for a job of `work` floating-point operations: 1 for small jobs
/// (`Parallel.threads`, at 8 operations per amplitude update).
func defaultThreads(work: Int) -> Int {
  Parallel.threads(work: work / 8, available: Parallel.processorCount)
}
