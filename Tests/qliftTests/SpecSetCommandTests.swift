import Foundation
import Testing

/// One resolution of spec paths for every command: a spec in a subfolder finds the project's
/// device profiles in lint and in verify alike; bad input is exit 2 in every command.
@Suite struct SpecSetCommandTests {
  private static let profile = """
    id: flat
    name: A flat test device
    vendor: test
    native_gates: []  # test figure
    coupling:
      kind: all_to_all
      qubits: 8  # test figure
    t1_us: null  # test figure
    t2_us: null  # test figure
    gate_time_1q_ns: null  # test figure
    gate_time_2q_ns: null  # test figure
    error_1q: 0.001  # test figure
    error_2q: 0.01  # test figure
    readout_error: 0.01  # test figure
    price_per_task_usd: 0  # test figure
    price_per_shot_usd: 0  # test figure
    queue_seconds: 0  # test figure
    """

  private static func spec(id: String, backend: String) -> String {
    """
    claim: \(id)
    title: ZZ kernel on ad hoc data in a subfolder
    hypothesis: The ZZ kernel learns the ad hoc labels.
    dataset: {generator: adhoc, params: {features: 2, gap: 0.3}, samples: 40}
    quantum: [{id: q, kind: kernel, encoding: {map: zz, reps: 1}, svm: {C: [1]}}]
    baselines: [{model: svm_rbf, grid: {C: [1], gamma: [scale]}}]
    backends: [\(backend)]
    seeds: [1, 2, 3]
    criteria: {lift: {min: -1.0}, cost: {max_runtime_seconds: 300}}
    expect: supported
    """
  }

  private func write(_ text: String, _ path: String, in dir: URL) throws {
    let url = dir.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
  }

  @Test func aSpecInASubfolderFindsTheProjectDevicesInLintAndVerify() throws {
    let dir = try QliftProcess.project()
    try write(Self.profile, "specs/devices/flat.yaml", in: dir)
    try write(Self.spec(id: "sub", backend: "{id: dev, device: flat, shots: 256}"), "specs/sub/sub.yaml", in: dir)
    let lint = try QliftProcess.run(["lint", "specs/sub"], cwd: dir)
    #expect(lint.status == 0, "\(lint.stderr)")
    let verify = try QliftProcess.run(["verify", "specs/sub", "--out", "reports", "--no-report", "--jobs", "1"], cwd: dir)
    #expect(!verify.stderr.contains("unknown device profile"), "\(verify.stderr)")
    #expect(verify.status == 0, "\(verify.stderr)")
    #expect(verify.stdout.contains("sub"))
  }

  @Test func acceptOnBadInputExitsTwoNotOne() throws {
    let dir = try QliftProcess.project()
    try write(Self.profile, "specs/devices/flat.yaml", in: dir)
    // A hardware backend without imported counts cannot be scored: the user's input, exit 2.
    try write(Self.spec(id: "hw", backend: "{id: qpu, hardware: flat, shots: 100}"), "specs/hw.yaml", in: dir)
    let r = try QliftProcess.run(["accept", "specs/hw.yaml", "--out", "reports", "--no-report"], cwd: dir)
    #expect(r.status == 2, "\(r.status): \(r.stderr)")
    #expect(r.stderr.contains("hw"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("specs/accepted/hw.json").path))
  }

  @Test func acceptRefusesAClaimThatMissesItsExpectUnlessForced() throws {
    let dir = try QliftProcess.project()
    let text = Self.spec(id: "miss", backend: "{id: sv, simulator: statevector, shots: exact}")
      .replacingOccurrences(of: "expect: supported", with: "expect: refuted")
    try write(text, "specs/miss.yaml", in: dir)
    let r = try QliftProcess.run(["accept", "specs/miss.yaml", "--out", "reports"], cwd: dir)
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stderr.contains("differs from its expect"))
    let snapshot = dir.appendingPathComponent("specs/accepted/miss.json")
    #expect(!FileManager.default.fileExists(atPath: snapshot.path))
    let forced = try QliftProcess.run(["accept", "specs/miss.yaml", "--out", "reports", "--force"], cwd: dir)
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(FileManager.default.fileExists(atPath: snapshot.path))
  }

  @Test func anOutFolderThatIsAFileIsBadInput() throws {
    let dir = try QliftProcess.project()
    try write(Self.spec(id: "o", backend: "{id: sv, simulator: statevector, shots: exact}"), "specs/o.yaml", in: dir)
    try write("not a folder", "reports", in: dir)
    let r = try QliftProcess.run(["verify", "specs", "--out", "reports"], cwd: dir)
    #expect(r.status == 2, "\(r.status): \(r.stderr)")
    #expect(!r.stderr.contains("NSCocoaErrorDomain"))
  }
}
