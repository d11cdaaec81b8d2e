import Foundation
import Testing
@testable import QMLKit

@Suite struct DatasetGeneratorTests {
  @Test(arguments: DatasetGenerator.names)
  func everyGeneratorIsSeededAndBalanced(name: String) throws {
    let defaults = try #require(DatasetGenerator.parameters(of: name))
    let a = try DatasetGenerator.make(name, samples: 60, parameters: [:], seed: 11)
    let b = try DatasetGenerator.make(name, samples: 60, parameters: defaults, seed: 11)
    let c = try DatasetGenerator.make(name, samples: 60, parameters: [:], seed: 12)
    #expect(a == b)
    #expect(a != c)
    #expect(a.count == 60 && a.classNames == ["-1", "+1"])
    #expect(a.labels.filter { $0 == 0 }.count == 30)
    #expect(a.features.allSatisfy { $0.count == a.featureCount && $0.allSatisfy(\.isFinite) })
  }

  /// The parameter keys and defaults ClaimSpec's `SpecVocabulary.generators` publishes for
  /// specs (ClaimSpec cannot import QMLKit, so the two tables are compared here by value).
  @Test func parametersMatchTheSpecVocabulary() {
    let spec: [String: [String: Double]] = [
      "adhoc": ["features": 2, "gap": 0.3], "moons": ["noise": 0.1],
      "circles": ["noise": 0.05, "factor": 0.5], "xor": ["features": 2, "noise": 0.1],
      "linearly_separable": ["features": 2, "margin": 0.04],
      "hidden_manifold": ["features": 10, "manifold_dimension": 6],
      "two_curves": ["features": 10, "degree": 5, "offset": 0.1, "noise": 0.01],
      "bars_and_stripes": ["size": 4, "noise": 0.5],
      "hyperplane_parity": ["features": 10, "hyperplanes": 2, "dimension": 3],
      "circle": ["radius": (2 / Double.pi).squareRoot()],
    ]
    #expect(Set(DatasetGenerator.names) == Set(spec.keys))
    for (name, params) in spec { #expect(DatasetGenerator.parameters(of: name) == params, "\(name)") }
    #expect(DatasetGenerator.parameters(of: "nope") == nil)
  }

  @Test func theCircleLabelsThePointsInsideItsRadius() throws {
    let d = try DatasetGenerator.make("circle", samples: 200, parameters: ["radius": 0.5], seed: 4)
    #expect(d.labels.filter { $0 == 1 }.count == 100)
    for (x, y) in zip(d.features, d.labels) {
      #expect(x.allSatisfy { abs($0) <= 1 })
      #expect((x[0] * x[0] + x[1] * x[1] < 0.25) == (y == 1))
    }
  }

  @Test func rejectsUnknownNamesAndBadParameters() {
    #expect(throws: DataError.self) { try DatasetGenerator.make("moon", samples: 10, parameters: [:], seed: 1) }
    let e = try? #require(throws: DataError.self) {
      try DatasetGenerator.make("circles", samples: 10, parameters: ["facter": 0.5], seed: 1)
    }
    #expect(e?.column == "facter" && e?.message.contains("factor") == true)
    #expect(throws: DataError.self) { try DatasetGenerator.make("circles", samples: 10, parameters: ["factor": 1.5], seed: 1) }
    #expect(throws: DataError.self) { try DatasetGenerator.make("xor", samples: 10, parameters: ["features": 2.5], seed: 1) }
    #expect(throws: DataError.self) { try DatasetGenerator.make("xor", samples: 1, parameters: [:], seed: 1) }
  }

  /// scikit-learn's make_moons without noise: class 0 on the unit upper half circle
  /// centred at 0, class 1 on the lower half circle centred at (1, 0.5).
  @Test func moonsGeometry() throws {
    let d = try DatasetGenerator.make("moons", samples: 101, parameters: ["noise": 0], seed: 3)
    #expect(d.labels.filter { $0 == 0 }.count == 50)
    for (x, y) in zip(d.features, d.labels) {
      if y == 0 {
        #expect(abs(hypot(x[0], x[1]) - 1) < 1e-12 && x[1] >= -1e-12)
      } else {
        #expect(abs(hypot(x[0] - 1, x[1] - 0.5) - 1) < 1e-12 && x[1] <= 0.5 + 1e-12)
      }
    }
    let noisy = try DatasetGenerator.make("moons", samples: 2000, parameters: ["noise": 0.1], seed: 3)
    let r = zip(noisy.features, noisy.labels).filter { $0.1 == 0 }.map { hypot($0.0[0], $0.0[1]) - 1 }
    #expect(abs(sampleStandardDeviation(r) - 0.1) < 0.01)
  }

  /// make_circles: radii 1 and factor, angles evenly spaced.
  @Test func circlesGeometry() throws {
    let d = try DatasetGenerator.make("circles", samples: 100, parameters: ["factor": 0.5, "noise": 0], seed: 3)
    for (x, y) in zip(d.features, d.labels) {
      #expect(abs(hypot(x[0], x[1]) - (y == 0 ? 1 : 0.5)) < 1e-12)
    }
    let angles = zip(d.features, d.labels).filter { $0.1 == 0 }.map { atan2($0.0[1], $0.0[0]) }.sorted()
    #expect(abs(angles[1] - angles[0] - 2 * .pi / 50) < 1e-12)
  }

  @Test func xorLabelsAreQuadrantParity() throws {
    let d = try DatasetGenerator.make("xor", samples: 200, parameters: ["noise": 0], seed: 4)
    for (x, y) in zip(d.features, d.labels) { #expect((x[0] > 0) != (x[1] > 0) ? y == 1 : y == 0) }
  }

  @Test func linearlySeparableRespectsTheMargin() throws {
    let d = try DatasetGenerator.make("linearly_separable", samples: 300, parameters: ["features": 4, "margin": 0.08], seed: 4)
    for (x, y) in zip(d.features, d.labels) {
      let s = x.reduce(0, +)
      #expect(abs(s) > 0.08 && (s > 0) == (y == 0))
      #expect(x.allSatisfy { abs($0) <= 1 })
    }
  }

  @Test func barsAndStripesWithoutNoiseAreBarsOrStripes() throws {
    let d = try DatasetGenerator.make("bars_and_stripes", samples: 50, parameters: ["noise": 0, "size": 3], seed: 2)
    #expect(d.featureCount == 9)
    for (x, y) in zip(d.features, d.labels) {
      #expect(x.allSatisfy { $0 == 1 || $0 == -1 })
      if y == 1 {  // stripes: each row constant
        for r in 0..<3 { #expect(Set(x[(r * 3)..<(r * 3 + 3)]).count == 1) }
      } else {  // bars: each column constant
        for c in 0..<3 { #expect(Set([x[c], x[3 + c], x[6 + c]]).count == 1) }
      }
    }
  }

  @Test func standardizedFamiliesHaveUnitVariance() throws {
    for name in ["two_curves", "hyperplane_parity"] {
      let d = try DatasetGenerator.make(name, samples: 200, parameters: [:], seed: 9)
      for j in 0..<d.featureCount {
        let col = d.features.map { $0[j] }
        #expect(abs(mean(col)) < 1e-12)
        #expect(abs(sampleStandardDeviation(col) * (199.0 / 200).squareRoot() - 1) < 1e-12)
      }
    }
  }
}
