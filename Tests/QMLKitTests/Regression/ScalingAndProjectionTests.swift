import Foundation
import Testing
@testable import QMLKit

@Suite struct ScalingAndProjectionTests {
  @Test func aScaledRidgeRegressorPredictsWhatThePlainOneDoes() throws {
    // Ridge on standardized targets predicts the same (the fit is linear in y), so the target scaler is harmless.
    let x: [[Double]] = [[1, 2], [2, 0], [3, 5], [4, 1], [5, 7], [6, 2]]
    let y: [Double] = [3, 1, 9, 4, 15, 6]
    var plain = RidgeRegression(alpha: 0.5)
    try plain.fit(features: x, targets: y)
    var scaled = ScaledRegressor(RidgeRegression(alpha: 0.5), scaleFeatures: false)
    try scaled.fit(features: x, targets: y)
    for (a, b) in zip(try plain.predict(x), try scaled.predict(x)) { #expect(abs(a - b) < 1e-12) }
    #expect(ScaledRegressor.standardization([2, 2, 2]) == (2, 1))
  }

  @Test func clippingTheNegativeEigenvalueGivesTheNearestPSDMatrix() {
    // [[1, 2], [2, 1]] has eigenvalues 3 and -1 with eigenvectors (1, 1)/√2 and (1, -1)/√2:
    // the projection is 3 · (1, 1)(1, 1)ᵀ/2 = [[1.5, 1.5], [1.5, 1.5]].
    var K = Matrix(rows: 2, columns: 2)
    K[0, 0] = 1; K[0, 1] = 2; K[1, 0] = 2; K[1, 1] = 1
    let (P, smallest) = PSDProjection.project(K)
    #expect(abs(smallest + 1) < 1e-12)
    for v in P.values { #expect(abs(v - 1.5) < 1e-12) }
    // A PSD matrix is returned unchanged.
    var I = Matrix(rows: 2, columns: 2)
    I[0, 0] = 2; I[1, 1] = 1
    #expect(PSDProjection.project(I).matrix == I)
  }
}
