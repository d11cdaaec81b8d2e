import Foundation
import Yams

extension _ClaimParser {
  /// Largest |bound| of a `scale` step (docs/SPEC.md), so the span and scaled values stay finite.
  static let maxScaleBound = 1e6
  static let datasetKeys = [
    "generator", "params", "samples", "csv", "train", "test", "target", "features", "test_fraction", "preprocess",
  ]

  func parseDataset(_ node: Node) -> DatasetSpec? {
    guard let f = r.mapping(node, "dataset", allowed: Self.datasetKeys) else { return nil }
    let sources = ["generator", "csv", "train", "test"].filter { f.has($0) }
    let kinds = Set(sources.map { $0 == "test" ? "train" : $0 })
    if kinds.isEmpty {
      r.fail(at: r.locationForMissing(in: f), "dataset",
        "missing data source: give 'generator' (with params and samples), 'csv' with 'target', or 'train' + 'test' with 'target'",
        .missingKey)
      return nil
    }
    if kinds.count > 1 {
      let second = sources.dropFirst().first { ($0 == "test" ? "train" : $0) != (sources[0] == "test" ? "train" : sources[0]) }!
      r.fail(f.keys[second], f.path(second),
        "'\(second)' cannot be combined with '\(sources[0])': a dataset has exactly one source", .conflict)
      return nil
    }
    var failed = false
    var source: DataSource?
    if f.has("generator") {
      for k in ["target", "features"] where f.has(k) {
        r.fail(f.keys[k], f.path(k), "'\(k)' only applies to csv or train/test data, not to a generator", .conflict)
        failed = true
      }
      source = parseGenerator(f).map { .generator($0) }
    } else {
      for k in ["params", "samples"] where f.has(k) {
        r.fail(f.keys[k], f.path(k), "'\(k)' only applies to a generator", .conflict)
        failed = true
      }
      let target = f["target"].flatMap { r.string($0, f.path("target"), acceptNumbers: true) }
      if !f.has("target") { r.missing("target", in: f, why: " (the label column of the CSV data)") }
      var features: [String]?
      if let fn = f["features"] {
        features = r.list(fn, f.path("features"))?.enumerated().compactMap {
          r.string($1, f.path("features") + "[\($0)]", acceptNumbers: true)
        }
        if let list = features, Set(list).count != list.count {
          r.fail(fn, f.path("features"), "feature names must be different", .duplicateKey)
        }
        if let list = features, let t = target, list.contains(t) {
          r.fail(fn, f.path("features"), "the target column '\(t)' cannot also be a feature", .conflict)
        }
      }
      if let csv = f["csv"] {
        let file = dataFile(csv, f.path("csv"))
        if let file, let target { source = .csv(file: file, target: target, features: features) }
      } else {
        if !f.has("train") { r.missing("train", in: f, why: " ('test' needs its 'train' file)") }
        if !f.has("test") { r.missing("test", in: f, why: " ('train' needs its 'test' file)") }
        if f.has("test_fraction") {
          r.fail(f.keys["test_fraction"], f.path("test_fraction"),
            "'test_fraction' does not apply to a fixed train/test pair", .conflict)
          failed = true
        }
        let train = f["train"].flatMap { dataFile($0, f.path("train")) }
        let test = f["test"].flatMap { dataFile($0, f.path("test")) }
        if let train, let test, let target {
          source = .trainTest(train: train, test: test, target: target, features: features)
        }
      }
    }
    var fraction: Double? = 0.3
    if let t = f["test_fraction"], !f.has("train") {
      fraction = r.number(t, f.path("test_fraction"), .open(0, 1))
    }
    var steps: [PreprocessStep]? = []
    if let p = f["preprocess"] { steps = parsePreprocess(p, path: f.path("preprocess")) }
    guard !failed, let source, let fraction, let steps else { return nil }
    return DatasetSpec(source: source, testFraction: fraction, preprocess: steps)
  }

  func parseGenerator(_ f: _Fields) -> GeneratorSource? {
    guard let nameNode = f["generator"], let name = r.string(nameNode, f.path("generator")) else { return nil }
    guard let params = SpecVocabulary.generators[name] else {
      let hint = EditDistance.suggestion(for: name, among: SpecVocabulary.generatorNames)
      r.fail(nameNode, f.path("generator"),
        "unknown generator '\(name)'; expected one of \(SpecVocabulary.generatorNames.joined(separator: ", "))"
          + (hint.map { "; did you mean '\($0)'?" } ?? ""), .unknownName, suggestion: hint)
      return nil
    }
    var values: [String: Double] = [:]
    var nodes: [String: Node] = [:]
    var ok = true
    if let pn = f["params"] {
      let names = params.map(\.name)
      if let pf = r.mapping(pn, f.path("params"), allowed: names) {
        for p in params {
          guard let v = pf[p.name] else { continue }
          nodes[p.name] = v
          let path = pf.path(p.name)
          guard let x = r.numericValue(v) else {
            r.fail(v, path, "expected a number, found \(r.describe(v))", .typeMismatch); ok = false; continue
          }
          if let problem = p.rangeProblem(x) {
            r.fail(v, path, "\(problem), found \(_Range.show(x))", .outOfRange); ok = false; continue
          }
          values[p.name] = x
        }
      } else {
        ok = false
      }
    }
    for p in params where values[p.name] == nil {
      if let d = p.defaultValue { values[p.name] = d }
    }
    for p in params {
      guard let other = p.below, let x = values[p.name], let limit = values[other], x >= limit else { continue }
      r.fail(nodes[p.name] ?? nodes[other] ?? nameNode, f.path("params") + "." + p.name,
        "expected a value below '\(other)' (\(_Range.show(limit))), found \(_Range.show(x))", .outOfRange)
      ok = false
    }
    guard let sn = f["samples"] else {
      r.missing("samples", in: f, why: " (how many points the generator draws)")
      return nil
    }
    guard let samples = r.int(sn, f.path("samples"), .closed(2, Double(SpecVocabulary.maxSamples))), ok else {
      return nil
    }
    return GeneratorSource(name: name, params: values, samples: samples)
  }

