@testable import QMLKit
import QuantumSim
import Testing

/// Error mitigation on noisy kernels (readout inversion, ZNE) and the train diagonal's billing.
@Suite struct MitigatedKernelTests {
  static let encoding = PauliFeatureMap.zz(reps: 2, entanglement: .linear, alpha: 2)

  static func inputs(_ n: Int, _ d: Int, seed: UInt64) -> [[Double]] {
    var rng = SeededGenerator(seed: seed)
    return (0..<n).map { _ in (0..<d).map { _ in rng.nextUnit() * .pi } }
  }

  static func noise(readout: Double = 0.04) throws -> NoiseModel {
    try NoiseModel(parameters: .init(depolarizing: 0.004, depolarizing2: 0.03, readout: readout))
  }

  static func kernel(_ noise: NoiseModel, shots: Int? = nil, _ m: ErrorMitigation = .none, seed: UInt64 = 3) -> QuantumKernel {
    var k = QuantumKernel(encoding: encoding, backend: .noisy(noise, shots: shots), seed: seed)
    k.mitigation = m
    return k
  }

  /// Mean absolute distance between two matrices' entries.
  static func distance(_ a: Matrix, _ b: Matrix) -> Double {
    zip(a.values, b.values).map { abs($0 - $1) }.reduce(0, +) / Double(a.values.count)
  }

  @Test func exactReadoutMitigationRemovesExactlyTheReadoutError() throws {
    let X = Self.inputs(6, 3, seed: 1), Y = Self.inputs(4, 3, seed: 2)
    let mitigated = try Self.kernel(Self.noise(), .init(readout: true)).crossMatrix(Y, X)
    // Independent reference: the same gate noise with perfect readout.
    let noReadout = try Self.kernel(Self.noise(readout: 0)).crossMatrix(Y, X)
    let noisy = try Self.kernel(Self.noise()).crossMatrix(Y, X)
    #expect(zip(mitigated.values, noReadout.values).map { abs($0 - $1) }.max()! < 1e-12)
    #expect(Self.distance(noisy, noReadout) > 0.003, "readout error must move the kernel for the check to bite")
  }

  @Test func mitigationMovesTheNoisyKernelTowardTheIdealOne() throws {
    let X = Self.inputs(8, 3, seed: 4)
    let ideal = try QuantumKernel(encoding: Self.encoding).crossMatrix(X, X)
    let noise = try Self.noise()
    var errors: [String: Double] = [:]
    for (name, m) in [("none", ErrorMitigation.none), ("readout", .init(readout: true)), ("zne", .init(zne: true)),
                      ("both", .init(readout: true, zne: true))] {
      errors[name] = Self.distance(try Self.kernel(noise, m).crossMatrix(X, X), ideal)
    }
    #expect(errors["readout"]! < errors["none"]!, "\(errors)")
    #expect(errors["zne"]! < errors["none"]!, "\(errors)")
    // Measured: none 0.088, readout 0.073, zne 0.045, both 0.023 (mean absolute error per entry).
    #expect(errors["both"]! < min(errors["readout"]!, errors["zne"]!) && errors["both"]! < 0.35 * errors["none"]!, "\(errors)")
  }

  @Test func sampledReadoutMitigationMovesTowardIdealAndClipsToAProbability() throws {
    let X = Self.inputs(7, 3, seed: 5), Y = Self.inputs(5, 3, seed: 6)
    let ideal = try QuantumKernel(encoding: Self.encoding).crossMatrix(Y, X)
    let noise = try Self.noise(readout: 0.06)
    let plain = try Self.kernel(noise, shots: 4000).crossMatrix(Y, X)
    let mitigated = try Self.kernel(noise, shots: 4000, .init(readout: true)).crossMatrix(Y, X)
    #expect(Self.distance(mitigated, ideal) < Self.distance(plain, ideal))
    #expect(mitigated.values.allSatisfy { $0 >= 0 && $0 <= 1 })
  }

  @Test func zneTriplesTheExecutionsAndShotsOfEveryEntry() throws {
    let X = Self.inputs(5, 3, seed: 7), Y = Self.inputs(3, 3, seed: 8)
    let noise = try Self.noise()
    let plain = Self.kernel(noise, shots: 100), zne = Self.kernel(noise, shots: 100, .init(readout: true, zne: true))
    for k in [plain, zne] {
      _ = try k.trainMatrix(X)
      _ = try k.crossMatrix(Y, X)
    }
    // Train: 10 pairs i < j; test: 15 entries. Readout calibration is billed by the runner.
    #expect(plain.counter.circuitExecutions == 25 && plain.counter.totalShots == 2500)
    #expect(zne.counter.circuitExecutions == 75 && zne.counter.totalShots == 7500)
  }

  @Test func zneExtrapolatesProjectedKernelsTowardTheIdealOne() throws {
    let X = Self.inputs(6, 3, seed: 9)
    let ideal = try QuantumKernel(encoding: Self.encoding, kind: .projected(gamma: 1)).trainMatrix(X)
    func projected(_ m: ErrorMitigation) throws -> QuantumKernel {
      var k = QuantumKernel(encoding: Self.encoding, kind: .projected(gamma: 1), backend: .noisy(try Self.noise(), shots: nil))
      k.mitigation = m
      return k
    }
    let plain = try projected(.none), zne = try projected(.init(zne: true))
    let a = try plain.trainMatrix(X), b = try zne.trainMatrix(X)
    #expect(Self.distance(b, ideal) < Self.distance(a, ideal))
    #expect(zne.counter.circuitExecutions == 3 * plain.counter.circuitExecutions)
  }

  @Test(arguments: [nil, 200] as [Int?])
  func theTrainDiagonalIsOneAndFreeUnlessMeasured(shots: Int?) throws {
    let X = Self.inputs(6, 3, seed: 10)
    let noise = try Self.noise()
    let off = Self.kernel(noise, shots: shots)
    var on = Self.kernel(noise, shots: shots)
    on.measureDiagonal = true
    let a = try off.trainMatrix(X), b = try on.trainMatrix(X)
    #expect((0..<6).allSatisfy { a[$0, $0] == 1 })
    #expect((0..<6).allSatisfy { b[$0, $0] < 1 }, "noise pulls a measured diagonal below 1")
    #expect(on.counter.circuitExecutions - off.counter.circuitExecutions == 6)
    #expect(on.counter.totalShots - off.counter.totalShots == 6 * (shots ?? 0))
    // Off the diagonal, the exact kernels agree entry for entry.
    if shots == nil {
      for i in 0..<6 { for j in 0..<6 where i != j { #expect(abs(a[i, j] - b[i, j]) < 1e-14) } }
    }
  }
}
