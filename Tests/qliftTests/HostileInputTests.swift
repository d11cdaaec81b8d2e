import Foundation
import Testing

/// Hostile command-line input (issue 17): thread counts, huge shard counts, a bad `--out`,
/// unbounded `--reps`. Each runs the built binary: exit 2 with a plain message (or the
/// correct result), never a crash, a Foundation error dump or exit 3.
@Suite struct HostileInputTests {
  /// A valid one-claim project (`specs/h.yaml`) in a fresh folder.
  func project() throws -> URL {
    let dir = try QliftProcess.project()
    let c = HostileCase(name: "valid", dataset: "{generator: adhoc, params: {features: 2}, samples: 40}", mentions: [])
    try c.spec.write(to: dir.appendingPathComponent("specs/h.yaml"), atomically: true, encoding: .utf8)
    return dir
  }

  func expectPlain(_ r: QliftProcess.Output) {
    #expect(!r.stderr.contains("NSCocoaErrorDomain") && !r.stderr.contains("Fatal error") && !r.stderr.contains("internal error"),
            "\(r.stderr)")
  }

  @Test func outPointingToAFileIsExit2() throws {
    let dir = try project()
    try "x".write(to: dir.appendingPathComponent("taken"), atomically: true, encoding: .utf8)
    for out in ["taken", "taken/reports"] {
      let r = try QliftProcess.run(["run", "specs/h.yaml", "--out", out, "--jobs", "1", "--no-report"], cwd: dir)
      #expect(r.status == 2, "\(out): \(r.stderr)")
      #expect(r.stderr.contains("--out") && r.stderr.contains("taken") && r.stderr.contains("is a file"), "\(r.stderr)")
      expectPlain(r)
    }
  }

  @Test(.disabled(if: geteuid() == 0, "root writes into read-only folders"))
  func outInAReadOnlyFolderIsExit2() throws {
    let dir = try project()
    let locked = dir.appendingPathComponent("locked")
    try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
    for out in ["locked", "locked/reports"] {
      let r = try QliftProcess.run(["run", "specs/h.yaml", "--out", out, "--jobs", "1", "--no-report"], cwd: dir)
      #expect(r.status == 2, "\(out): \(r.stderr)")
      #expect(r.stderr.contains("--out") && r.stderr.contains("not writable"), "\(r.stderr)")
      expectPlain(r)
    }
  }

  @Test func hugeShardCountsDoNotAllocateOrCrash() throws {
    let dir = try project()
    for shard in ["2/9223372036854775807", "9223372036854775807/9223372036854775807"] {
      let r = try QliftProcess.run(["verify", "specs", "--out", "out", "--jobs", "1", "--shard", shard, "--shard-by", "claim"], cwd: dir)
      #expect(r.status == 0, "\(shard): \(r.stderr)")
      #expect(r.stderr.contains("0 claim(s)"), "\(r.stderr)")
      // Cells: the claim's 4 cells fill the first 4 shard slots; a shard beyond them is empty.
      let c = try QliftProcess.run(["verify", "specs", "--out", "cells", "--jobs", "1", "--shard", shard], cwd: dir)
      #expect(c.status == 0, "\(shard): \(c.stderr)")
      let count = shard.hasPrefix("2/") ? 1 : 0
      #expect(c.stdout.contains("\(count) cell(s) of \(count) claim(s)"), "\(c.stdout)")
    }
  }

  @Test func kernelRepsAndShotsAreBounded() throws {
    let dir = try project()
    try "a,b\n0.1,0.2\n0.3,0.4\n".write(to: dir.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
    for (flag, value, mention) in [("--reps", "1000000000", "reps"), ("--reps", "0", "reps"), ("--shots", "1000000000", "shots")] {
      let r = try QliftProcess.run(["kernel", "--data", "d.csv", flag, value], cwd: dir)
      #expect(r.status == 2, "\(flag) \(value): \(r.stderr)")
      #expect(r.stderr.contains(mention), "\(r.stderr)")
      expectPlain(r)
    }
  }

  @Test func simulateGivesTheSameCountsForEveryThreadCountOnTwentyQubits() throws {
    let dir = try project()
    var qasm = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[20];\ncreg c[20];\nh q;\n"
    for k in 0..<20 { qasm += "rz(\(0.1 * Double(k + 1))) q[\(k)];\n" }
    qasm += "cx q[19],q[0];\ncx q[0],q[10];\nry(0.3) q[19];\nmeasure q -> c;\n"
    try qasm.write(to: dir.appendingPathComponent("c.qasm"), atomically: true, encoding: .utf8)
    let one = try QliftProcess.run(["simulate", "c.qasm", "--shots", "16", "--seed", "3", "--threads", "1"], cwd: dir)
    #expect(one.status == 0, "\(one.stderr)")
    for threads in [3, 7, 61, 300] {
      let r = try QliftProcess.run(["simulate", "c.qasm", "--shots", "16", "--seed", "3", "--threads", "\(threads)"], cwd: dir)
      #expect(r.status == 0 && r.stdout == one.stdout, "--threads \(threads): \(r.stderr)")
    }
  }
}
