import Foundation

/// Where a claim's data comes from, how it is split and how it is preprocessed.
public struct DatasetSpec: Sendable, Equatable {
  /// Exactly one data source.
  public var source: DataSource
  /// Fraction held out for testing, 0 < f < 1 (default 0.3); unused for a fixed train/test pair.
  public var testFraction: Double
  /// Preprocessing steps in order, fitted on the training split only.
  public var preprocess: [PreprocessStep]

  /// Creates a dataset spec.
  public init(source: DataSource, testFraction: Double = 0.3, preprocess: [PreprocessStep] = []) {
    self.source = source; self.testFraction = testFraction; self.preprocess = preprocess
  }

  /// Feature count known from the spec alone, after `select`/`pca` steps (nil for CSV without `features`).
  public var declaredFeatureCount: Int? {
    var count: Int?
    switch source {
    case .generator(let g): count = SpecVocabulary.featureCount(generator: g.name, params: g.params)
    case .csv(_, _, let features), .trainTest(_, _, _, let features): count = features?.count
    }
    for step in preprocess {
      switch step {
      case .select(let names): count = names.count
      case .pca(let k): count = count.map { min($0, k) } ?? k
      default: break
      }
    }
    return count
  }
}

/// One data source: a named generator, a CSV file with a target column, or a fixed train/test pair.
public enum DataSource: Sendable, Equatable {
  /// A synthetic dataset from `SpecVocabulary.generators` (key `generator`).
  case generator(GeneratorSource)
  /// One CSV file split by `test_fraction` (keys `csv`, `target`, optional `features`).
  case csv(file: DataFile, target: String, features: [String]?)
  /// A fixed pair of CSV files (keys `train`, `test`, `target`, optional `features`).
  case trainTest(train: DataFile, test: DataFile, target: String, features: [String]?)

  /// The data files this source reads (none for a generator).
  public var files: [DataFile] {
    switch self {
    case .generator: return []
    case .csv(let f, _, _): return [f]
    case .trainTest(let a, let b, _, _): return [a, b]
    }
  }
}

/// A synthetic dataset: generator name, its numeric parameters (defaults filled in), and sample count.
public struct GeneratorSource: Sendable, Equatable {
  /// Generator name, one of `SpecVocabulary.generators`.
  public var name: String
  /// Every parameter of the generator; missing ones carry the vocabulary default.
  public var params: [String: Double]
  /// Total samples before the split, 1 < samples <= 1e6.
  public var samples: Int

  /// Creates a generator source.
  public init(name: String, params: [String: Double], samples: Int) {
    self.name = name; self.params = params; self.samples = samples
  }
}

/// A data file named in a spec: the path as written and where it resolves.
public struct DataFile: Sendable, Equatable {
  /// The path as written in the spec (relative to the spec file).
  public var path: String
  /// The resolved absolute URL (inside the project folder).
  public var url: URL

  /// Creates a data file reference.
  public init(path: String, url: URL) { self.path = path; self.url = url }
}

/// A preprocessing step, fitted on the training split only.
public enum PreprocessStep: Sendable, Equatable {
  /// Zero mean, unit variance per feature (`standardize`).
  case standardize
  /// Min-max scale each feature to `[lo, hi]` (`{scale: [0, pi]}`).
  case scale(low: Double, high: Double)
  /// Project onto the first k principal components (`{pca: k}`).
  case pca(Int)
  /// Keep only these named columns, in this order (`{select: [a, b]}`).
  case select([String])
}
