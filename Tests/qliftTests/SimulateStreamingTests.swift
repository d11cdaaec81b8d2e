import Foundation
import Testing

/// `qlift simulate` streams its output and checks the whole run's memory before allocating.
@Suite struct SimulateStreamingTests {
  let header = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n"

  func simulate(_ qasm: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qlift-stream-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent("circuit.qasm")
    try qasm.write(to: url, atomically: true, encoding: .utf8)
    return try QliftProcess.run(["simulate", url.path] + arguments).tuple
  }

  @Test("a 15-qubit statevector (1.7 MB of text, more than one 1 MiB chunk) prints every amplitude once, in order")
  func manyChunksOfText() throws {
    let (status, out, err) = try simulate(header + "qreg q[15];\nh q;\nh q[14];\nx q[14];\n", [])
    #expect(status == 0, "\(err)")
    #expect(out.utf8.count > 1 << 20)
    let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == (1 << 15) + 3)  // header, column names, 2^15 amplitudes, final newline
    #expect(lines[0] == "qubits: 15" && lines[1] == "index bits real imaginary probability")
    #expect(lines.last == "")
    // q14 = |1>, the others |+>: amplitude 2^-7 on the upper half, 0 below.
    let a = 1 / 128.0
    let bad = lines.dropFirst(2).dropLast().enumerated().first { i, line in
      let f = line.split(separator: " ")
      guard f.count == 5, let index = Int(f[0]), let re = Double(f[2]), let im = Double(f[3]), let p = Double(f[4]) else { return true }
      return index != i || f[1].count != 15 || Int(f[1], radix: 2) != i
        || abs(re - (i >= 1 << 14 ? a : 0)) > 1e-12 || im != 0 || p != re * re
    }
    #expect(bad == nil, "first wrong line: \(String(describing: bad))")
  }

  @Test func jsonStatevectorOfManyChunksParses() throws {
    let (status, out, _) = try simulate(header + "qreg q[14];\nh q;\n", ["--format", "json"])
    #expect(status == 0)
    let j = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    #expect((j["statevector"] as? [[Double]])?.count == 1 << 14)
    let p = try #require(j["probabilities"] as? [Double])
    #expect(p.count == 1 << 14 && abs(p.reduce(0, +) - 1) < 1e-12)
  }

  @Test("a run that will not fit is refused before anything is allocated, naming its parts")
  func refusalNamesTheParts() throws {
    let (status, out, err) = try simulate(header + "qreg q[40];\nh q;\n", ["--shots", "1000"])
    #expect(status == 2)
    #expect(out.isEmpty)
    #expect(err.contains("40-qubit statevector run (state 16.0 TiB + sampling"), "\(err)")
    #expect(err.contains("of memory is available"))
  }

  @Test("counts of a reordered, partial measurement are written per classical bit, sorted")
  func reorderedMeasurement() throws {
    let qasm = header + "qreg q[3];\ncreg c[3];\nx q[0];\nh q[1];\nmeasure q[0] -> c[2];\nmeasure q[1] -> c[0];\n"
    let (status, out, _) = try simulate(qasm, ["--shots", "2000", "--seed", "5"])
    #expect(status == 0)
    let lines = out.split(separator: "\n")
    #expect(lines.first == "shots: 2000  seed: 5")
    let keys = lines.dropFirst().map { String($0.split(separator: " ")[0]) }
    #expect(keys == ["100", "101"])
    #expect(lines.dropFirst().map { Int($0.split(separator: " ")[1])! }.reduce(0, +) == 2000)
  }
}
