import Foundation
import Testing

/// Runs the built `qlift` binary (next to the test bundle) with `arguments`.
private func runSimulate(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
  try QliftProcess.run(["simulate"] + arguments).tuple
}

/// Writes `text` to a fresh temporary file and returns its path.
private func writeQASM(_ text: String) throws -> String {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qlift-simulate-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  let url = dir.appendingPathComponent("circuit.qasm")
  try text.write(to: url, atomically: true, encoding: .utf8)
  return url.path
}

private func json(_ text: String) throws -> [String: Any] {
  try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

private let header = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n"

/// `qlift simulate`, end to end through the built binary.
@Suite struct SimulateCommandTests {
  let r = 1 / 2.0.squareRoot()

  @Test func bellStatevectorJSON() throws {
    let path = try writeQASM(header + "qreg q[2];\nh q[0];\ncx q[0],q[1];\n")
    let (status, out, err) = try runSimulate([path, "--format", "json"])
    #expect(status == 0, "\(err)")
    let j = try json(out)
    #expect(j["num_qubits"] as? Int == 2)
    let sv = try #require(j["statevector"] as? [[Double]])
    let expected: [[Double]] = [[r, 0], [0, 0], [0, 0], [r, 0]]
    #expect(sv.count == 4)
    for (a, b) in zip(sv, expected) { #expect(abs(a[0] - b[0]) < 1e-15 && abs(a[1] - b[1]) < 1e-15) }
    let p = try #require(j["probabilities"] as? [Double])
    for (a, b) in zip(p, [0.5, 0, 0, 0.5]) { #expect(abs(a - b) < 1e-15) }
  }

  @Test("qubit 0 is the least significant bit and the rightmost character")
  func qubitOrdering() throws {
    let path = try writeQASM(header + "qreg q[3];\nx q[0];\nh q[2];\n")
    let j = try json(try runSimulate([path, "--format", "json"]).stdout)
    let p = try #require(j["probabilities"] as? [Double])
    for (i, v) in p.enumerated() { #expect(abs(v - ([1, 5].contains(i) ? 0.5 : 0)) < 1e-15, "index \(i)") }
    let counts = try #require(try json(try runSimulate([path, "--shots", "400", "--format", "json"]).stdout)["counts"] as? [String: Int])
    #expect(Set(counts.keys) == ["001", "101"])
    #expect(counts.values.reduce(0) { $0 + $1 } == 400)
  }

  @Test func countsOverClassicalBits() throws {
    // GHZ on 3 qubits, measuring qubit 2 into bit 0 and qubit 0 into bit 2 of a 4-bit register.
    let path = try writeQASM(header + "qreg q[3];\ncreg c[4];\nh q[0];\ncx q[0],q[1];\ncx q[1],q[2];\nx q[1];\nmeasure q[2] -> c[0];\nmeasure q[0] -> c[2];\nmeasure q[1] -> c[3];\n")
    let (status, out, _) = try runSimulate([path, "--shots", "1000", "--seed", "7", "--format", "json"])
    #expect(status == 0)
    let j = try json(out)
    let counts = try #require(j["counts"] as? [String: Int])
    // q=000 -> x q1 -> bits c3=1, c2=0, c0=0: "1000"; q=111 -> q1=0: c3=0, c2=1, c0=1: "0101"
    #expect(Set(counts.keys) == ["1000", "0101"])
    #expect(counts.values.reduce(0) { $0 + $1 } == 1000)
    #expect(j["shots"] as? Int == 1000)
    #expect(j["seed"] as? Int == 7)
    #expect(j["statevector"] == nil)
    // Same seed, same counts; counts near 500 each.
    let again = try #require(try json(try runSimulate([path, "--shots", "1000", "--seed", "7", "--format", "json"]).stdout)["counts"] as? [String: Int])
    #expect(again == counts)
    #expect(abs((counts["1000"] ?? 0) - 500) < 80)
  }

  @Test func textOutput() throws {
    let path = try writeQASM(header + "qreg q[1];\nx q[0];\n")
    let (status, out, _) = try runSimulate([path])
    #expect(status == 0)
    #expect(out.contains("\n1 1 1.0 0.0 1.0\n"))
    #expect(out.contains("\n0 0 0.0 0.0 0.0\n"))
    let shots = try runSimulate([path, "--shots", "10"])
    #expect(shots.stdout.contains("1 10"))
    #expect(!shots.stdout.contains("imaginary"))
  }

  @Test("a 20-qubit run with --shots prints counts only, not a million amplitudes")
  func largeStateWithShots() throws {
    let path = try writeQASM(header + "qreg q[20];\nh q;\n")
    let (status, out, _) = try runSimulate([path, "--shots", "50", "--format", "json"])
    #expect(status == 0)
    #expect(out.utf8.count < 10_000)
    let counts = try #require(try json(out)["counts"] as? [String: Int])
    #expect(counts.values.reduce(0) { $0 + $1 } == 50)
    #expect(counts.keys.allSatisfy { $0.count == 20 })
  }

  @Test func noiseUsesTheDensityMatrix() throws {
    let path = try writeQASM(header + "qreg q[1];\nid q[0];\n")
    let j = try json(try runSimulate([path, "--noise", "readout=0.1", "--format", "json"]).stdout)
    let p = try #require(j["probabilities"] as? [Double])
    #expect(abs(p[0] - 0.9) < 1e-12 && abs(p[1] - 0.1) < 1e-12)
    #expect(j["statevector"] == nil)
    // Depolarizing p after one x gate: P(1) = 1 - 2p/3 (Nielsen & Chuang's depolarizing channel).
    let x = try writeQASM(header + "qreg q[1];\nx q[0];\n")
    let d = try json(try runSimulate([x, "--noise", "depolarizing=0.3", "--format", "json"]).stdout)
    let pd = try #require(d["probabilities"] as? [Double])
    #expect(abs(pd[1] - (1 - 2 * 0.3 / 3)) < 1e-12 || abs(pd[1] - (1 - 0.3 / 2)) < 1e-12, "\(pd)")
    let ideal = try json(try runSimulate([x, "--noise", "depolarizing=0", "--format", "json"]).stdout)
    #expect((ideal["probabilities"] as? [Double]).map { abs($0[1] - 1) < 1e-12 } == true)
    let counts = try json(try runSimulate([path, "--noise", "readout=0.5", "--shots", "2000", "--format", "json"]).stdout)
    let c = try #require(counts["counts"] as? [String: Int])
    #expect(abs((c["1"] ?? 0) - 1000) < 150)
  }

  @Test("bad QASM exits 2 with file:line:column: error:")
  func badFile() throws {
    let path = try writeQASM("OPENQASM 2.0;\nqreg q[2];\n  foo q[0];\n")
    let (status, out, err) = try runSimulate([path])
    #expect(status == 2)
    #expect(out.isEmpty)
    #expect(err.split(separator: "\n").first.map(String.init) == "\(path):3:3: error: unknown gate 'foo'")
  }

  @Test("bad input exits 2", arguments: [
    ["/nonexistent/circuit.qasm"], ["--shots", "0"], ["--format", "xml"], ["--threads", "0"], ["--noise", "bogus=1"],
  ])
  func badInput(arguments: [String]) throws {
    let path = try writeQASM(header + "qreg q[1];\nx q[0];\n")
    let args = arguments[0].hasPrefix("/") ? arguments : [path] + arguments
    let (status, _, err) = try runSimulate(args)
    #expect(status == 2)
    #expect(err.contains("error"))
  }

  @Test func midCircuitMeasurementIsRefused() throws {
    let path = try writeQASM(header + "qreg q[1];\ncreg c[1];\nmeasure q[0] -> c[0];\nx q[0];\n")
    let (status, _, err) = try runSimulate([path, "--shots", "10"])
    #expect(status == 2)
    #expect(err.contains("after it is measured"))
  }

  @Test func memoryGuardIsBadInput() throws {
    let path = try writeQASM(header + "qreg q[60];\nh q[0];\n")
    let (status, _, err) = try runSimulate([path])
    #expect(status == 2)
    #expect(err.contains("60-qubit") && err.contains("EiB"))
  }
}
