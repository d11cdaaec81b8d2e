import QuantumSim

/// The seeded synthetic data sets a spec can name under `dataset.generator`, each built
/// from its published definition (see each generator's file for the definition and the
/// parameters). Labels are 0/1 with class names `"-1"`, `"+1"` (the papers' ±1 labels),
/// rows come out in a seeded random order, and classes are balanced (⌊n/2⌋ of class 0,
/// the rest class 1) unless a definition forbids it.
public enum DatasetGenerator {
  /// Generator names accepted by `make`.
  public static let names: [String] = [
    "adhoc", "moons", "circles", "xor", "linearly_separable", "hidden_manifold",
    "two_curves", "bars_and_stripes", "hyperplane_parity", "circle",
  ]

  /// Accepted parameter names of `name` with their defaults (nil for an unknown name).
  /// Keep in step with ClaimSpec's `SpecVocabulary.generators` (same keys and defaults).
  public static func parameters(of name: String) -> [String: Double]? {
    switch name {
    case "adhoc": return ["features": 2, "gap": 0.3]
    case "moons": return ["noise": 0.1]
    case "circles": return ["noise": 0.05, "factor": 0.5]
    case "xor": return ["features": 2, "noise": 0.1]
    case "linearly_separable": return ["features": 2, "margin": 0.04]
    case "hidden_manifold": return ["features": 10, "manifold_dimension": 6]
    case "two_curves": return ["features": 10, "degree": 5, "offset": 0.1, "noise": 0.01]
    case "bars_and_stripes": return ["size": 4, "noise": 0.5]
    case "hyperplane_parity": return ["features": 10, "hyperplanes": 2, "dimension": 3]
    case "circle": return ["radius": CircleGenerator.defaultRadius]
    default: return nil
    }
  }

  /// Generates `samples` rows of generator `name` with `parameters` (missing keys take
  /// their defaults) from `seed`.
  /// - Throws: `DataError` for an unknown generator or parameter, an out-of-range value,
  ///   fewer than 2 samples, or a definition that cannot produce both classes.
  public static func make(_ name: String, samples: Int, parameters: [String: Double], seed: UInt64) throws -> Dataset {
    guard let defaults = Self.parameters(of: name) else {
      throw DataError(file: "generator", column: name, message: "unknown generator; known: \(names.joined(separator: ", "))")
    }
    let p = try _GeneratorParameters(generator: name, given: parameters, defaults: defaults)
    guard samples >= 2 else { throw p.error(nil, "needs at least 2 samples, got \(samples)") }
    guard samples <= 10_000_000 else { throw p.error(nil, "at most 10,000,000 samples, got \(samples)") }
    var rng = SeededGenerator(seed: seed)
    let raw: (x: [[Double]], y: [Int], names: [String]?)
    switch name {
    case "adhoc": raw = try AdHocGenerator.make(samples: samples, p, &rng)
    case "moons": raw = try MoonsGenerator.make(samples: samples, p, &rng)
    case "circles": raw = try CirclesGenerator.make(samples: samples, p, &rng)
    case "xor": raw = try XORGenerator.make(samples: samples, p, &rng)
    case "linearly_separable": raw = try LinearlySeparableGenerator.make(samples: samples, p, &rng)
    case "hidden_manifold": raw = try HiddenManifoldGenerator.make(samples: samples, p, &rng)
    case "two_curves": raw = try TwoCurvesGenerator.make(samples: samples, p, &rng)
    case "bars_and_stripes": raw = try BarsAndStripesGenerator.make(samples: samples, p, &rng)
    case "circle": raw = try CircleGenerator.make(samples: samples, p, &rng)
    default: raw = try HyperplaneParityGenerator.make(samples: samples, p, &rng)
    }
    var order = Array(raw.x.indices)
    order.shuffle(using: &rng)
    return Dataset(features: order.map { raw.x[$0] }, labels: order.map { raw.y[$0] },
                   featureNames: raw.names, classNames: ["-1", "+1"])
  }
}

/// Validated generator parameters.
struct _GeneratorParameters {
  let generator: String
  let values: [String: Double]

  init(generator: String, given: [String: Double], defaults: [String: Double]) throws(DataError) {
    self.generator = generator
    for (k, v) in given {
      guard defaults[k] != nil else {
        throw DataError(file: "generator \(generator)", column: k,
                        message: "unknown parameter; accepted: \(defaults.keys.sorted().joined(separator: ", "))")
      }
      guard v.isFinite else { throw DataError(file: "generator \(generator)", column: k, message: "not a finite number ('\(v)')") }
    }
    values = defaults.merging(given) { $1 }
  }

  func error(_ key: String?, _ message: String) -> DataError {
    DataError(file: "generator \(generator)", column: key, message: message)
  }

  /// A real parameter within `range`.
  func real(_ key: String, in range: ClosedRange<Double>) throws(DataError) -> Double {
    let v = values[key]!
    guard range.contains(v) else { throw error(key, "\(v) is outside \(range.lowerBound)...\(range.upperBound)") }
    return v
  }

  /// An integer parameter within `range`.
  func integer(_ key: String, in range: ClosedRange<Int>) throws(DataError) -> Int {
    let v = values[key]!
    guard v == v.rounded(), v >= Double(range.lowerBound), v <= Double(range.upperBound) else {
      throw error(key, "expected an integer in \(range.lowerBound)...\(range.upperBound), got \(v)")
    }
    return Int(v)
  }
}

/// Draws rows from `draw` (returning a row and a label 0/1, or nil to reject) until class 0
/// has `samples / 2` rows and class 1 the rest; throws if `maxTries` draws are not enough.
func _balancedRejection(
  samples: Int, maxTries: Int, _ p: _GeneratorParameters,
  _ draw: () -> (x: [Double], y: Int)?
) throws(DataError) -> (x: [[Double]], y: [Int]) {
  let want = [samples / 2, samples - samples / 2]
  var have = [0, 0]
  var x: [[Double]] = []
  var y: [Int] = []
  x.reserveCapacity(samples)
  var tries = 0
  while have[0] < want[0] || have[1] < want[1] {
    tries += 1
    guard tries <= maxTries else {
      throw p.error(nil, "could not draw \(want[0]) + \(want[1]) samples of the two classes in \(maxTries) tries (class counts \(have[0]), \(have[1])); the parameters make a class too rare")
    }
    guard let s = draw(), have[s.y] < want[s.y] else { continue }
    have[s.y] += 1
    x.append(s.x)
    y.append(s.y)
  }
  return (x, y)
}

/// Scales columns to zero mean and unit variance in place (population sd; constant → 0).
func _standardizeColumns(_ x: inout [[Double]]) {
  var s = Standardizer()
  if (try? s.fit(x)) != nil { x = s.transform(x) }
}
