import Foundation
import Testing
@testable import QMLKit
import QuantumSim

@Suite struct AdHocGeneratorTests {
  /// No sample has parity expectation within the gap, and every label agrees with the
  /// sign of the expectation (recomputed from the same seeded V).
  @Test(arguments: [(2, 0.3), (3, 0.2), (2, 0.0), (4, 0.1)])
  func samplesRespectTheGap(features: Int, gap: Double) throws {
    let seed: UInt64 = 21
    let d = try DatasetGenerator.make("adhoc", samples: 80, parameters: ["features": Double(features), "gap": gap], seed: seed)
    #expect(d.featureCount == features)
    var rng = SeededGenerator(seed: seed)
    let (vr, vi) = AdHocGenerator.haarUnitary(dimension: 1 << features, &rng)
    let count = features == 2 ? 100.0 : 20.0
    for (x, y) in zip(d.features, d.labels) {
      // Grid sampling: every coordinate is 2πk/count.
      if features <= 3 { for v in x { let k = v / (2 * .pi) * count; #expect(abs(k - k.rounded()) < 1e-9) } }
      #expect(x.allSatisfy { $0 >= 0 && $0 < 2 * .pi })
      let e = try AdHocGenerator.expectation(x, vr: vr, vi: vi)
      #expect(abs(e) > gap)
      #expect((e > 0) == (y == 1))
    }
  }

  @Test func haarUnitaryIsUnitary() {
    var rng = SeededGenerator(seed: 5)
    let (vr, vi) = AdHocGenerator.haarUnitary(dimension: 8, &rng)
    for a in 0..<8 {
      for b in 0..<8 {
        var re = 0.0, im = 0.0  // (V V†)_{ab}
        for k in 0..<8 {
          re += vr[a][k] * vr[b][k] + vi[a][k] * vi[b][k]
          im += vi[a][k] * vr[b][k] - vr[a][k] * vi[b][k]
        }
        #expect(abs(re - (a == b ? 1 : 0)) < 1e-12 && abs(im) < 1e-12)
      }
    }
  }

  /// The simulated feature-map state equals the analytic U(x) H U(x) H |0>.
  @Test func featureMapMatchesAnalyticState() throws {
    let x = [0.4, 2.1]
    var s = try StateVector(qubits: 2)
    try s.apply(AdHocGenerator.circuit(x))
    func phase(_ b: Int) -> Double {
      let z0: Double = b & 1 == 0 ? 1 : -1, z1: Double = b & 2 == 0 ? 1 : -1
      return x[0] * z0 + x[1] * z1 + (Double.pi - x[0]) * (Double.pi - x[1]) * z0 * z1
    }
    // |ψ1> = U H|00> = (1/2) Σ e^{iφ(b)} |b>; then H⊗H and U again.
    var amp = [(Double, Double)](repeating: (0, 0), count: 4)
    for c in 0..<4 {
      var re = 0.0, im = 0.0
      for b in 0..<4 {
        let sign: Double = (b & c).nonzeroBitCount % 2 == 0 ? 1 : -1
        re += sign * cos(phase(b)) / 4
        im += sign * sin(phase(b)) / 4
      }
      let p = phase(c)
      amp[c] = (re * cos(p) - im * sin(p), re * sin(p) + im * cos(p))
    }
    // Equal up to a global phase: compare |<analytic|simulated>| = 1.
    var ore = 0.0, oim = 0.0
    for c in 0..<4 {
      ore += amp[c].0 * s.re[c] + amp[c].1 * s.im[c]
      oim += amp[c].0 * s.im[c] - amp[c].1 * s.re[c]
    }
    #expect(abs((ore * ore + oim * oim).squareRoot() - 1) < 1e-12)
  }

  @Test func impossibleGapIsAnError() {
    #expect(throws: DataError.self) {
      try DatasetGenerator.make("adhoc", samples: 10, parameters: ["gap": 1.0], seed: 1)
    }
  }
}
