import Foundation
import Numerics
import Testing
@testable import QuantumSim

/// The streaming sampler and marginals: the same draws, counts and sums as the probability-array
/// path they replace (kept here verbatim as the reference).
@Suite struct StatevectorSamplingTests {
  /// `sampleDistribution` as it was before sampling was streamed (a dictionary over a probability array).
  func legacySample(_ probs: [Double], shots: Int, seed: UInt64) -> [Int: Int] {
    var rng = SeededGenerator(seed: seed)
    let total: Double = probs.reduce(0.0) { $0 + $1 }
    var u = (0..<shots).map { _ in rng.nextUnit() * total }
    u.sort()
    var counts: [Int: Int] = [:]
    var cum = 0.0, k = 0
    for (i, p) in probs.enumerated() {
      cum += p
      var c = 0
      while k < u.count && (u[k] < cum || i == probs.count - 1) { c += 1; k += 1 }
      if c > 0 { counts[i] = c }
    }
    return counts
  }

  /// The marginal `qlift simulate` took of the probability array before it was streamed.
  func legacyMarginal(_ probs: [Double], qubits: [Int]) -> [Double] {
    if qubits == Array(0..<qubits.count) && probs.count == 1 << qubits.count { return probs }
    var out = [Double](repeating: 0, count: 1 << qubits.count)
    for (i, p) in probs.enumerated() where p != 0 {
      var j = 0
      for (k, q) in qubits.enumerated() where (i >> q) & 1 == 1 { j |= 1 << k }
      out[j] += p
    }
    return out
  }

  /// A random state, with some amplitudes zeroed when `sparse` (zero-probability outcomes, a zero tail).
  func state(_ n: Int, seed: UInt64, sparse: Bool) -> StateVector {
    var s = SVReference.randomState(n, seed: seed)
    if sparse {
      var rng = SeededGenerator(seed: seed &+ 1000)
      for i in 0..<s.dimension where rng.nextUnit() < 0.5 || i >= s.dimension * 3 / 4 { s.re[i] = 0; s.im[i] = 0 }
      s.re[0] = 0.3
    }
    return s
  }

  func dictionary(_ outcomes: [SampledOutcome]) -> [Int: Int] {
    var d: [Int: Int] = [:]
    for o in outcomes { d[o.index] = o.count }
    return d
  }

  @Test("sampling from the amplitudes draws exactly what sampling the probability array drew", arguments: 1...9)
  func sameCountsAsTheProbabilityArray(n: Int) {
    for seed: UInt64 in 0..<12 {
      let s = state(n, seed: seed * 31 + UInt64(n), sparse: seed % 3 == 0)
      for shots in [1, 7, 1000, 4099] {
        let outcomes = s.sampledOutcomes(shots: shots, seed: seed)
        let reference = legacySample(s.probabilities, shots: shots, seed: seed)
        #expect(dictionary(outcomes) == reference, "n \(n) seed \(seed) shots \(shots)")
        #expect(s.sample(shots: shots, seed: seed) == reference)
        #expect(sampleDistribution(s.probabilities, shots: shots, seed: seed) == reference)
        #expect(outcomes.map(\.index) == outcomes.map(\.index).sorted())
        #expect(outcomes.allSatisfy { $0.count > 0 })
        #expect(outcomes.reduce(0) { $0 + $1.count } == shots)
      }
    }
  }

  @Test("marginals from the amplitudes equal the probability-array sums exactly", arguments: 1...8)
  func marginalsEqualTheProbabilityArraySums(n: Int) {
    var rng = SeededGenerator(seed: UInt64(n))
    for trial in 0..<10 {
      let s = state(n, seed: UInt64(100 * n + trial), sparse: trial % 2 == 0)
      var all = Array(0..<n)
      all.shuffle(using: &rng)
      let k = trial == 0 ? n : Int(rng.next() % UInt64(n + 1))
      let qubits = Array(all.prefix(k))
      let reference = legacyMarginal(s.probabilities, qubits: qubits)
      #expect(s.marginal(qubits) == reference, "qubits \(qubits)")
      for seed: UInt64 in 0..<4 {
        let outcomes = s.sampledOutcomes(shots: 500, seed: seed, over: qubits)
        #expect(dictionary(outcomes) == legacySample(reference, shots: 500, seed: seed), "qubits \(qubits) seed \(seed)")
      }
    }
  }

  @Test("marginal of 14 qubits (past the 12-bit low table) over high, low and mixed qubits")
  func marginalAcrossTheTableSplit() {
    let s = state(14, seed: 5, sparse: false)
    for qubits in [[13], [0], [12, 3], [11, 13, 0, 7], Array((0..<14).reversed()), Array(0..<14)] {
      #expect(s.marginal(qubits) == legacyMarginal(s.probabilities, qubits: qubits), "\(qubits)")
    }
  }

  @Test func sampledOutcomesOfAnArrayMatchSampleDistribution() {
    let p = [0.1, 0, 0.4, 0, 0, 0.5, 0, 0]
    for seed: UInt64 in 0..<8 {
      #expect(dictionary(sampledOutcomes(p, shots: 300, seed: seed)) == legacySample(p, shots: 300, seed: seed))
    }
    #expect(sampledOutcomes(p, shots: 0, seed: 1).isEmpty)
    #expect(sampledOutcomes([], shots: 5, seed: 1).isEmpty)
  }
}
