import QuantumSim

/// The dequantized baseline `rff_quantum` (Landman et al. 2022, arXiv:2210.13200): D random Fourier
/// features whose frequencies are drawn from the quantum model's own spectrum (`EncodingSpectrum`,
/// weighted by multiplicity), fitted by L2-regularised logistic regression on [cos, sin] features.
///
/// The features are computed from the same data functions φ(x) the encoding rotates by, so the
/// classifier spans the same trigonometric polynomials as the quantum model, with D terms.
public struct QuantumRFFClassifier: Classifier {
  /// The quantum model copied.
  public var source: SpectrumSource
  /// Number of sampled frequencies D (2D real features).
  public var featureCount: Int
  /// Inverse L2 strength of the logistic regression.
  public var C: Double
  /// Seed of the frequency draw.
  public var seed: UInt64
  private var map: RandomFourierFeatures?
  private var spectrum: EncodingSpectrum?
  private var model: LogisticRegression
  private var width = 0

  /// Gradient tolerance of the logistic regressions behind `rff_quantum` and `nystroem_rbf`: looser
  /// than the plain `logistic_regression` baseline's 1e-9 (which matches scikit-learn's coefficients),
  /// since hundreds of nearly collinear random features make L-BFGS crawl to 1e-9 without moving
  /// a prediction; scikit-learn's own default is 1e-4.
  static let tolerance = 1e-6

  /// An unfitted classifier with D = `featureCount` frequencies.
  public init(source: SpectrumSource, featureCount: Int = 100, C: Double = 1, seed: UInt64 = 0) {
    self.source = source
    self.featureCount = featureCount
    self.C = C
    self.seed = seed
    self.model = LogisticRegression(C: C)
  }

  /// Builds the spectrum for the rows' width, draws the frequencies and fits the linear model.
  /// - Throws: `ModelError.invalidHyperparameter` (D < 1, an encoding without a spectrum),
  ///   or the logistic regression's errors.
  public mutating func fit(features: [[Double]], labels: [Int], classCount: Int) throws {
    guard featureCount >= 1 else { throw ModelError.invalidHyperparameter("rff_quantum: features must be at least 1, got \(featureCount)") }
    try _validateTraining(features: features, labels: labels, classCount: classCount, model: "rff_quantum")
    let d = features[0].count
    let s = try EncodingSpectrum(encoding: source.encoding, features: d, uploads: source.uploads)
    var rng = SeededGenerator(seed: seed ^ 0x5EC7_F00D)
    let m = RandomFourierFeatures(frequencies: try s.sample(featureCount, using: &rng))
    var lr = LogisticRegression(C: C, maxIterations: 1000, tolerance: Self.tolerance)
    try lr.fit(features: features.map { m.transform(s.phi($0)) }, labels: labels, classCount: classCount)
    (spectrum, map, model, width) = (s, m, lr, d)
  }

  /// Class probabilities of the logistic regression on the random features.
  public func scores(_ features: [[Double]]) throws -> [[Double]] {
    guard let s = spectrum, let m = map else { throw ModelError.notFitted }
    try _validateRows(features, width: width, model: "rff_quantum")
    return try model.scores(features.map { m.transform(s.phi($0)) })
  }
}
