import QuantumSim

/// Squared Schmidt coefficients (descending, summing to the state's norm²) of a pure state across
/// the cut between qubits 0..<k and k..<n, from the eigenvalues of the reduced density matrix of
/// the smaller side. That Hermitian matrix H = R + iI is diagonalised as the real symmetric
/// [[R, −I], [I, R]], whose spectrum is H's with every eigenvalue twice.
/// - Precondition: 0 < k < n.
public func schmidtSpectrum(_ state: StateVector, cut k: Int) -> [Double] {
  let n = state.qubitCount
  precondition(k > 0 && k < n, "a cut lies between qubits: 0 < k < \(n), got \(k)")
  let dA = 1 << k, dB = 1 << (n - k)
  // M[a][b] = ψ[a + dA·b]; reduce onto the smaller side.
  let leftSmall = dA <= dB
  let d = leftSmall ? dA : dB, other = leftSmall ? dB : dA
  @inline(__always) func index(_ small: Int, _ big: Int) -> Int { leftSmall ? small + dA * big : big + dA * small }
  let re = state.re, im = state.im
  var embedded = [Double](repeating: 0, count: 4 * d * d)
  let w = 2 * d
  for i in 0..<d {
    for j in i..<d {
      var sr = 0.0, si = 0.0  // Σ_o ψ[i, o] · conj(ψ[j, o])
      for o in 0..<other {
        let p = index(i, o), q = index(j, o)
        sr += re[p] * re[q] + im[p] * im[q]
        si += im[p] * re[q] - re[p] * im[q]
      }
      embedded[i * w + j] = sr; embedded[j * w + i] = sr
      embedded[(i + d) * w + j + d] = sr; embedded[(j + d) * w + i + d] = sr
      embedded[(i + d) * w + j] = si; embedded[(j + d) * w + i] = -si
      embedded[i * w + j + d] = -si; embedded[j * w + i + d] = si
    }
  }
  let values = SymmetricEigen.decompose(rowMajor: embedded, n: w, vectors: false).values
  return stride(from: 0, to: w, by: 2).map { max(values[$0], 0) }
}
