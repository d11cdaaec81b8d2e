import Foundation

// Regression metrics with scikit-learn's definitions (checked against scikit-learn 1.9.1 in
// Tests/QMLKitTests/Fixtures/regression.json).

/// sqrt(mean((y − ŷ)²)), scikit-learn's `root_mean_squared_error` (`NaN` for no samples).
public func rootMeanSquaredError(targets: [Double], predictions: [Double]) -> Double {
  precondition(targets.count == predictions.count, "one prediction per target")
  guard !targets.isEmpty else { return .nan }
  var s = 0.0
  for i in targets.indices {
    let e = targets[i] - predictions[i]
    s += e * e
  }
  return (s / Double(targets.count)).squareRoot()
}

/// mean(|y − ŷ|), scikit-learn's `mean_absolute_error` (`NaN` for no samples).
public func meanAbsoluteError(targets: [Double], predictions: [Double]) -> Double {
  precondition(targets.count == predictions.count, "one prediction per target")
  guard !targets.isEmpty else { return .nan }
  var s = 0.0
  for i in targets.indices { s += abs(targets[i] - predictions[i]) }
  return s / Double(targets.count)
}

/// 1 − SS_res / SS_tot, scikit-learn's `r2_score`. With constant targets (SS_tot = 0) it is
/// 1 for a perfect prediction and 0 otherwise (scikit-learn's `force_finite=True`); `NaN`
/// for fewer than two samples (scikit-learn warns and returns NaN).
public func r2Score(targets: [Double], predictions: [Double]) -> Double {
  precondition(targets.count == predictions.count, "one prediction per target")
  guard targets.count >= 2 else { return .nan }
  let mean = targets.reduce(0, +) / Double(targets.count)
  var ssRes = 0.0, ssTot = 0.0
  for i in targets.indices {
    let e = targets[i] - predictions[i]
    let t = targets[i] - mean
    ssRes += e * e
    ssTot += t * t
  }
  if ssTot == 0 { return ssRes == 0 ? 1 : 0 }
  return 1 - ssRes / ssTot
}
