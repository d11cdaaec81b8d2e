/// Seeded shot sampling straight from the amplitudes, with no probability array: the memory a
/// sample needs beyond the state is one double per shot plus one pair per outcome drawn.
extension StateVector {
  /// `shots` seeded draws from |amplitude|^2, as (basis index, count) in ascending index order,
  /// outcomes never drawn left out. The same draws and counts as
  /// `sampleDistribution(probabilities, shots:seed:)`, bit for bit: the total and the cumulative
  /// sums add |a_i|^2 in the same order; only the array of probabilities is not built.
  public func sampledOutcomes(shots: Int, seed: UInt64) -> [SampledOutcome] {
    re.withUnsafeBufferPointer { rb in
      im.withUnsafeBufferPointer { ib in
        let r = rb.baseAddress!, i = ib.baseAddress!
        return sortedUniformSample(count: dimension, shots: shots, seed: seed) { r[$0] * r[$0] + i[$0] * i[$0] }
      }
    }
  }

  /// `shots` seeded draws over the qubits `qubits` (outcome bit k = qubit `qubits[k]`), in
  /// ascending outcome order. Measuring every qubit in order samples the amplitudes directly;
  /// any other list first builds the 2^k-entry `marginal(qubits)` (k = `qubits.count`). Either
  /// way the counts equal `sampleDistribution` of the marginal of `probabilities`.
  public func sampledOutcomes(shots: Int, seed: UInt64, over qubits: [Int]) -> [SampledOutcome] {
    if Self.isEveryQubitInOrder(qubits, qubitCount) { return sampledOutcomes(shots: shots, seed: seed) }
    let distribution = marginal(qubits)
    return distribution.withUnsafeBufferPointer { p in
      sortedUniformSample(count: p.count, shots: shots, seed: seed) { p[$0] }
    }
  }

  /// True when `qubits` is 0, 1, ..., n-1: the marginal is the full distribution in index order.
  static func isEveryQubitInOrder(_ qubits: [Int], _ n: Int) -> Bool {
    qubits.count == n && qubits.enumerated().allSatisfy { $0.offset == $0.element }
  }
}

/// One outcome of a seeded sample and how many shots drew it.
public struct SampledOutcome: Sendable, Equatable {
  /// The outcome's index in the sampled distribution.
  public var index: Int
  /// Shots that drew it (at least 1).
  public var count: Int

  /// An outcome drawn `count` times.
  public init(index: Int, count: Int) {
    self.index = index
    self.count = count
  }
}

/// The sampler behind `sampleDistribution` and `StateVector.sampledOutcomes`: `shots` uniforms
/// scaled by the total, sorted, then matched against the running cumulative sum of
/// `probability(0..<count)` in one pass. Reads each probability twice (total, then cumulative
/// sum), always in ascending order and summed from 0, so any source of the same numbers gives
/// the same counts. Stops reading once every shot is placed.
@inline(__always)
func sortedUniformSample(
  count: Int, shots: Int, seed: UInt64, _ probability: (Int) -> Double
) -> [SampledOutcome] {
  precondition(shots >= 0, "shots must not be negative")
  var rng = SeededGenerator(seed: seed)
  var total = 0.0
  for i in 0..<count { total += probability(i) }
  var u = [Double](repeating: 0, count: shots)
  for s in 0..<shots { u[s] = rng.nextUnit() * total }
  u.sort()
  var out: [SampledOutcome] = []
  var cum = 0.0, k = 0
  for i in 0..<count where k < shots {
    cum += probability(i)
    var c = 0
    while k < shots && (u[k] < cum || i == count - 1) { c += 1; k += 1 }
    if c > 0 { out.append(SampledOutcome(index: i, count: c)) }
  }
  return out
}

/// `shots` seeded draws from the distribution `probs`, as (index, count) in ascending index
/// order: the same draws and counts as `sampleDistribution`, without building a dictionary.
public func sampledOutcomes(_ probs: [Double], shots: Int, seed: UInt64) -> [SampledOutcome] {
  probs.withUnsafeBufferPointer { p in sortedUniformSample(count: p.count, shots: shots, seed: seed) { p[$0] } }
}
