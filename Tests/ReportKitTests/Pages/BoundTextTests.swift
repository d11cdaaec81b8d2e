import ClaimSpec
import Testing
@testable import ReportKit

@Suite struct BoundTextTests {
  @Test func comparisonsNameTheBoundInItsUnit() {
    #expect(BoundText.comparison(BoundCheck(name: "max_cloud_usd", limit: 1000, actual: 114_166.5, held: false))
      == "cloud cost $114,166.50 > $1,000.00")
    #expect(BoundText.comparison(BoundCheck(name: "max_two_qubit_gates", limit: 60, actual: 90, held: false))
      == "90 two-qubit gates > 60")
    #expect(BoundText.comparison(BoundCheck(name: "max_shots", limit: 1e8, actual: 67_092_480, held: true))
      == "67,092,480 shots \u{2264} 100,000,000")
  }

  @Test func measuredIsTheWorstOrNamedTotal() {
    #expect(BoundText.aggregate("max_depth") == .worst)
    #expect(BoundText.aggregate("max_qubits") == .worst)
    #expect(BoundText.aggregate("max_cloud_usd") == .total)
    #expect(BoundText.aggregate("max_shots") == .total)
    #expect(BoundText.aggregate("max_executions") == .total)
    #expect(BoundText.aggregateText("max_shots").hasPrefix("total"))
    #expect(BoundText.value("max_depth", 41) == "41")
    #expect(BoundText.value("max_runtime_seconds", 180) == "3 min 00 s")
  }
}
