import Foundation
import QuantumSim
@testable import QMLKit

/// scikit-learn 1.9.1 references for the regressors and metrics: `regression.json`, written
/// by `Fixtures/gen_regression.py` (diabetes, first 120 rows standardized; 90 train, 30 test).
struct RegressionFixture: Decodable {
  struct RidgeCase: Decodable {
    let alpha: Double
    let coef: [Double]
    let intercept: Double
    let predict: [Double]
  }
  struct KernelRidgeCase: Decodable {
    let alpha: Double
    let gamma: Double?
    let dual_coef: [Double]
    let predict: [Double]
  }
  struct PrecomputedCase: Decodable {
    let alpha: Double
    let train_kernel: [[Double]]
    let test_kernel: [[Double]]
    let dual_coef: [Double]
    let predict: [Double]
  }
  /// SVR gamma: a number or the string "scale".
  enum Gamma: Decodable {
    case value(Double), scale
    init(from decoder: Decoder) throws {
      let c = try decoder.singleValueContainer()
      if let v = try? c.decode(Double.self) { self = .value(v) } else { self = .scale }
    }
    var kernelGamma: KernelGamma {
      switch self {
      case .value(let v): return .value(v)
      case .scale: return .scale
      }
    }
  }
  struct SVRCase: Decodable {
    let C: Double
    let epsilon: Double
    let gamma: Gamma
    let support: [Int]
    let dual_coef: [Double]
    let intercept: Double
    let predict: [Double]
  }
  struct KNNCase: Decodable {
    let k: Int
    let predict: [Double]
  }
  struct MetricCase: Decodable {
    let name: String
    let y_true: [Double]
    let y_pred: [Double]
    let rmse: Double
    let mae: Double
    let r2: Double
  }
  let train_x: [[Double]]
  let train_y: [Double]
  let test_x: [[Double]]
  let test_y: [Double]
  let ridge: [RidgeCase]
  let kernel_ridge: [KernelRidgeCase]
  let precomputed_kernel_ridge: PrecomputedCase
  let svr: [SVRCase]
  let knn: [KNNCase]
  let metrics: [MetricCase]

  static func load() throws -> RegressionFixture { try fixtures.json("regression", as: RegressionFixture.self) }
}

/// Largest |a_i − b_i| (infinite when the lengths differ).
func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
  guard a.count == b.count else { return .infinity }
  return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

/// A smooth target on [-2, 2]²: sin(x) + 0.5 y², on a seeded sample.
func smoothRegressionData(count: Int, seed: UInt64) -> (x: [[Double]], y: [Double]) {
  var rng = SeededGenerator(seed: seed)
  let x = (0..<count).map { _ in [4 * rng.nextUnit() - 2, 4 * rng.nextUnit() - 2] }
  return (x, x.map { sin($0[0]) + 0.5 * $0[1] * $0[1] })
}
