import Foundation
import QuantumSim
import Testing

@testable import QMLKit

@Suite struct DequantizedBaselinesTests {
  /// Points in [0, π]² labelled by the sign of a trigonometric polynomial in the zz map's data
  /// functions (frequencies 2 in x0 and in (π−x0)(π−x1), inside the reps-1 spectrum).
  static func zzTask(count: Int, seed: UInt64) -> Dataset {
    var rng = SeededGenerator(seed: seed)
    var x: [[Double]] = [], y: [Int] = []
    while x.count < count {
      let p = [rng.nextUnit() * .pi, rng.nextUnit() * .pi]
      let f = sin(2 * (Double.pi - p[0]) * (Double.pi - p[1])) + 0.3 * cos(2 * p[0])
      guard abs(f) > 0.2 else { continue }
      x.append(p)
      y.append(f > 0 ? 1 : 0)
    }
    return Dataset(features: x, labels: y)
  }

  static func testAccuracy(_ model: any Classifier, train: Dataset, test: Dataset) throws -> Double {
    var m = model
    try m.fit(features: train.features, labels: train.labels, classCount: 2)
    return accuracy(labels: test.labels, predictions: try m.predict(test.features))
  }

  @Test("rff_quantum learns a function in the encoding's spectrum; the same D from another spectrum does not")
  func rffLearnsItsSpectrum() throws {
    let train = Self.zzTask(count: 300, seed: 1), test = Self.zzTask(count: 300, seed: 2)
    let zz = SpectrumSource(encoding: PauliFeatureMap.zz(reps: 1, entanglement: .linear))
    let own = try Self.testAccuracy(QuantumRFFClassifier(source: zz, featureCount: 60, C: 100, seed: 3), train: train, test: test)
    #expect(own > 0.9, "accuracy \(own)")
    // An angle encoding's spectrum (frequency 1 in x0 and x1, no product term) cannot express it.
    let angle = SpectrumSource(encoding: AngleEncoding(rotation: .ry))
    let other = try Self.testAccuracy(QuantumRFFClassifier(source: angle, featureCount: 60, C: 100, seed: 3), train: train, test: test)
    #expect(other < own - 0.15, "angle spectrum \(other) vs zz spectrum \(own)")
    print("rff_quantum test accuracy: zz spectrum \(own), angle spectrum \(other)")
  }

  @Test("rff_quantum is deterministic per seed and refuses an encoding without a spectrum")
  func rffSeedAndRefusal() throws {
    let d = Self.zzTask(count: 60, seed: 4)
    let zz = SpectrumSource(encoding: PauliFeatureMap.zz(reps: 2))
    var a = QuantumRFFClassifier(source: zz, featureCount: 10, seed: 9), b = a
    try a.fit(features: d.features, labels: d.labels, classCount: 2)
    try b.fit(features: d.features, labels: d.labels, classCount: 2)
    #expect(try a.scores(d.features) == b.scores(d.features))
    var amp = QuantumRFFClassifier(source: SpectrumSource(encoding: AmplitudeEncoding()), featureCount: 10)
    #expect(throws: ModelError.self) { try amp.fit(features: d.features, labels: d.labels, classCount: 2) }
    #expect(throws: ModelError.self) { try BaselineFactory.make(.rffQuantum, params: [:]) }
  }

  @Test("nystroem_rbf separates concentric rings that a linear model cannot")
  func nystroemRings() throws {
    func rings(_ n: Int, seed: UInt64) -> Dataset {
      var rng = SeededGenerator(seed: seed)
      var x: [[Double]] = [], y: [Int] = []
      for i in 0..<n {
        let r = i % 2 == 0 ? 1.0 : 2.5, t = rng.nextUnit() * 2 * .pi
        x.append([r * cos(t) + 0.1 * rng.nextGaussian(), r * sin(t) + 0.1 * rng.nextGaussian()])
        y.append(i % 2)
      }
      return Dataset(features: x, labels: y)
    }
    let train = rings(200, seed: 1), test = rings(200, seed: 2)
    let ny = try Self.testAccuracy(NystroemRBFClassifier(gamma: .value(1), landmarks: 40, C: 10, seed: 1), train: train, test: test)
    let linear = try Self.testAccuracy(LogisticRegression(C: 10), train: train, test: test)
    #expect(ny > 0.95, "nystroem \(ny)")
    #expect(linear < 0.75, "linear \(linear)")
  }

  @Test("nystroem features reproduce the RBF kernel exactly when every training row is a landmark")
  func nystroemExactWithAllLandmarks() throws {
    let d = BaselineFixtures.blobs(perClass: 10, classes: 2, seed: 3)
    var m = NystroemRBFClassifier(gamma: .value(0.3), landmarks: 1000, C: 1, seed: 1)
    try m.fit(features: d.features, labels: d.labels, classCount: 2)
    let z = d.features.map(m.transform)
    for i in 0..<5 {
      for j in 0..<5 {
        let approx = zip(z[i], z[j]).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(approx - NystroemRBFClassifier.rbf(d.features[i], d.features[j], 0.3)) < 1e-6)
      }
    }
  }

  @Test("poly is svm_poly under another name")
  func polyAlias() throws {
    let m = try BaselineFactory.make(try #require(BaselineKind(name: "poly")), params: ["degree": 2, "scale": "none"])
    let svm = try #require(m as? SVMClassifier)
    #expect(svm.kernel == .polynomial(degree: 2, gamma: .scale, coef0: 0))
    #expect(BaselineKind(name: "poly") == .svmPoly)
  }
}
