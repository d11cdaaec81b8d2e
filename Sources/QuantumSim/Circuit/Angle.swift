import Foundation

/// A gate parameter: a number, a named symbol bound at evaluation time, or an
/// arithmetic expression over them (so `2 * (pi - x0) * (pi - x1)` stays symbolic).
///
/// Symbols are referred to by index into the owning circuit's `symbols` table;
/// evaluation takes a flat `[Double]` of the same length, so binding costs no
/// dictionary lookups on the hot path.
public indirect enum Angle: Sendable, Hashable {
  case value(Double)
  case symbol(Int)
  case sum(Angle, Angle)
  case product(Angle, Angle)
  case negated(Angle)
  case cosine(Angle)
  case sine(Angle)

  /// The numeric value under `bindings` (indexed like the circuit's symbols).
  @inlinable
  public func evaluate(_ bindings: UnsafeBufferPointer<Double>) -> Double {
    switch self {
    case .value(let v): return v
    case .symbol(let i): return bindings[i]
    case .sum(let a, let b): return a.evaluate(bindings) + b.evaluate(bindings)
    case .product(let a, let b): return a.evaluate(bindings) * b.evaluate(bindings)
    case .negated(let a): return -a.evaluate(bindings)
    case .cosine(let a): return Foundation.cos(a.evaluate(bindings))
    case .sine(let a): return Foundation.sin(a.evaluate(bindings))
    }
  }

  /// The numeric value under `bindings`.
  public func evaluate(_ bindings: [Double]) -> Double {
    bindings.withUnsafeBufferPointer { evaluate($0) }
  }

  /// The constant value, or nil when the angle depends on a symbol.
  public var constantValue: Double? {
    switch self {
    case .value(let v): return v
    case .symbol: return nil
    case .sum(let a, let b):
      guard let x = a.constantValue, let y = b.constantValue else { return nil }
      return x + y
    case .product(let a, let b):
      guard let x = a.constantValue, let y = b.constantValue else { return nil }
      return x * y
    case .negated(let a): return a.constantValue.map { -$0 }
    case .cosine(let a): return a.constantValue.map { Foundation.cos($0) }
    case .sine(let a): return a.constantValue.map { Foundation.sin($0) }
    }
  }

  /// Symbol indices this angle depends on.
  public var symbolIndices: Set<Int> {
    switch self {
    case .value: return []
    case .symbol(let i): return [i]
    case .sum(let a, let b), .product(let a, let b): return a.symbolIndices.union(b.symbolIndices)
    case .negated(let a), .cosine(let a), .sine(let a): return a.symbolIndices
    }
  }

  /// Derivative with respect to symbol `index`, as an expression.
  public func derivative(withRespectTo index: Int) -> Angle {
    switch self {
    case .value: return .value(0)
    case .symbol(let i): return .value(i == index ? 1 : 0)
    case .sum(let a, let b):
      return a.derivative(withRespectTo: index) + b.derivative(withRespectTo: index)
    case .product(let a, let b):
      return a.derivative(withRespectTo: index) * b + a * b.derivative(withRespectTo: index)
    case .negated(let a): return -a.derivative(withRespectTo: index)
    case .cosine(let a): return -(Angle.sine(a)) * a.derivative(withRespectTo: index)
    case .sine(let a): return Angle.cosine(a) * a.derivative(withRespectTo: index)
    }
  }

  /// The same expression with symbol indices renumbered through `map`.
  public func remapped(_ map: [Int]) -> Angle {
    switch self {
    case .value: return self
    case .symbol(let i): return .symbol(map[i])
    case .sum(let a, let b): return .sum(a.remapped(map), b.remapped(map))
    case .product(let a, let b): return .product(a.remapped(map), b.remapped(map))
    case .negated(let a): return .negated(a.remapped(map))
    case .cosine(let a): return .cosine(a.remapped(map))
    case .sine(let a): return .sine(a.remapped(map))
    }
  }

  /// Replaces symbols by the given constant values (nil leaves a symbol free) and folds constants.
  public func substituting(_ values: [Double?]) -> Angle {
    let result: Angle
    switch self {
    case .value: return self
    case .symbol(let i): result = values[i].map { .value($0) } ?? self
    case .sum(let a, let b): result = .sum(a.substituting(values), b.substituting(values))
    case .product(let a, let b): result = .product(a.substituting(values), b.substituting(values))
    case .negated(let a): result = .negated(a.substituting(values))
    case .cosine(let a): result = .cosine(a.substituting(values))
    case .sine(let a): result = .sine(a.substituting(values))
    }
    if let c = result.constantValue { return .value(c) }
    return result
  }

  public static func + (a: Angle, b: Angle) -> Angle {
    if case .value(0) = a { return b }
    if case .value(0) = b { return a }
    if let x = a.constantValue, let y = b.constantValue { return .value(x + y) }
    return .sum(a, b)
  }
  public static func - (a: Angle, b: Angle) -> Angle { a + (-b) }
  public static prefix func - (a: Angle) -> Angle {
    if let x = a.constantValue { return .value(-x) }
    if case .negated(let inner) = a { return inner }
    return .negated(a)
  }
  public static func * (a: Angle, b: Angle) -> Angle {
    if case .value(1) = a { return b }
    if case .value(1) = b { return a }
    if case .value(0) = a { return .value(0) }
    if case .value(0) = b { return .value(0) }
    if let x = a.constantValue, let y = b.constantValue { return .value(x * y) }
    return .product(a, b)
  }
  public static func + (a: Angle, b: Double) -> Angle { a + .value(b) }
  public static func + (a: Double, b: Angle) -> Angle { .value(a) + b }
  public static func - (a: Angle, b: Double) -> Angle { a - .value(b) }
  public static func - (a: Double, b: Angle) -> Angle { .value(a) - b }
  public static func * (a: Angle, b: Double) -> Angle { a * .value(b) }
  public static func * (a: Double, b: Angle) -> Angle { .value(a) * b }
}

extension Angle: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
  public init(floatLiteral value: Double) { self = .value(value) }
  public init(integerLiteral value: Int) { self = .value(Double(value)) }
}

extension Angle: CustomStringConvertible {
  /// A readable form; symbols print as `$index` (a circuit prints them by name).
  public var description: String { render { "$\($0)" } }

  /// Renders the expression with `name` giving each symbol's text.
  public func render(_ name: (Int) -> String) -> String {
    switch self {
    case .value(let v): return formatNumber(v)
    case .symbol(let i): return name(i)
    case .sum(let a, .negated(let b)): return "(\(a.render(name)) - \(b.render(name)))"
    case .sum(let a, let b): return "(\(a.render(name)) + \(b.render(name)))"
    case .product(let a, let b): return "\(a.render(name))*\(b.render(name))"
    case .negated(let a): return "-\(a.render(name))"
    case .cosine(let a): return "cos(\(a.render(name)))"
    case .sine(let a): return "sin(\(a.render(name)))"
    }
  }
}

/// Formats a double with full round-trip precision (used by QASM export and printing).
public func formatNumber(_ v: Double) -> String {
  if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
  return "\(v)"
}
