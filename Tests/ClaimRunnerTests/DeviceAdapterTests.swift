import ClaimSpec
import Foundation
import QuantumSim
import Testing

@testable import ClaimRunner

/// How a profile's figures become the device backend's noise model.
@Suite struct DeviceAdapterTests {
  static func shipped(_ id: String) throws -> DeviceProfile {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("specs/devices")
    return try #require(DeviceProfileCatalog(folder: folder)[id])
  }

  /// P(00) after H⊗H, k cz gates (an identity for even k) and H⊗H, under `noise`.
  static func survival(_ noise: NoiseModel, cz k: Int) throws -> Double {
    var c = Circuit(qubits: 2)
    c.append(.h, 0); c.append(.h, 1)
    for _ in 0..<k { c.append(.cz, 0, 1) }
    c.append(.h, 0); c.append(.h, 1)
    return try DensityMatrix(c, noise: noise).probabilities[0]
  }

  @Test func garnetFiguresAreDepolarizingParametersWithRelaxationOnTop() throws {
    let garnet = try Self.shipped("iqm-garnet")
    let p = DeviceAdapter(garnet).noiseParameters
    #expect(p.depolarizing == 1.0e-3 && p.depolarizing2 == 5.8e-3)
    #expect(p.gateError1q == nil && p.gateError2q == nil && p.idleRelaxation)
    // Read as totals (the old reading), the thermal part is subtracted from the figure, so each cz
    // is kinder: the depolarizing reading loses about 30 % more per cz.
    var totals = garnet
    totals.error1qKind = .total
    totals.error2qKind = .total
    let asDepolarizing = 1 - (try Self.survival(try NoiseModel(parameters: p), cz: 20))
    let asTotal = 1 - (try Self.survival(try NoiseModel(parameters: DeviceAdapter(totals).noiseParameters), cz: 20))
    #expect(asDepolarizing / asTotal > 1.2, "depolarizing \(asDepolarizing), total \(asTotal)")
  }

  @Test func heronFiguresStayTotalGateErrors() throws {
    let p = DeviceAdapter(try Self.shipped("ibm-heron-r2")).noiseParameters
    #expect(p.gateError1q == 2.3e-4 && p.gateError2q == 3.9e-3 && p.depolarizing == nil && p.idleRelaxation)
  }
}
