import QuantumSim

/// The frequency spectrum of a Pauli-rotation encoding (Schuld, Sweke, Meyer 2021; Landman et al.
/// 2022, arXiv:2210.13200): the encoded state's density matrix, hence the fidelity kernel
/// k(x, x') for fixed x' and any model <ψ(x)|O|ψ(x)>, is a finite sum of cos and sin of ω · φ(x).
///
/// φ = (φ_1, ..., φ_F) are the encoding's distinct data functions. A rotation by a · φ_f(x)
/// about a Pauli generator has eigenvalues ±a/2, so each of its occurrences adds a · d with
/// d ∈ {−1, 0, +1} (differences of the two eigenvalues between ket and bra) to ω_f: ω_f ranges
/// over the sums Σ_g a_g d_g over the rotations g of φ_f, and ω over the Cartesian product.
/// When every φ_f is linear (angle, z, or pauli strings of one character) these are frequencies in
/// x; otherwise (the (π−x_i)(π−x_j) terms of zz, x_i·x_j of iqp) the model is a trigonometric
/// polynomial in the φ's, not in x, and the frequencies are over the φ features.
public struct EncodingSpectrum: Sendable {
  /// The distinct data functions, in circuit order of first use.
  public let functions: [DataFunction]
  /// Per function, the coefficients of its rotations (one per occurrence in the circuit).
  public let coefficients: [[Double]]

  /// Largest Cartesian frequency set `frequencies()` enumerates.
  public static let enumerationLimit = 2_000_000

  /// The spectrum of the rotations `rotations`, the encoding uploaded `uploads` times (data re-uploading).
  public init(rotations: [DataRotation], uploads: Int = 1) {
    var functions: [DataFunction] = []
    var coefficients: [[Double]] = []
    var index: [DataFunction: Int] = [:]
    for _ in 0..<max(uploads, 1) {
      for r in rotations where r.coefficient != 0 {
        if let k = index[r.function] {
          coefficients[k].append(r.coefficient)
        } else {
          index[r.function] = functions.count
          functions.append(r.function)
          coefficients.append([r.coefficient])
        }
      }
    }
    self.functions = functions
    self.coefficients = coefficients
  }

  /// The spectrum of `encoding` on `features` inputs, uploaded `uploads` times.
  /// - Throws: `ModelError.invalidHyperparameter` for an encoding that is not built from Pauli
  ///   rotations of data functions (amplitude, basis) or bad settings.
  public init(encoding: any Encoding, features: Int, uploads: Int = 1) throws {
    guard let f = encoding as? any FourierEncoding else {
      throw ModelError.invalidHyperparameter(
        "the \(encoding.name) encoding is not made of Pauli rotations of the data: it has no finite frequency spectrum to sample")
    }
    self.init(rotations: try f.dataRotations(features: features), uploads: uploads)
  }

  /// True when every data function is linear in x (the frequencies are then over x itself).
  public var isLinear: Bool { functions.allSatisfy(\.isLinear) }

  /// φ(x): the data functions evaluated at `x`.
  public func phi(_ x: [Double]) -> [Double] { functions.map { $0.value(x) } }

  /// The frequencies of function `f` with their multiplicities (how many ket/bra eigenvalue
  /// paths give them: 1, 2, 1 for one rotation), ascending, equal values merged.
  public func frequencies(ofFunction f: Int) -> [(frequency: Double, multiplicity: Double)] {
    var current: [(Double, Double)] = [(0, 1)]
    for a in coefficients[f] {
      var next: [(Double, Double)] = []
      for (w, m) in current {
        next.append((w - a, m))
        next.append((w, 2 * m))
        next.append((w + a, m))
      }
      next.sort { $0.0 < $1.0 }
      current = []
      for (w, m) in next {
        if let last = current.last, abs(last.0 - w) <= 1e-9 * max(1, abs(w)) {
          current[current.count - 1].1 += m
        } else {
          current.append((w, m))
        }
      }
    }
    return current.map { (frequency: $0.0, multiplicity: $0.1) }
  }

  /// Size of the full frequency set (the Cartesian product, ω and −ω both counted).
  public var count: Double {
    functions.indices.reduce(1.0) { $0 * Double(frequencies(ofFunction: $1).count) }
  }

  /// Every frequency vector ω up to sign: the zero vector first, then each pair {ω, −ω} once (the
  /// one whose first non-zero entry is positive). A model is a combination of 1 and
  /// cos(ω·φ), sin(ω·φ) over this list.
  /// - Throws: `ModelError.invalidHyperparameter` when the set exceeds `enumerationLimit`.
  public func frequencies() throws -> [[Double]] {
    guard count <= Double(Self.enumerationLimit) else {
      throw ModelError.invalidHyperparameter(
        "the frequency set has \(count) vectors, more than \(Self.enumerationLimit) to enumerate; sample it instead")
    }
    var all: [[Double]] = [[]]
    for f in functions.indices {
      let values = frequencies(ofFunction: f).map(\.frequency)
      all = all.flatMap { prefix in values.map { prefix + [$0] } }
    }
    let positive = all.filter { w in (w.first { $0 != 0 } ?? 0) > 0 }
    return [[Double](repeating: 0, count: functions.count)] + positive
  }

  /// `count` frequency vectors drawn independently with probability proportional to their
  /// multiplicity (each rotation's d drawn as −1, 0, +1 with probabilities 1/4, 1/2, 1/4), the zero
  /// vector redrawn (it is the intercept).
  /// - Throws: `ModelError.invalidHyperparameter` when the encoding has no data rotation.
  public func sample(_ count: Int, using rng: inout SeededGenerator) throws -> [[Double]] {
    guard !functions.isEmpty else {
      throw ModelError.invalidHyperparameter("the encoding has no data-dependent rotation to sample frequencies from")
    }
    var out: [[Double]] = []
    out.reserveCapacity(count)
    while out.count < count {
      let w = coefficients.map { coeffs in
        coeffs.reduce(0.0) { sum, a in
          switch rng.next() & 3 {
          case 0: return sum - a
          case 1: return sum + a
          default: return sum
          }
        }
      }
      if w.contains(where: { abs($0) > 1e-12 }) { out.append(w) }
    }
    return out
  }
}
