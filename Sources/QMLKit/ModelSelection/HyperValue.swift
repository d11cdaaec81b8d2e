/// One hyperparameter value in a grid: a number or a word (`"scale"`, `"none"`, `"64,64"`).
/// Encodes as a bare JSON/YAML number or string.
public enum HyperValue: Sendable, Hashable, Codable, CustomStringConvertible {
  /// A numeric value.
  case number(Double)
  /// A textual value.
  case text(String)

  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let d = try? c.decode(Double.self) {
      self = .number(d)
    } else {
      self = .text(try c.decode(String.self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    switch self {
    case .number(let d): try c.encode(d)
    case .text(let s): try c.encode(s)
    }
  }

  /// Integers without a decimal point, other numbers as Swift prints them, text as is.
  public var description: String {
    switch self {
    case .number(let d):
      if d.isFinite && d == d.rounded() && abs(d) < 1e15 { return String(Int(d)) }
      return String(d)
    case .text(let s): return s
    }
  }
}

extension HyperValue: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
  public init(floatLiteral value: Double) { self = .number(value) }
  public init(integerLiteral value: Int) { self = .number(Double(value)) }
  public init(stringLiteral value: String) { self = .text(value) }
}
