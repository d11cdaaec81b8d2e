import Foundation

/// Timing helpers shared by the benchmarks.
enum BenchClock {
  /// Seconds elapsed while running `body`, on the monotonic clock.
  static func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  /// CPU seconds of the whole process (all threads) spent in `body`: steadier than wall-clock on a
  /// shared machine, and equal to wall-clock for a single-threaded run on an idle core.
  static func cpuSeconds(_ body: () throws -> Void) rethrows -> Double {
    func now() -> Double {
      var ts = timespec()
      clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
      return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
    let start = now()
    try body()
    return now() - start
  }

  /// Median wall-clock and median CPU seconds of `runs` runs of `body` after one warm-up run.
  static func medians(runs: Int, _ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    try body()
    var wall: [Double] = [], cpu: [Double] = []
    for _ in 0..<runs {
      var w = 0.0
      let c = try cpuSeconds { w = try seconds(body) }
      wall.append(w)
      cpu.append(c)
    }
    return (middle(wall), middle(cpu))
  }

  /// Wall-clock min and median over `repeats` runs after one warm-up, and the min and median
  /// process CPU time (all threads; on a shared machine the steadier figure).
  static func repeated(_ repeats: Int, _ body: () throws -> Void) rethrows
    -> (min: Double, median: Double, cpuMin: Double, cpuMedian: Double)
  {
    try body()
    var times: [Double] = [], cpu: [Double] = []
    for _ in 0..<repeats {
      let t = DispatchTime.now().uptimeNanoseconds
      let c = clock()
      try body()
      cpu.append(Double(clock() - c) / Double(CLOCKS_PER_SEC))
      times.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9)
    }
    times.sort(); cpu.sort()
    return (times[0], times[times.count / 2], cpu[0], cpu[cpu.count / 2])
  }

  static func middle(_ values: [Double]) -> Double {
    let v = values.sorted()
    return v.count % 2 == 1 ? v[v.count / 2] : (v[v.count / 2 - 1] + v[v.count / 2]) / 2
  }

  /// Median of `runs` timings of `body` after one warm-up run.
  static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var times: [Double] = []
    for _ in 0..<runs { times.append(try seconds(body)) }
    times.sort()
    return times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
  }

  /// Memory-copy bandwidth (bytes read + written per second) for a buffer of `bytes`, median of runs.
  static func copyBandwidth(bytes: Int, runs: Int = 7) -> Double {
    let count = bytes / 8
    let src = [Double](repeating: 1.5, count: count)
    var dst = [Double](repeating: 0, count: count)
    let t = median(runs: runs) {
      dst.withUnsafeMutableBytes { d in
        src.withUnsafeBytes { s in _ = memcpy(d.baseAddress!, s.baseAddress!, s.count) }
      }
    }
    precondition(dst[count / 2] == 1.5)
    return 2 * Double(count * 8) / t
  }
}

/// Formats a number with a fixed count of significant digits.
func sig(_ v: Double, _ digits: Int = 3) -> String {
  if v == 0 { return "0" }
  let mag = Int(floor(log10(abs(v))))
  let decimals = max(0, digits - 1 - mag)
  return String(format: "%.\(decimals)f", v)
}
