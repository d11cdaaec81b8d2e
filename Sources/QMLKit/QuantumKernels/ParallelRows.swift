import Dispatch
import Foundation

/// Fills an `rows × columns` matrix row by row, spreading rows over `threads` workers
/// (row r goes to worker r mod threads, which balances triangular work). Each worker writes
/// its own buffer; the buffers are summed at the end, so no two threads share memory.
func parallelRowFill(
  rows: Int, columns: Int, threads: Int, _ fill: @Sendable (_ row: Int, _ out: inout [Double], _ offset: Int) -> Void
) -> [Double] {
  let t = max(1, min(threads, rows))
  if t == 1 {
    var out = [Double](repeating: 0, count: rows * columns)
    for r in 0..<rows { fill(r, &out, r * columns) }
    return out
  }
  let lock = NSLock()
  nonisolated(unsafe) var parts: [[Double]] = []
  DispatchQueue.concurrentPerform(iterations: t) { w in
    var out = [Double](repeating: 0, count: rows * columns)
    var r = w
    while r < rows {
      fill(r, &out, r * columns)
      r += t
    }
    lock.withLock { parts.append(out) }
  }
  var total = parts[0]
  for p in parts.dropFirst() {
    for i in total.indices { total[i] += p[i] }
  }
  return total
}

/// Runs `body(worker, workers, out)` on `threads` workers, each filling its own zeroed buffer of
/// `count` values; the buffers are summed at the end. Workers must write disjoint entries.
func parallelFill(count: Int, threads: Int, _ body: @Sendable (_ worker: Int, _ workers: Int, _ out: inout [Double]) -> Void)
  -> [Double]
{
  let t = max(1, threads)
  if t == 1 {
    var out = [Double](repeating: 0, count: count)
    body(0, 1, &out)
    return out
  }
  let lock = NSLock()
  nonisolated(unsafe) var parts: [[Double]] = []
  DispatchQueue.concurrentPerform(iterations: t) { w in
    var out = [Double](repeating: 0, count: count)
    body(w, t, &out)
    lock.withLock { parts.append(out) }
  }
  var total = parts[0]
  for p in parts.dropFirst() {
    for i in total.indices { total[i] += p[i] }
  }
  return total
}

/// Worker threads to use for a job of `work` elementary steps: 1 for small jobs.
func defaultThreads(work: Int) -> Int {
  work < 1 << 18 ? 1 : ProcessInfo.processInfo.activeProcessorCount
}
