@testable import ClaimRunner
import ClaimSpec
import Foundation
import QMLKit
import QuantumSim
import Testing

/// Per-qubit and per-edge profile figures: loading, located errors, and gates using the figures
/// of the physical qubits and couplers they act on.
@Suite struct DeviceCalibrationTests {
  /// A 5-qubit line with Heron-like medians; `extra` lines replace or add figure keys.
  static func profile(_ extra: [String: String] = [:]) -> String {
    var figures: [(String, String)] = [
      ("t1_us", "100"), ("t2_us", "80"), ("gate_time_1q_ns", "30"), ("gate_time_2q_ns", "80"),
      ("error_1q", "1.0e-3"), ("error_2q", "1.0e-2"), ("readout_error", "0.02"),
    ]
    for (k, v) in extra {
      if let i = figures.firstIndex(where: { $0.0 == k }) { figures[i].1 = v } else { figures.append((k, v)) }
    }
    return """
      id: line5
      name: test line
      vendor: test
      native_gates: [cz, rz, sx, x]   # test figure
      coupling:
        kind: line   # test figure
        qubits: 5    # test figure
      """ + "\n" + figures.map { "\($0.0): \($0.1)   # test figure" }.joined(separator: "\n") + "\n"
  }

  static func load(_ extra: [String: String] = [:]) throws -> DeviceProfile {
    try DeviceProfileLoader.load(yaml: profile(extra), file: "line5.yaml")
  }

  /// The 3-qubit full-entanglement ZZ test-train kernel on the profile (exact probabilities).
  static func kernel(_ p: DeviceProfile) throws -> Matrix {
    let backend = try BackendResolver.backend(for: BackendSpec(id: "d", target: .device(p.id), shots: .count(100)), device: p)
    guard case .device(let compiler, let noise, _) = backend else { throw SimulationError.invalidRequest("not a device backend") }
    let k = QuantumKernel(encoding: PauliFeatureMap.zz(reps: 1, entanglement: .full, alpha: 2), backend: .device(compiler, noise, shots: nil))
    var rng = SeededGenerator(seed: 4)
    let X = (0..<5).map { _ in (0..<3).map { _ in rng.nextUnit() * .pi } }
    return try k.crossMatrix(Array(X.prefix(2)), X)
  }

  static func largestDifference(_ a: Matrix, _ b: Matrix) -> Double {
    zip(a.values, b.values).map { abs($0 - $1) }.max()!
  }

  @Test func listsAndMapsLoadWithTheirMedians() throws {
    let p = try Self.load([
      "t1_us": "[100, 120, 80, 90, 110]", "error_2q": "{median: 0.01, \"3-4\": 0.3, \"0-1\": 0.012}",
      "readout_error": "{\"4\": 0.2}",
    ])
    #expect(p.t1Us == 100 && p.error2q == 0.01 && p.readoutError == 0.2)
    #expect(p.calibration.byQubit["t1_us"]?[2] == 80)
    #expect(p.calibration.byEdge["error_2q"] == [QubitPair(3, 4): 0.3, QubitPair(0, 1): 0.012])
    #expect(try Self.load().calibration.isEmpty)
  }

  @Test(arguments: [
    ("t1_us", "[100, 120, 80]", "expected 5 values, one per qubit (coupling.qubits), found 3", "t1_us"),
    ("error_2q", "{median: 0.01, \"0-2\": 0.3}", "edge 0-2 is not in the coupling map", "error_2q.0-2"),
    ("error_2q", "{\"0-9\": 0.3}", "edge 0-9 is not in the coupling map", "error_2q.0-9"),
    ("error_2q", "{\"zero-one\": 0.3}", "expected 'median' or an edge 'a-b'", "error_2q.zero-one"),
    ("readout_error", "[0.01, 0.02, 0.7, 0.01, 0.01]", "found 0.7", "readout_error[2]"),
    ("readout_error", "{\"7\": 0.01}", "qubit 7 is not on the device", "readout_error.7"),
    ("error_1q", "{\"1\": -0.1}", "found -0.1", "error_1q.1"),
  ])
  func badFiguresAreLocated(key: String, value: String, message: String, field: String) throws {
    let text = Self.profile([key: value])
    let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(key + ":") }! + 1
    do {
      _ = try DeviceProfileLoader.load(yaml: text, file: "line5.yaml")
      Issue.record("loaded \(key): \(value)")
    } catch {
      let first = try #require(error.errors.first)
      #expect(first.line == line && first.column > key.count + 1, "\(error.description)")
      #expect(first.field == field && first.message.contains(message), "\(error.description)")
    }
  }

  @Test func perQubitFiguresEqualToTheMediansReproduceTheMedianModel() throws {
    // Independent of the per-qubit builder: the median path (NoiseModel.Parameters) is the reference.
    let medians = try Self.kernel(Self.load())
    let spelled = try Self.kernel(Self.load([
      "t1_us": "[100, 100, 100, 100, 100]", "t2_us": "{\"2\": 80}", "gate_time_2q_ns": "{\"1-2\": 80}",
      "error_1q": "[1.0e-3, 1.0e-3, 1.0e-3, 1.0e-3, 1.0e-3]", "error_2q": "{median: 1.0e-2, \"0-1\": 1.0e-2}",
      "readout_error": "{\"0\": 0.02}",
    ]))
    #expect(try Self.load(["t1_us": "[100, 100, 100, 100, 100]"]).calibration.isEmpty == false)
    #expect(Self.largestDifference(medians, spelled) < 1e-12)
  }

  @Test func aNoisyEdgeOrQubitMovesTheKernelOnlyWhenTheCompiledCircuitUsesIt() throws {
    // A 3-qubit circuit is placed on qubits 0-2 of the line; routing its full entanglement uses
    // couplers 0-1 and 1-2, never 3-4 or qubit 4.
    let base = try Self.kernel(Self.load())
    let unused = try Self.kernel(Self.load([
      "error_2q": "{median: 1.0e-2, \"3-4\": 0.3}", "readout_error": "{median: 0.02, \"4\": 0.3}", "t1_us": "{median: 100, \"3\": 5}",
    ]))
    let used = try Self.kernel(Self.load(["error_2q": "{median: 1.0e-2, \"1-2\": 0.3}"]))
    let usedQubit = try Self.kernel(Self.load(["readout_error": "{median: 0.02, \"1\": 0.3}"]))
    #expect(Self.largestDifference(base, unused) < 1e-12)
    #expect(Self.largestDifference(base, used) > 0.02, "\(Self.largestDifference(base, used))")
    #expect(Self.largestDifference(base, usedQubit) > 0.02, "\(Self.largestDifference(base, usedQubit))")
  }

  @Test func theQPUTimeScheduleUsesTheGateTimesOfTheEdgesTheCircuitRunsOn() throws {
    let circuit = try PauliFeatureMap.zz(reps: 1, entanglement: .full, alpha: 2).circuit(features: 3).circuit
    func length(_ p: DeviceProfile) throws -> Double {
      let device = DeviceAdapter(p)
      let native = try #require(device.compiler).compile(circuit, bindings: [0.3, 0.7, 1.1])
      return Schedule(native.circuit, durations: try #require(device.durations(region: native.region))).length
    }
    let base = try length(Self.load())
    #expect(try length(Self.load(["gate_time_2q_ns": "{median: 80, \"3-4\": 800}"])) == base)
    #expect(try length(Self.load(["gate_time_2q_ns": "{median: 80, \"1-2\": 800}"])) > base + 700e-9)
  }
}
