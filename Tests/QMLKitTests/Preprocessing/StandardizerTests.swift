import Testing
@testable import QMLKit

/// Standardizer and MinMaxScaler on iris against scikit-learn (Fixtures/iris_preprocessing.json).
@Suite struct StandardizerTests {
  static func iris() throws -> Dataset {
    try CSVLoader.load(path: try ml3FixturePath("iris", "csv"), target: "species")
  }

  @Test func matchesStandardScalerOnIris() throws {
    let ref = try ml3Fixture("iris_preprocessing")
    let x = try Self.iris().features
    var s = Standardizer()
    try s.fit(x)
    for (a, b) in zip(s.means, ref.ml3Doubles("standard_mean")) { #expect(ml3Close(a, b, 1e-13)) }
    for (a, b) in zip(s.scales, ref.ml3Doubles("standard_scale")) { #expect(ml3Close(a, b, 1e-13)) }
    let rows = s.transform(Array(x.prefix(5)))
    for (r, e) in zip(rows, ref.ml3Matrix("standard_first_rows")) {
      for (a, b) in zip(r, e) { #expect(ml3Close(a, b, 1e-12)) }
    }
  }

  @Test func constantColumnBecomesZero() throws {
    var s = Standardizer()
    let out = try s.fitTransform([[1, 5], [2, 5], [3, 5]])
    #expect(out.map { $0[1] } == [0, 0, 0])
    #expect(s.scales[1] == 1)
  }

  @Test func rejectsBadTrainingRows() {
    var s = Standardizer()
    #expect(throws: DataError.self) { try s.fit([]) }
    #expect(throws: DataError.self) { try s.fit([[1, 2], [1]]) }
    #expect(throws: DataError.self) { try s.fit([[1, .nan]]) }
  }

  @Test func minMaxToPiFittedOnTrainOnly() throws {
    let ref = try ml3Fixture("iris_preprocessing")
    let x = try Self.iris().features
    var m = MinMaxScaler(range: 0...Double.pi)
    try m.fit(Array(x.prefix(100)))
    let out = m.transform(Array(x.suffix(3)))
    for (r, e) in zip(out, ref.ml3Matrix("minmax_last_rows")) {
      for (a, b) in zip(r, e) { #expect(ml3Close(a, b, 1e-12)) }
    }
    // Not clipped: virginica petals exceed the first 100 rows' range.
    #expect(out.contains { $0.contains { $0 > Double.pi } })
    #expect(m.describe == "scale 0..pi")
  }
}
