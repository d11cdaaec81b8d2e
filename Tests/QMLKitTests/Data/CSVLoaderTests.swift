import Foundation
import Testing
@testable import QMLKit
import TestSupport

@Suite struct CSVLoaderTests {
  static func path(_ name: String) throws -> String {
    try ml3FixturePath(name, "csv", subdirectory: "Fixtures/csv_cases")
  }

  @Test func loadsIris() throws {
    let d = try CSVLoader.load(path: try ml3FixturePath("iris", "csv"), target: "species")
    #expect(d.count == 150 && d.featureCount == 4)
    #expect(d.classNames == ["setosa", "versicolor", "virginica"])
    #expect(d.features[0] == [5.1, 3.5, 1.4, 0.2])
    #expect((0..<3).map { k in d.labels.filter { $0 == k }.count } == [50, 50, 50])
    let sub = try CSVLoader.load(path: try ml3FixturePath("iris", "csv"), target: "species",
                                 features: ["petal_width_cm", "sepal_length_cm"])
    #expect(sub.featureNames == ["petal_width_cm", "sepal_length_cm"] && sub.features[0] == [0.2, 5.1])
  }

  @Test func oneHotEncodesCategoricalColumns() throws {
    let d = try CSVLoader.load(path: try Self.path("mixed"), target: "label")
    #expect(d.featureNames == ["size", "colour=blue", "colour=green", "colour=red", "weight"])
    #expect(d.features[0] == [1.5, 0, 0, 1, 10])
    #expect(d.classNames == ["-1", "+1"])  // numeric order
    #expect(d.labels == [1, 0, 0, 1])
  }

  @Test func handlesCRLFAndQuotedHeaders() throws {
    let d = try CSVLoader.load(path: try Self.path("crlf"), target: "label")
    #expect(d.featureNames == ["a", "b, quoted"])
    #expect(d.features == [[1, 2], [3, 4]] && d.classNames == ["x", "y"])
  }

  @Test func loadsATrainTestPair() throws {
    let s = try CSVLoader.loadPair(train: try Self.path("mixed"), test: try Self.path("mixed_test"), target: "label")
    #expect(s.train.featureNames == s.test.featureNames)
    #expect(s.test.features[1] == [2.0, 0, 1, 0, 8])
    #expect(s.test.classNames == ["-1", "+1"] && s.test.labels == [0, 1])
    let e = try #require(throws: DataError.self) {
      try CSVLoader.loadPair(train: try Self.path("mixed"), test: try Self.path("mixed_test_badclass"), target: "label")
    }
    #expect(e.line == 2 && e.column == "label")
  }

  /// Each bad file fails with the expected 1-based line (header = line 1) and column.
  @Test(arguments: [
    ("missing", 3, "b"), ("missing_na", 4, "b"), ("ragged", 3, nil), ("nonfinite", 3, "b"),
    ("oneclass", nil, "label"), ("empty", 1, nil), ("header_only", 1, nil),
  ] as [(String, Int?, String?)])
  func badFilesNameLineAndColumn(name: String, line: Int?, column: String?) throws {
    let e = try #require(throws: DataError.self) { try CSVLoader.load(path: try Self.path(name), target: "label") }
    #expect(e.line == line, "\(e)")
    #expect(e.column == column, "\(e)")
    #expect(e.file.hasSuffix("\(name).csv"))
  }

  @Test func unknownTargetOrFeatureIsNamed() throws {
    let p = try Self.path("mixed")
    let e = try #require(throws: DataError.self) { try CSVLoader.load(path: p, target: "lable") }
    #expect(e.column == "lable" && e.description.contains("label"))
    #expect(throws: DataError.self) { try CSVLoader.load(path: p, target: "label", features: ["nope"]) }
    #expect(throws: DataError.self) { try CSVLoader.load(path: "/nonexistent/x.csv", target: "label") }
  }
}

/// The real data sets shipped in specs/data load with the shapes and classes their README states.
@Suite struct ShippedDataTests {
  static let root = Repository.root

