/// Regression data from CSV: the target column read as real numbers (`task: regression`).
extension CSVLoader {
  /// Loads `path` with a numeric `target` as a regression data set (`Dataset.regression`).
  /// - Throws: `DataError` (as `load`, and when a target value is not a number).
  public static func loadRegression(path: String, target: String, features: [String]? = nil) throws -> Dataset {
    try regressionData(load(path: path, target: target, features: features), file: path, target: target)
  }

  /// Loads a fixed train/test pair with a numeric `target` as regression data sets.
  /// - Throws: `DataError`.
  public static func loadRegressionPair(train: String, test: String, target: String, features: [String]? = nil) throws -> DataSplit {
    let a = try _readTable(path: train)
    let b = try _readTable(path: test)
    guard a.header == b.header else {
      throw DataError(file: test, line: 1, message: "header differs from the training file '\(train)'")
    }
    let plan = try _plan(tables: [a, b], target: target, features: features)
    return DataSplit(
      train: try regressionData(_encode(a, plan: plan), file: train, target: target),
      test: try regressionData(_encode(b, plan: plan), file: test, target: target))
  }

  /// The classification encoding's numeric class names turned back into real targets.
  static func regressionData(_ d: Dataset, file: String, target: String) throws -> Dataset {
    var values: [Double] = []
    for name in d.classNames {
      guard let v = Double(name), v.isFinite else {
        throw DataError(file: file, column: target, message: "a regression target must be a number, found '\(name)'")
      }
      values.append(v)
    }
    return Dataset.regression(features: d.features, targets: d.labels.map { values[$0] }, featureNames: d.featureNames)
  }
}
