import ClaimSpec
import Foundation
import Testing

/// `error_1q_kind` / `error_2q_kind`: what a gate-error figure is, sourced, located when wrong.
@Suite struct GateErrorKindTests {
  static func load(_ line: String) throws(SpecErrors) -> DeviceProfile {
    try DeviceProfileLoader.load(yaml: DeviceProfileTests.minimalProfile(extra: line), file: "x.yaml")
  }

  @Test func gateErrorsAreTotalsUnlessTheProfileSaysOtherwise() throws {
    let p = try Self.load("")
    #expect(p.error1qKind == .total && p.error2qKind == .total)
    let q = try Self.load("error_2q_kind: depolarizing  # vendor noise model, 2026")
    #expect(q.error1qKind == .total && q.error2qKind == .depolarizing)
    #expect(q.sources["error_2q_kind"] == "vendor noise model, 2026")
  }

  @Test func theShippedGarnetFiguresAreDepolarizingParameters() throws {
    let catalog = DeviceProfileCatalog(folder: shippedDevicesFolder())
    let garnet = try #require(catalog["iqm-garnet"])
    #expect(garnet.error1qKind == .depolarizing && garnet.error2qKind == .depolarizing)
    let heron = try #require(catalog["ibm-heron-r2"])
    #expect(heron.error1qKind == .total && heron.error2qKind == .total)
  }

  @Test(arguments: [
    ("error_2q_kind: depolarising  # docs 2026", "gate error kind"),
    ("error_1q_kind: total", "figure has no source"),
  ])
  func badKindsAreLocatedErrors(line: String, message: String) {
    do {
      _ = try Self.load(line)
      Issue.record("loaded \(line)")
    } catch {
      #expect(error.errors.count == 1)
      #expect(error.errors.first?.line == 9, "\(error.errors)")
      #expect(error.errors.first?.field.hasPrefix("error_") == true)
      #expect(error.errors.first?.message.contains(message) == true, "\(error.errors)")
    }
  }
}
