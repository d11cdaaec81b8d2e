import Foundation
import Testing

@testable import QuantumSim

/// Per-qubit and per-coupler figures (`NoiseModel(calibration:)`) against Aer with a noise model
/// built gate by gate from per-qubit properties, idle windows relaxed with per-qubit T1/T2.
/// Fixture: Fixtures/aer-device/generate_calibrated.py, pinned qiskit 2.1.1, qiskit-aer 0.17.1.
@Suite struct AerCalibratedAgreementTests {
  struct Figures: Decodable {
    let t1_us, t2_us, gate_time_1q_ns, error_1q, readout_error: [Double]
    let gate_time_2q_ns, error_2q: [String: Double]
  }
  struct Case: Decodable {
    let kind, qasm, native_qasm: String
    let qubits: Int
    let final_layout: [Int]
    let aer_probabilities: [Double]
    let qiskit_seed_spread: Double
  }
  struct Fixture: Decodable {
    let edges: [[Int]]
    let figures: Figures
    let cases: [Case]
  }

  static func fixture() throws -> Fixture {
    let url = try #require(Bundle.module.url(forResource: "aer_calibrated", withExtension: "json", subdirectory: "Fixtures/aer-device"))
    return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
  }

  /// The fixture's figures as a device profile's per-qubit and per-edge figures become (seconds).
  /// The medians are deliberately unlike every qubit's own figure, so a gate that fell back to a
  /// median would show.
  static func noise(_ f: Fixture) throws -> NoiseModel {
    let couplers = f.edges.map { QubitCoupler($0[0], $0[1]) }
    var c = DeviceCalibration(
      qubits: 5, couplers: couplers, t1: 1e-3, t2: 1e-3, gateTime1q: 1e-6, gateTime2q: 1e-6, error1q: 0.1, error2q: 0.2,
      readout: 0.3)
    let g = f.figures
    for q in 0..<5 {
      c.t1ByQubit[q] = g.t1_us[q] * 1e-6
      c.t2ByQubit[q] = g.t2_us[q] * 1e-6
      c.gateTime1qByQubit[q] = g.gate_time_1q_ns[q] * 1e-9
      c.error1qByQubit[q] = g.error_1q[q]
      c.readoutByQubit[q] = g.readout_error[q]
    }
    for e in couplers {
      c.gateTime2qByCoupler[e] = try #require(g.gate_time_2q_ns["\(e.a)-\(e.b)"]) * 1e-9
      c.error2qByCoupler[e] = try #require(g.error_2q["\(e.a)-\(e.b)"])
    }
    c.noiselessGates = NoiseModel.virtualZGates
    return try NoiseModel(calibration: c)
  }

  static func tvd(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).map { abs($0 - $1) }.reduce(0, +) / 2 }

  @Test func qliftSimulatesQiskitsNativeCircuitsWithPerQubitFiguresAsAerDoes() throws {
    let f = try Self.fixture()
    let noise = try Self.noise(f)
    for c in f.cases {
      let native = try Circuit(qasm: c.native_qasm)
      let rho = try DensityMatrix(native, noise: noise)
      let p = noise.applyReadout(to: rho.marginal(c.final_layout), qubits: c.final_layout)
      let tvd = Self.tvd(p, c.aer_probabilities)
      #expect(tvd < 1e-6, "\(c.kind) \(c.qubits): TVD \(tvd)")
    }
  }

  /// qlift's own compilation (placement on qubits 0..n-1 of the line, its own routing) under the
  /// same figures, localized to the region: within 0.01 of Qiskit + Aer, or twice Qiskit's own
  /// seed-to-seed spread where its routing choices alone move the distribution more.
  @Test func qliftsOwnCompilationAgreesWithQiskitAndAer() throws {
    let f = try Self.fixture()
    let full = try Self.noise(f)
    for c in f.cases {
      let compiler = NativeCompiler(gates: .czSX, coupling: try CouplingMap(qubits: 5, edges: f.edges.map { ($0[0], $0[1]) }))
      let native = try compiler.compile(try Circuit(qasm: c.qasm))
      let noise = full.localized(to: native.region)
      let rho = try DensityMatrix(native.circuit, noise: noise)
      let p = noise.applyReadout(to: rho.marginal(native.finalLayout), qubits: native.finalLayout)
      let tvd = Self.tvd(p, c.aer_probabilities)
      print("calibrated \(c.kind) \(c.qubits): own compilation TVD \(tvd), Qiskit seed spread \(c.qiskit_seed_spread)")
      #expect(tvd < max(0.01, 2 * c.qiskit_seed_spread), "\(c.kind) \(c.qubits): TVD \(tvd), spread \(c.qiskit_seed_spread)")
    }
  }
}
