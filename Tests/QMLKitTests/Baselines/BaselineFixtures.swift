import Foundation
import Testing
@testable import QMLKit
import QuantumSim

/// Fixture loading shared by the baseline and model-selection tests (scikit-learn references
/// made by Fixtures/gen_baselines.py).
enum BaselineFixtures {
  static func url(_ name: String, _ ext: String) throws -> URL { try fixtures.url(name, ext: ext) }

  static func json<T: Decodable>(_ name: String, as type: T.Type) throws -> T { try fixtures.json(name, as: type) }

  /// A header + numeric features + label-in-last-column CSV; labels coded by sorted name.
  static func csv(_ name: String) throws -> Dataset {
    let text = try String(contentsOf: url(name, "csv"), encoding: .utf8)
    let lines = text.split(whereSeparator: \.isNewline).map(String.init)
    let rows = lines.dropFirst().map { $0.split(separator: ",").map(String.init) }
    let names = Array(Set(rows.map { $0.last! })).sorted()
    let features = try rows.map { r in try r.dropLast().map { try #require(Double($0)) } }
    return Dataset(features: features, labels: rows.map { names.firstIndex(of: $0.last!)! }, classNames: names)
  }

  /// |a - b| <= max(abs, rel * max(|a|, |b|)).
  static func close(_ a: Double, _ b: Double, rel: Double = 1e-4, abs absTol: Double = 1e-6) -> Bool {
    Swift.abs(a - b) <= max(absTol, rel * max(Swift.abs(a), Swift.abs(b)))
  }

  /// Two Gaussian blobs per class on a circle of radius 3 (well separated), seeded.
  static func blobs(perClass: Int, classes: Int, dims: Int = 2, seed: UInt64) -> Dataset {
    var rng = SeededGenerator(seed: seed)
    var x: [[Double]] = [], y: [Int] = []
    for c in 0..<classes {
      let angle = 2 * Double.pi * Double(c) / Double(classes)
      for _ in 0..<perClass {
        var row = (0..<dims).map { _ in 0.5 * rng.nextGaussian() }
        row[0] += 3 * cos(angle)
        row[1] += 3 * sin(angle)
        x.append(row)
        y.append(c)
      }
    }
    return Dataset(features: x, labels: y)
  }
}