  @Test(arguments: [
    ("iris", "species", 150, 4, ["setosa", "versicolor", "virginica"]),
    ("wine", "cultivar", 178, 13, ["class_0", "class_1", "class_2"]),
    ("breast_cancer", "diagnosis", 569, 30, ["benign", "malignant"]),
    ("banknote", "class", 1372, 4, ["0", "1"]),
  ])
  func shippedDataLoads(name: String, target: String, rows: Int, features: Int, classes: [String]) throws {
    let path = Self.root.appendingPathComponent("specs/data/\(name).csv").path
    let d = try CSVLoader.load(path: path, target: target)
    #expect(d.count == rows && d.featureCount == features && d.classNames == classes)
  }

  /// Banknote authentication (UCI, Lohweg 2012): the published row and class counts and column
  /// means (specs/data/README.md);
  /// data row 294 holds a number in scientific notation (`-9.2828e-06`).
  @Test func banknoteMatchesThePublishedSummary() throws {
    let path = Self.root.appendingPathComponent("specs/data/banknote.csv").path
    let d = try CSVLoader.load(path: path, target: "class")
    #expect(d.count == 1372 && d.featureCount == 4)
    #expect(d.featureNames == ["variance", "skewness", "curtosis", "entropy"])
    #expect(d.classNames == ["0", "1"])
    #expect((0..<2).map { k in d.labels.filter { $0 == k }.count } == [762, 610])
    let published = [0.433735, 1.922353, 1.397627, -1.191657]
    for (j, mean) in published.enumerated() {
      let m = d.features.reduce(0) { $0 + $1[j] } / Double(d.count)
      #expect(abs(m - mean) < 1e-6, "column \(d.featureNames[j]): mean \(m)")
    }
    #expect(d.features[293] == [1.934, -9.2828e-06, 4.816, -0.33967])  // data row 294, line 295 of the file
  }
}

/// Hostile CSV files (issue 17): numeric labels that differ only in spelling, and categorical
/// columns with so many values that one-hot encoding would be quadratic.
@Suite struct CSVLoaderHostileTests {
  func write(_ text: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("qlift-csv-\(UUID().uuidString).csv")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  @Test func numericLabelsOneAndOnePointZeroAreOneClass() throws {
    let path = try write("x,y\n0.1,1\n0.2,1.0\n0.3,+1\n0.4,0\n0.5,0.0\n0.6,-0\n")
    let d = try CSVLoader.load(path: path, target: "y")
    #expect(d.classNames == ["0", "1"])
    #expect(d.labels == [1, 1, 1, 0, 0, 0])
  }

  @Test func aTestFileSpellingATrainingClassDifferentlyIsTheSameClass() throws {
    let train = try write("x,y\n0.1,1\n0.2,2\n0.3,1\n0.4,2\n")
    let test = try write("x,y\n0.5,1.0\n0.6,2.00\n")
    let s = try CSVLoader.loadPair(train: train, test: test, target: "y")
    #expect(s.train.classNames == ["1", "2"] && s.test.labels == [0, 1])
  }

  @Test func stringLabelsKeepTheirSpelling() throws {
    let d = try CSVLoader.load(path: try write("x,y\n0.1,a\n0.2,1\n0.3,1.0\n"), target: "y")
    #expect(d.classNames == ["1", "1.0", "a"])
  }

  @Test func highCardinalityCategoricalColumnsAreRefusedNamingTheColumn() throws {
    let rows = (0..<100_000).map { "0.\($0 % 10),id-\($0),\($0 % 2)" }.joined(separator: "\n")
    let path = try write("x,user,y\n" + rows + "\n")
    let e = try #require(throws: DataError.self) { try CSVLoader.load(path: path, target: "y") }
    #expect(e.column == "user" && e.line == 2 + CSVLoader.maxCategories, "\(e)")
    #expect(e.description.contains("more than \(CSVLoader.maxCategories) distinct values"))
  }

  @Test func categoricalColumnsAtTheLimitAreOneHotEncoded() throws {
    let rows = (0..<CSVLoader.maxCategories).map { "c\($0),\($0 % 2)" }.joined(separator: "\n")
    let d = try CSVLoader.load(path: try write("kind,y\n" + rows + "\n"), target: "y")
    #expect(d.featureNames.count == CSVLoader.maxCategories)
  }
}
