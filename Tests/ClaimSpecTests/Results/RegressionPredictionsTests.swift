import ClaimSpec
import Foundation
import Testing

/// The results fields of regression claims (issue 19): `task` and `predictions`, written only
/// for regression claims so classification results keep their exact bytes.
@Suite struct RegressionPredictionsTests {
  @Test func regressionFieldsRoundTripInSnakeCaseAndClassificationResultsLackThem() throws {
    var r = ClaimResultPassedTests.sample()
    let plain = String(decoding: try ResultsCoding.encoder().encode(r), as: UTF8.self)
    #expect(!plain.contains("\"task\"") && !plain.contains("\"predictions\""))
    r.task = "regression"
    r.metric = "rmse"
    r.predictions = RegressionPredictions(seed: 1, yTrue: [1.5, 2], series: [
      PredictionSeries(model: "q", backend: "ideal", role: "quantum", yPred: [1.4, 2.2]),
      PredictionSeries(model: "ridge", backend: nil, role: "baseline", yPred: [1.6, 1.9]),
    ])
    let data = try ResultsCoding.encoder().encode(r)
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(json["task"] as? String == "regression")
    let p = try #require(json["predictions"] as? [String: Any])
    #expect(p["y_true"] as? [Double] == [1.5, 2] && p["seed"] as? Int == 1)
    let series = try #require(p["series"] as? [[String: Any]])
    #expect(series.map { $0["y_pred"] as? [Double] ?? [] } == [[1.4, 2.2], [1.6, 1.9]])
    #expect(series[1]["backend"] == nil && series[1]["role"] as? String == "baseline")
    #expect(try ResultsCoding.decoder().decode(ClaimResult.self, from: data) == r)
  }
}
