import ClaimSpec
import Foundation
import QuantumSim
import Testing

@testable import ClaimRunner

/// The QPU time model: shots × (schedule length + repetition delay) + executions × job overhead,
/// priced where the profile has a per-second rate, unknown (nil) where it has no repetition delay.
@Suite struct QPUTimeTests {
  static func result(device: DeviceProfile, id: String, cost: String = "{}", extra: String = "") throws -> ClaimResult {
    let dir = try SpecFixtures.project()
    let spec = """
      claim: qpu-bound
      title: qpu bound
      dataset: {generator: hidden_manifold, params: {features: 3, manifold_dimension: 2}, samples: 20}
      quantum: [{id: zz, kind: kernel, encoding: {map: zz, reps: 1, entanglement: full}, svm: {C: [1]}}]
      baselines: [{model: knn, grid: {k: [3]}}]
      backends:
        - {id: ideal, simulator: statevector, shots: exact}
        - {id: dev, device: \(id), shots: 100}\(extra)
      seeds: [1, 2, 3]
      criteria: {lift: {min: -1, on: [ideal]}, cost: \(cost)}
      expect: supported
      """
    let claim = try SpecFixtures.claim(spec, name: "qpu-bound", in: dir)
    let options = SuiteOptions(out: dir.appendingPathComponent("reports"), jobs: 1, progress: false)
    return try #require(SuiteRunner(options: options).run([claim], devices: [id: device]).first)
  }

  @Test func maxQPUSecondsHoldsOrFailsOnTheSummedDeviceTime() throws {
    let heron = try DeviceAdapterTests.shipped("ibm-heron-r2")
    let loose = try Self.result(device: heron, id: "ibm-heron-r2", cost: "{max_qpu_seconds: 1000}")
    let check = try #require(loose.costChecks.first { $0.name == "max_qpu_seconds" })
    let total: Double = loose.costs.compactMap(\.qpuSeconds).reduce(0.0) { $0 + $1 }
    #expect(total > 0 && check.actual == total && check.held)
    let tight = try Self.result(device: heron, id: "ibm-heron-r2", cost: "{max_qpu_seconds: \(total / 2)}")
    let failed = try #require(tight.costChecks.first { $0.name == "max_qpu_seconds" })
    #expect(!failed.held && tight.verdict == Verdict.refuted)
    #expect(tight.reasons.contains { $0.contains("max_qpu_seconds") })
  }

  @Test func maxQPUSecondsOnAProfileWithUnknownQPUTimeIsRefusedBeforeTheRun() throws {
    let garnet = try DeviceAdapterTests.shipped("iqm-garnet")
    let r = try Self.result(device: garnet, id: "iqm-garnet", cost: "{max_qpu_seconds: 10}")
    #expect(r.verdict == .error)
    let message = try #require(r.inputError)
    #expect(message.contains("criteria.cost.max_qpu_seconds") && message.contains("repetition_delay_us"), "\(message)")
  }

  /// The device backend's cost record of the small claim.
  static func run(device: DeviceProfile, id: String) throws -> CostRecord {
    try #require(try result(device: device, id: id).costs.first { $0.backend == "dev" })
  }

  @Test func heronQPUTimeIsShotsTimesScheduleAndRepetitionDelayAndStaysUnpriced() throws {
    let heron = try DeviceAdapterTests.shipped("ibm-heron-r2")
    #expect(heron.repetitionDelayUs == 250 && heron.pricePerQPUSecondUSD == nil)
    let c = try Self.run(device: heron, id: "ibm-heron-r2")
    let qpu = try #require(c.qpuSeconds)
    let perShot = qpu / c.shots - 250e-6
    // The schedule is positive and no longer than every layer taking a cz (84 ns).
    let depth = try #require(c.nativeDepth)
    #expect(perShot > 0 && perShot <= Double(depth) * 84e-9, "per shot \(perShot), depth \(depth)")
    #expect(c.cloudUsd == 0)  // no published rate: "not priced", never a made-up figure
  }

  @Test func aPublishedRateAndOverheadPriceTheTime() throws {
    var heron = try DeviceAdapterTests.shipped("ibm-heron-r2")
    heron.pricePerQPUSecondUSD = 1.6
    heron.jobOverheadSeconds = 2
    let c = try Self.run(device: heron, id: "ibm-heron-r2")
    let qpu = try #require(c.qpuSeconds)
    let base = try #require(try Self.run(device: try DeviceAdapterTests.shipped("ibm-heron-r2"), id: "ibm-heron-r2").qpuSeconds)
    #expect(abs(qpu - (base + 2 * c.executions)) < 1e-9)
    #expect(abs(c.cloudUsd - 1.6 * qpu) < 1e-9)
  }

  @Test func profilesWithoutARepetitionDelayHaveUnknownQPUTime() throws {
    let garnet = try DeviceAdapterTests.shipped("iqm-garnet")
    let c = try Self.run(device: garnet, id: "iqm-garnet")
    #expect(c.qpuSeconds == nil && c.cloudUsd > 0)
  }

  @Test func mitigationCountsItsCalibrationsAndFoldsInTheQPUTime() throws {
    let heron = try DeviceAdapterTests.shipped("ibm-heron-r2")
    let r = try Self.result(device: heron, id: "ibm-heron-r2",
                            extra: "\n  - {id: mit, device: ibm-heron-r2, shots: 100, mitigation: [readout, zne]}")
    let plain = try #require(r.costs.first { $0.backend == "dev" })
    let mit = try #require(r.costs.first { $0.backend == "mit" })
    let rep = 250e-6
    // 3 seeds: 2 calibration circuits each, every other circuit at scales 1, 3 and 5.
    #expect(mit.executions == 3 * plain.executions + 6 && mit.shots == 100 * mit.executions)
    let qPlain = try #require(plain.qpuSeconds), qMit = try #require(mit.qpuSeconds)
    let length = qPlain / plain.shots - rep  // schedule length of the compiled circuit
    #expect(length > 0 && length < 1e-5)
    // Calibrations cost the repetition delay only; the folds run 1 + 3 + 5 = 9 times the schedule
    // (a little less where ASAP overlaps the seams of a fold).
    let calibration = 600 * rep
    let folds = qMit - calibration - 3 * plain.shots * rep
    #expect(folds <= 9 * plain.shots * length * (1 + 1e-9) && folds > 8 * plain.shots * length,
            "folds \(folds), 9 x plain \(9 * plain.shots * length)")
  }
}
