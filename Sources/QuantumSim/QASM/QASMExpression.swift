import Foundation

/// A parsed OpenQASM 2.0 parameter expression: numbers, `pi`, gate parameters, `+ - * / ^`,
/// unary minus and the functions `sin cos tan exp ln sqrt`.
indirect enum QASMExpression: Sendable {
  case number(Double)
  case parameter(String)
  case negate(QASMExpression)
  case binary(Character, QASMExpression, QASMExpression)
  case function(String, QASMExpression)

  /// The functions OpenQASM 2.0 allows in expressions.
  static let functions: Set<String> = ["sin", "cos", "tan", "exp", "ln", "sqrt"]

  /// The value with gate parameters taken from `parameters` (every name was checked at parse time).
  func evaluate(_ parameters: [String: Double]) -> Double {
    switch self {
    case .number(let v): return v
    case .parameter(let name): return parameters[name] ?? .nan
    case .negate(let e): return -e.evaluate(parameters)
    case .binary(let op, let a, let b):
      let x = a.evaluate(parameters), y = b.evaluate(parameters)
      switch op {
      case "+": return x + y
      case "-": return x - y
      case "*": return x * y
      case "/": return x / y
      default: return pow(x, y)
      }
    case .function(let name, let e):
      let x = e.evaluate(parameters)
      switch name {
      case "sin": return sin(x)
      case "cos": return cos(x)
      case "tan": return tan(x)
      case "exp": return exp(x)
      case "ln": return log(x)
      default: return x.squareRoot()
      }
    }
  }
}
