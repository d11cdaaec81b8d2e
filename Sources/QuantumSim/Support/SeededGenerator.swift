import Foundation

/// A small, fast, seedable random number generator (xoshiro256**, seeded by SplitMix64),
/// so every random choice in qlift is reproducible from a seed on every platform.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var s0, s1, s2, s3: UInt64

  /// A generator whose whole stream is determined by `seed`.
  public init(seed: UInt64) {
    var x = seed
    func splitmix() -> UInt64 {
      x &+= 0x9E37_79B9_7F4A_7C15
      var z = x
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    s0 = splitmix(); s1 = splitmix(); s2 = splitmix(); s3 = splitmix()
  }

  public mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
    s2 ^= t
    s3 = (s3 << 45) | (s3 >> 19)
    return result
  }

  /// A uniform double in [0, 1).
  public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// A standard normal deviate (Box-Muller).
  public mutating func nextGaussian() -> Double {
    var u = nextUnit()
    while u <= 0 { u = nextUnit() }
    let v = nextUnit()
    return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
  }
}