  func parsePreprocess(_ node: Node, path: String) -> [PreprocessStep]? {
    guard let items = r.list(node, path, single: true, nonEmpty: false) else { return nil }
    var steps: [PreprocessStep] = []
    for (i, item) in items.enumerated() {
      let p = "\(path)[\(i)]"
      if case .scalar = item {
        guard let s = r.string(item, p, acceptNumbers: true) else { continue }
        if s == "standardize" { steps.append(.standardize); continue }
        let names = ["standardize", "scale", "pca", "select"]
        let hint = EditDistance.suggestion(for: s, among: names)
        let extra = ["scale", "pca", "select"].contains(s) ? "; '\(s)' needs a value, e.g. {\(s): ...}" : ""
        r.fail(item, p, "unknown preprocessing step '\(s)'; expected standardize, {scale: [lo, hi]}, {pca: k} or {select: [names]}"
          + extra + (extra.isEmpty ? hint.map { "; did you mean '\($0)'?" } ?? "" : ""), .unknownName, suggestion: hint)
        continue
      }
      guard let f = r.mapping(item, p, allowed: ["scale", "pca", "select", "standardize"],
        what: "a step (standardize, {scale: [lo, hi]}, {pca: k}, {select: [names]})")
      else { continue }
      guard f.order.count == 1, let key = f.order.first, let v = f[key] else {
        if !f.order.isEmpty { r.fail(item, p, "a step has exactly one key, found \(f.order.joined(separator: ", "))", .conflict) }
        continue
      }
      switch key {
      case "scale":
        guard let bounds = r.list(v, f.path(key)) else { continue }
        guard bounds.count == 2 else {
          r.fail(v, f.path(key), "expected two bounds [lo, hi], found \(bounds.count)", .outOfRange); continue
        }
        let lo = angle(bounds[0], f.path(key) + "[0]"), hi = angle(bounds[1], f.path(key) + "[1]")
        guard let lo, let hi else { continue }
        guard lo < hi else {
          r.fail(v, f.path(key), "expected lo < hi, found [\(_Range.show(lo)), \(_Range.show(hi))]", .outOfRange); continue
        }
        // hi - lo and the scaled values must stay finite (docs/SPEC.md: bounds within ±1e6).
        guard max(abs(lo), abs(hi)) <= Self.maxScaleBound else {
          r.fail(v, f.path(key), "expected bounds within [-\(_Range.show(Self.maxScaleBound)), \(_Range.show(Self.maxScaleBound))], "
            + "found [\(_Range.show(lo)), \(_Range.show(hi))]", .outOfRange); continue
        }
        steps.append(.scale(low: lo, high: hi))
      case "pca":
        if let k = r.int(v, f.path(key), .closed(1, 1000)) { steps.append(.pca(k)) }
      case "select":
        guard let names = r.list(v, f.path(key)) else { continue }
        let strings = names.enumerated().compactMap { r.string($1, f.path(key) + "[\($0)]", acceptNumbers: true) }
        if strings.count == names.count { steps.append(.select(strings)) }
      default:
        r.fail(f.keys[key], f.path(key), "'standardize' takes no value; write it as a plain list item", .typeMismatch)
      }
    }
    return steps.count == items.count ? steps : nil
  }

  /// A number or an expression in pi: `pi`, `-pi`, `pi/2`, `2*pi`, `2pi`, `3*pi/4`.
  func angle(_ node: Node, _ path: String) -> Double? {
    if let x = r.numericValue(node) { return x }
    guard case .scalar(let s) = node, let x = Self.piExpression(s.string) else {
      r.fail(node, path, "expected a number or an expression in pi (pi, -pi, pi/2, 2*pi), found \(r.describe(node))", .typeMismatch)
      return nil
    }
    return x
  }

  /// Parses `[-][k[*]]pi[/d]`; nil when the text is not of that form.
  static func piExpression(_ text: String) -> Double? {
    var t = text.replacingOccurrences(of: " ", with: "").lowercased()
    var sign = 1.0
    if t.hasPrefix("-") { sign = -1; t.removeFirst() } else if t.hasPrefix("+") { t.removeFirst() }
    guard let range = t.range(of: "pi") ?? t.range(of: "π") else { return nil }
    var factor = 1.0
    var head = String(t[..<range.lowerBound])
    if head.hasSuffix("*") { head.removeLast() }
    if !head.isEmpty { guard let k = Double(head), k.isFinite else { return nil }; factor = k }
    let tail = String(t[range.upperBound...])
    var divisor = 1.0
    if !tail.isEmpty {
      guard tail.hasPrefix("/"), let d = Double(tail.dropFirst()), d != 0, d.isFinite else { return nil }
      divisor = d
    }
    return sign * factor * Double.pi / divisor
  }
}
