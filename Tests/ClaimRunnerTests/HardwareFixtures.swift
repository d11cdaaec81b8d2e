import ClaimRunner
import ClaimSpec
import Foundation
import QMLKit
import QuantumSim
import TestSupport

/// A small kernel claim with a `hardware:` backend, and counts for its exported circuits
/// produced by qlift's simulators from the exported OpenQASM 3 text.
enum HardwareFixtures {
  /// The `ideal` device profile: the shipped specs/devices/ideal.yaml.
  static var idealProfile: String { get throws { try Repository.idealProfile() } }

  /// An ad hoc kernel claim: 2 features, 20 samples, seeds 1 and 2, an ideal and a hardware backend.
  static func spec(id: String = "hw-claim", extraModels: String = "") -> String {
    """
    claim: \(id)
    title: hardware test claim
    hypothesis: the ZZ kernel scores the same from device counts
    dataset: {generator: adhoc, params: {features: 2, gap: 0.3}, samples: 20, test_fraction: 0.3}
    quantum:
      - {id: zz, kind: kernel, encoding: {map: zz, reps: 2, entanglement: linear}, svm: {C: [0.1, 1, 10]}}
    \(extraModels)
    baselines: [{model: knn, grid: {k: [1, 3]}}]
    backends:
      - {id: ideal, simulator: statevector, shots: exact}
      - {id: hw, hardware: ideal, shots: 4096}
    seeds: [1, 2]
    criteria: {lift: {min: 0.0, on: [ideal]}, cost: {max_qubits: 8, max_runtime_seconds: 600}}
    expect: supported
    """
  }

  /// A project folder holding specs/<id>.yaml and specs/devices/ideal.yaml; returns the claim.
  static func project(_ yaml: String = spec(), name: String = "hw-claim") throws -> (dir: URL, claim: Claim) {
    let dir = try SpecFixtures.project()
    return (dir, try project(yaml, name: name, in: dir))
  }

  /// Adds specs/devices/ideal.yaml and specs/<name>.yaml to an existing project; returns the claim.
  static func project(_ yaml: String, name: String, in dir: URL) throws -> Claim {
    let devices = dir.appendingPathComponent("specs/devices")
    try FileManager.default.createDirectory(at: devices, withIntermediateDirectories: true)
    try idealProfile.write(to: devices.appendingPathComponent("ideal.yaml"), atomically: true, encoding: .utf8)
    return try SpecFixtures.claim(yaml, name: name, in: dir)
  }

  /// The device profiles of a project.
  static func devices(_ dir: URL) -> [String: DeviceProfile] {
    DeviceProfileCatalog(folder: dir.appendingPathComponent("specs/devices")).profiles
  }

  /// OpenQASM 3 text as written by `Circuit.qasm3()` for a bound, measured circuit, rewritten
  /// as the OpenQASM 2.0 that `Circuit(qasm:)` reads (the parser reads 2.0 only).
  static func qasm2(fromQASM3 text: String) -> String {
    var out: [String] = []
    for line in text.split(separator: "\n").map(String.init) {
      if line.hasPrefix("OPENQASM 3") { out.append("OPENQASM 2.0;"); continue }
      if line.hasPrefix("include") { out.append("include \"qelib1.inc\";"); continue }
      if line.hasPrefix("gate ") || line.hasPrefix("gphase") { continue }
      if line.hasPrefix("qubit[") {
        out.append("qreg q[\(line.dropFirst(6).prefix { $0 != "]" })];"); continue
      }
      if line.hasPrefix("bit[") {
        out.append("creg c[\(line.dropFirst(4).prefix { $0 != "]" })];"); continue
      }
      if line.contains(" = measure ") {
        let parts = line.dropLast().components(separatedBy: " = measure ")
        out.append("measure \(parts[1]) -> \(parts[0]);"); continue
      }
      out.append(line)
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// Reads every exported circuit back from its `.qasm` file.
  static func readCircuits(_ manifest: HardwareManifest, in folder: URL) throws -> [String: Circuit] {
    var out: [String: Circuit] = [:]
    for e in manifest.circuits {
      let text = try String(contentsOf: folder.appendingPathComponent(e.file), encoding: .utf8)
      out[e.id] = try Circuit(qasm: qasm2(fromQASM3: text))
    }
    return out
  }

  /// Measured probabilities of a circuit (index = basis state, qubit 0 least significant),
  /// under `noise` (gate channels then readout error) or ideal.
  static func probabilities(_ c: Circuit, noise: NoiseModel?) throws -> [Double] {
    let rho = try DensityMatrix(c, noise: noise)
    guard let noise else { return rho.probabilities }
    return noise.applyReadout(to: rho.probabilities, qubits: Array(0..<c.qubitCount))
  }

  /// Counts that are each circuit's exact noiseless distribution times `scale` shots (rounded),
  /// read back from the exported files.
  static func exactCounts(_ m: HardwareManifest, _ circuits: [String: Circuit], scale: Double = 1e9) throws -> CountsFile {
    var counts: [String: [String: Int]] = [:]
    for e in m.circuits {
      guard let c = circuits[e.id] else { throw HardwareError(file: e.file, "not read back") }
      let p = try probabilities(c, noise: nil)
      var out: [String: Int] = [:]
      for (i, x) in p.enumerated() where (x * scale).rounded() > 0 { out[bits(i, width: e.qubits)] = Int((x * scale).rounded()) }
      counts[e.id] = out
    }
    return CountsFile(claim: m.claim, specHash: m.specHash, backend: m.backend, counts: counts)
  }

  /// Exports a claim's circuits for its first hardware backend into `dir/hardware-export` and
  /// reads every circuit back from its OpenQASM file.
  static func export(_ claim: Claim, in dir: URL) throws -> (HardwareManifest, [String: Circuit]) {
    let folder = dir.appendingPathComponent("hardware-export")
    let manifest = try HardwareExporter.export(claim, backend: try HardwareExporter.hardwareBackend(claim, id: nil), to: folder)
    return (manifest, try readCircuits(manifest, in: folder))
  }

  /// A bit string with qubit 0 rightmost.
  static func bits(_ index: Int, width: Int) -> String {
    String((0..<width).reversed().map { (index >> $0) & 1 == 1 ? "1" : "0" })
  }

  /// `shots` seeded draws from `p` (inverse-CDF sampling), as counts per bit string.
  static func sample(_ p: [Double], width: Int, shots: Int, rng: inout SeededGenerator) -> [String: Int] {
    var counts = [Int](repeating: 0, count: p.count)
    for _ in 0..<shots {
      let u = rng.nextUnit()
      var acc = 0.0, k = p.count - 1
      for (i, x) in p.enumerated() {
        acc += x
        if u < acc { k = i; break }
      }
      counts[k] += 1
    }
    var out: [String: Int] = [:]
    for (i, n) in counts.enumerated() where n > 0 { out[bits(i, width: width)] = n }
    return out
  }
}
