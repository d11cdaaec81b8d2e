import QuantumSim

/// Draws from Binomial(n, p) with `rng`: the number of successes among n independent shots.
///
/// Exact (n Bernoulli draws); p is clamped to [0, 1], so p = 1 always gives n.
/// - Complexity: O(n).
public func sampleBinomial(trials n: Int, probability p: Double, using rng: inout SeededGenerator) -> Int {
  precondition(n >= 0, "trials must not be negative")
  if !(p > 0) { return 0 }
  if p >= 1 { return n }
  var c = 0
  for _ in 0..<n where rng.nextUnit() < p { c += 1 }
  return c
}

/// A finite-shot estimate of an expectation value in [−1, 1] whose exact value is `exact`:
/// the ±1 outcome is +1 with probability (1 + exact)/2, so the estimate is 2k/n − 1.
public func estimateExpectation(_ exact: Double, shots n: Int, using rng: inout SeededGenerator) -> Double {
  precondition(n > 0, "shots must be positive")
  let k = sampleBinomial(trials: n, probability: (1 + exact) / 2, using: &rng)
  return 2 * Double(k) / Double(n) - 1
}
