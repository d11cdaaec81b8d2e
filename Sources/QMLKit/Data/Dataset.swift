/// A labelled tabular data set: one row of numeric features per sample and an
/// integer class label in `0..<classNames.count` per sample; a regression data set also holds
/// a real target per sample (`targets`), its labels all 0 (one class, so stratified splits and
/// folds are plain shuffled ones).
public struct Dataset: Sendable, Equatable, Codable {
  /// Feature rows, `features[i][j]` = feature j of sample i.
  public var features: [[Double]]
  /// Class index of each sample.
  public var labels: [Int]
  /// Name of each feature column.
  public var featureNames: [String]
  /// Name of each class, indexed by label.
  public var classNames: [String]
  /// Real-valued target of each sample (regression data), nil for classification data.
  public var targets: [Double]?

  /// Creates a data set; names default to x0, x1, ... and the class indices.
  public init(
    features: [[Double]], labels: [Int], featureNames: [String]? = nil, classNames: [String]? = nil,
    targets: [Double]? = nil
  ) {
    precondition(features.count == labels.count, "one label per sample")
    precondition(targets == nil || targets!.count == labels.count, "one target per sample")
    self.targets = targets
    self.features = features
    self.labels = labels
    let d = features.first?.count ?? featureNames?.count ?? 0
    self.featureNames = featureNames ?? (0..<d).map { "x\($0)" }
    let k = (labels.max() ?? -1) + 1
    self.classNames = classNames ?? (0..<k).map { String($0) }
  }

  /// Number of samples.
  public var count: Int { labels.count }
  /// Number of features.
  public var featureCount: Int { featureNames.count }
  /// Number of classes.
  public var classCount: Int { classNames.count }

  /// The samples at `indices`, in that order.
  public func subset(_ indices: [Int]) -> Dataset {
    Dataset(features: indices.map { features[$0] }, labels: indices.map { labels[$0] },
            featureNames: featureNames, classNames: classNames, targets: targets.map { t in indices.map { t[$0] } })
  }

  /// A regression data set: real targets, every label 0 (one class named `target`).
  public static func regression(features: [[Double]], targets: [Double], featureNames: [String]? = nil) -> Dataset {
    Dataset(features: features, labels: [Int](repeating: 0, count: targets.count), featureNames: featureNames,
            classNames: ["target"], targets: targets)
  }
}

/// A train/test pair of data sets with the same columns and classes.
public struct DataSplit: Sendable, Equatable {
  /// The training part (preprocessing and model selection see only this).
  public var train: Dataset
  /// The held-out test part.
  public var test: Dataset
  /// Creates a split.
  public init(train: Dataset, test: Dataset) { self.train = train; self.test = test }
}
