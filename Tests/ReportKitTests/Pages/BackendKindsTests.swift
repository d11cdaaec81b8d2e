import ClaimSpec
import Testing
@testable import ReportKit

@Suite struct BackendKindsTests {
  static func record(_ backend: String, usd: Double, queue: Double) -> CostRecord {
    CostRecord(model: "m", backend: backend, qubits: 2, depth: 4, twoQubitGates: 1, routedDepth: 4,
               routedTwoQubitGates: 1, encodingDepth: 2, encodingTwoQubitGates: 1, executions: 10, shots: 100,
               cloudUsd: usd, queueSeconds: queue, seconds: 1)
  }

  @Test func devicesComeFromTheBackendFact() {
    var r = SampleResults.supported
    r.facts.backend = "ideal: statevector; garnet: device iqm-garnet; lab: hardware ibm-heron-r2; noisy: statevector + noise"
    #expect(BackendKinds.devices(r) == ["garnet", "lab"])
  }

  @Test func unpricedDevicesAndUnknownQueuesAreNeverZero() {
    let devices: Set<String> = ["garnet"]
    #expect(BackendKinds.price(Self.record("garnet", usd: 0, queue: 0), devices: devices) == "not priced")
    #expect(BackendKinds.queue(Self.record("garnet", usd: 0, queue: 0), devices: devices) == "unknown")
    #expect(BackendKinds.price(Self.record("garnet", usd: 1234.5, queue: 60), devices: devices) == "$1,234.50")
    #expect(BackendKinds.queue(Self.record("garnet", usd: 1234.5, queue: 60), devices: devices) == "60.0 s")
    #expect(BackendKinds.price(Self.record("ideal", usd: 0, queue: 0), devices: devices) == "none (simulator)")
  }

  @Test func totalPrice() {
    var r = SampleResults.supported
    r.facts.backend = "ideal: statevector; garnet: device iqm-garnet"
    r.costs = [Self.record("ideal", usd: 0, queue: 0), Self.record("garnet", usd: 0, queue: 0)]
    #expect(BackendKinds.totalPrice(r) == "not priced")
    r.costs[1].cloudUsd = 114_166.5
    #expect(BackendKinds.totalPrice(r) == "$114,166.50")
    r.facts.backend = "ideal: statevector"
    #expect(BackendKinds.totalPrice(r) == nil)
  }
}
