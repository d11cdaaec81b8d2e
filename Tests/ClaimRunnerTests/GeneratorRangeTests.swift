import ClaimSpec
import QMLKit
import Testing

/// Every generator parameter at the edges lint accepts (docs/SPEC.md, `SpecVocabulary`) passes
/// the generator's own checks: a spec that lints never fails a generator precondition at run time.
@Suite struct GeneratorRangeTests {
  @Test("lint's edges are accepted by the generator", arguments: SpecVocabulary.generatorNames)
  func edgesLintAcceptsTheGeneratorAccepts(_ name: String) throws {
    let params = try #require(SpecVocabulary.generators[name])
    var defaults: [String: Double] = [:]
    for p in params { defaults[p.name] = p.defaultValue }
    for p in params {
      var edges = [p.exclusiveMinimum ? p.minimum + 1e-6 : p.minimum]
      var high = p.exclusiveMaximum ? p.maximum - 1e-6 : p.maximum
      if let other = p.below, let limit = defaults[other] { high = min(high, limit - 0.5) }
      edges.append(p.integer ? high.rounded(.down) : high)
      for x in edges where p.rangeProblem(x) == nil {
        var values = defaults
        values[p.name] = x
        do {
          _ = try DatasetGenerator.make(name, samples: 8, parameters: values, seed: 1)
        } catch {
          // Rejection sampling may find a class too rare at an extreme; a range refusal is the bug.
          #expect("\(error)".contains("could not draw"), "\(name).\(p.name) = \(x): \(error)")
        }
      }
    }
  }
}
