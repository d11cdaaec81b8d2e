import Foundation

/// How an SVM kernel's gamma is chosen, as scikit-learn's `SVC(gamma=...)`.
public enum KernelGamma: Sendable, Equatable {
  /// 1 / (n_features * X.var()) on the training features (all entries pooled; 1 if the
  /// variance is zero), scikit-learn's default `"scale"`.
  case scale
  /// 1 / n_features (scikit-learn's `"auto"`).
  case auto
  /// A fixed positive value.
  case value(Double)

  /// The numeric gamma for training rows `features`.
  public func resolve(features: [[Double]]) -> Double {
    let d = features.first?.count ?? 0
    switch self {
    case .value(let g): return g
    case .auto: return d > 0 ? 1 / Double(d) : 1
    case .scale:
      var count = 0.0, mean = 0.0, m2 = 0.0  // Welford over all entries
      for row in features {
        for x in row {
          count += 1
          let delta = x - mean
          mean += delta / count
          m2 += delta * (x - mean)
        }
      }
      let variance = count > 0 ? m2 / count : 0
      return variance > 0 && d > 0 ? 1 / (Double(d) * variance) : 1
    }
  }
}

/// A kernel function for `SVMClassifier`, with scikit-learn's definitions.
public enum SVMKernel: Sendable, Equatable {
  /// exp(-gamma ||x - y||^2).
  case rbf(gamma: KernelGamma)
  /// (gamma <x, y> + coef0)^degree.
  case polynomial(degree: Int, gamma: KernelGamma, coef0: Double)
  /// <x, y>.
  case linear

  /// The kernel with its gamma fixed from training rows (`.value` gammas).
  func resolved(features: [[Double]]) -> SVMKernel {
    switch self {
    case .linear: return .linear
    case .rbf(let g): return .rbf(gamma: .value(g.resolve(features: features)))
    case .polynomial(let degree, let g, let coef0):
      return .polynomial(degree: degree, gamma: .value(g.resolve(features: features)), coef0: coef0)
    }
  }

  /// k(a, b) for a resolved kernel.
  @inline(__always)
  func evaluate(_ a: [Double], _ b: [Double]) -> Double {
    switch self {
    case .linear:
      var s = 0.0
      for i in a.indices { s += a[i] * b[i] }
      return s
    case .rbf(.value(let gamma)):
      var s = 0.0
      for i in a.indices {
        let t = a[i] - b[i]
        s += t * t
      }
      return exp(-gamma * s)
    case .polynomial(let degree, .value(let gamma), let coef0):
      var s = 0.0
      for i in a.indices { s += a[i] * b[i] }
      return _intPower(gamma * s + coef0, degree)
    default:
      preconditionFailure("kernel gamma must be resolved before evaluation")
    }
  }

  /// The Gram matrix K[i][j] = k(rows[i], rows[j]) (symmetric; each pair computed once).
  func gram(_ rows: [[Double]]) -> Matrix {
    let n = rows.count
    var m = Matrix(rows: n, columns: n)
    for i in 0..<n {
      for j in i..<n {
        let v = evaluate(rows[i], rows[j])
        m.values[i * n + j] = v
        m.values[j * n + i] = v
      }
    }
    return m
  }

  /// K[i][j] = k(a[i], b[j]) for columns j in `columns` only (others stay 0).
  func cross(_ a: [[Double]], _ b: [[Double]], columns: [Int]) -> Matrix {
    var m = Matrix(rows: a.count, columns: b.count)
    let n = b.count
    for i in a.indices {
      for j in columns { m.values[i * n + j] = evaluate(a[i], b[j]) }
    }
    return m
  }
}

@inline(__always)
func _intPower(_ x: Double, _ n: Int) -> Double {
  var result = 1.0, base = x, e = n
  while e > 0 {
    if e & 1 == 1 { result *= base }
    base *= base
    e >>= 1
  }
  return result
}
