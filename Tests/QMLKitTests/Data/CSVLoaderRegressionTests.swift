import Foundation
import Testing
import TestSupport
@testable import QMLKit

/// Regression data from CSV (issue 19): real targets, one class, numeric targets only.
@Suite struct CSVLoaderRegressionTests {
  func write(_ text: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("qlift-csv-\(UUID().uuidString).csv")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  /// The shipped diabetes.csv against scikit-learn 1.9.1's `load_diabetes(scaled=False)`: shape,
  /// target mean, range and the last row (numbers printed by scikit-learn, see specs/data/README.md).
  @Test func theShippedDiabetesDataIsScikitLearnsUnscaledDiabetes() throws {
    let d = try CSVLoader.loadRegression(path: Repository.root.appendingPathComponent("specs/data/diabetes.csv").path, target: "progression")
    #expect(d.count == 442 && d.featureCount == 10)
    #expect(d.featureNames == ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"])
    let y = try #require(d.targets)
    #expect(abs(y.reduce(0, +) / 442 - 152.13348416289594) < 1e-10)
    #expect(y.min() == 25 && y.max() == 346)
    #expect(abs(d.features.reduce(0) { $0 + $1[2] } / 442 - 26.37579185520362) < 1e-10)
    #expect(d.features[441] == [36, 1, 19.6, 71, 250, 133.2, 97, 3, 4.5951, 92] && y[441] == 57)
    #expect(Set(d.labels) == [0] && d.classNames == ["target"])
  }

  /// The shipped fourier_degree2.csv against its closed form (specs/data/gen_fourier.py):
  /// g(x) = 0.1 + 0.3 (cos x − sin x) + 0.3 (cos 2x − sin 2x) plus noise of sd 0.05, so the
  /// residuals have mean within 3 standard errors of 0 and sd near 0.05, none beyond 4 sd.
  @Test func theShippedFourierDataIsItsDegree2SeriesPlusNoise() throws {
    let d = try CSVLoader.loadRegression(path: Repository.root.appendingPathComponent("specs/data/fourier_degree2.csv").path, target: "y")
    #expect(d.count == 80 && d.featureCount == 1 && d.featureNames == ["x"])
    let y = try #require(d.targets)
    let xs = d.features.map { $0[0] }
    #expect(xs.allSatisfy { $0 >= -Double.pi && $0 <= Double.pi })
    let g = { (x: Double) in 0.1 + 0.3 * (cos(x) - sin(x)) + 0.3 * (cos(2 * x) - sin(2 * x)) }
    let r = zip(xs, y).map { $1 - g($0) }
    let mean = r.reduce(0, +) / 80
    let sd = (r.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 80).squareRoot()
    #expect(abs(mean) < 3 * 0.05 / 80.0.squareRoot())
    #expect(sd > 0.035 && sd < 0.07)
    #expect(r.allSatisfy { abs($0) < 0.2 })
    #expect(xs[79] == -0.903109 && y[79] == 0.697377)
  }

  @Test func targetsSurviveSubsetsSplitsAndPreprocessing() throws {
    let d = try CSVLoader.loadRegression(path: try write("a,b,y\n1,2,0.5\n2,1,1.5\n3,0,-2\n4,4,7.25\n5,3,1\n"), target: "y")
    #expect(d.targets == [0.5, 1.5, -2, 7.25, 1])
    #expect(d.subset([3, 0]).targets == [7.25, 0.5])
    let split = stratifiedSplit(d, testFraction: 0.4, seed: 3)
    #expect(split.train.count == 3 && split.test.count == 2)
    #expect(Set(split.train.targets! + split.test.targets!) == Set(d.targets!))
    var p = Pipeline([Standardizer()])
    let out = try p.apply(to: split)
    #expect(out.train.targets == split.train.targets && out.test.targets == split.test.targets)
  }

  @Test func aTargetThatIsNotANumberIsADataErrorNamingTheColumn() throws {
    let e = try #require(throws: DataError.self) { try CSVLoader.loadRegression(path: try write("x,y\n1,a\n2,b\n"), target: "y") }
    #expect(e.column == "y" && e.description.contains("must be a number"))
  }
}
