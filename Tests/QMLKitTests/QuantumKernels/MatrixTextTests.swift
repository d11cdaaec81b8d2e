import Foundation
import QuantumSim
import Testing

@testable import QMLKit

@Suite struct MatrixTextTests {
  static let layouts: [MatrixText.Layout] = [
    .json(key: "kernel"), .json(key: "kernel", terminator: "\n"), .lines(), .lines(terminator: "\n"),
  ]

  /// Values whose descriptions are unusual: integers ("1.0"), exponents ("1e-05", "5e-324"),
  /// signed zeros, the extremes, and the non-finite ones.
  static let special: [Double] = [
    1.0, 0.0, -0.0, 1e-05, 5e-324, -5e-324, 0.1, 1.0 / 3, 2.0 / 3, 0.5, 1e16, 1.2345678901234567e-300,
    .leastNormalMagnitude, -.leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
    .ulpOfOne, 1 - .ulpOfOne / 2, 1 + .ulpOfOne, 123456789012345680000, 1e-7, 9.999999999999999e22,
    .infinity, -.infinity, .nan, -.nan,
  ]

  /// Checks the fast bytes against the plain loop, serially and on several threads.
  private func check(_ K: Matrix, sourceLocation: SourceLocation = #_sourceLocation) {
    for layout in Self.layouts {
      let want = Array(MatrixText.reference(K, layout).utf8)
      for threads in [1, 2, 3] {
        let got = MatrixText.render(K, layout, threads: threads)
        #expect(got == want, "threads \(threads), \(K.rows)x\(K.columns)", sourceLocation: sourceLocation)
      }
      #expect(MatrixText.render(K, layout) == want, sourceLocation: sourceLocation)
      // Blocks of one row, of a few rows, of rows that do not fill them.
      for blockBytes in [1, 100, 5000] {
        var got: [UInt8] = []
        var blocks = 0
        MatrixText.write(K, layout, threads: 2, blockBytes: blockBytes) {
          got.append(contentsOf: $0)
          blocks += 1
        }
        #expect(got == want, "blocks of \(blockBytes) bytes", sourceLocation: sourceLocation)
        #expect(blocks >= 1 && blocks <= max(1, K.rows), sourceLocation: sourceLocation)
      }
    }
  }

  @Test("JSON and text layouts are the command's historical format")
  func layout() {
    let K = Matrix([[1, 0.5], [0.5, 1e-05]])
    #expect(MatrixText.reference(K, .json(key: "kernel")) == "{\"kernel\": [[1.0, 0.5],\n [0.5, 1e-05]]}")
    #expect(MatrixText.reference(K, .lines()) == "1.0 0.5\n0.5 1e-05")
    #expect(String(decoding: MatrixText.render(K, .json(key: "kernel", terminator: "\n")), as: UTF8.self)
      == "{\"kernel\": [[1.0, 0.5],\n [0.5, 1e-05]]}\n")
  }

  @Test("special values, symmetric and not, every shape including empty ones")
  func specialValues() {
    let s = Self.special
    // Symmetric: every special value on both sides of the diagonal and on it.
    let n = s.count
    var sym = Matrix(rows: n, columns: n)
    for i in 0..<n { for j in 0...i { sym[i, j] = s[(i + j) % n]; sym[j, i] = s[(i + j) % n] } }
    check(sym)
    // Mirror entries that compare equal but differ in bits (signed zeros, NaN payloads) are
    // each formatted from their own bits.
    var almost = sym
    almost[3, 1] = 0.0
    almost[1, 3] = -0.0
    almost[5, 2] = .nan
    almost[2, 5] = -.nan
    check(almost)
    check(Matrix((0..<3).map { r in (0..<n).map { s[($0 + r) % n] } }))
    check(Matrix([s]))
    check(Matrix(s.map { [$0] }))
    check(Matrix(rows: 0, columns: 0))
    check(Matrix(rows: 0, columns: 4))
    check(Matrix(rows: 3, columns: 0))
    check(Matrix([[5e-324]]))
  }

  @Test("random matrices of random bit patterns and of kernel-like values")
  func randomValues() {
    var rng = SeededGenerator(seed: 8)
    // Any 64-bit pattern: every exponent, subnormals, NaNs and infinities.
    let bits = (0..<150).map { _ in (0..<150).map { _ in Double(bitPattern: rng.next()) } }
    check(Matrix(bits))
    // A symmetric kernel-like matrix with a unit diagonal, as `qlift kernel` prints.
    let n = 120
    var K = Matrix(rows: n, columns: n)
    for i in 0..<n {
      K[i, i] = 1
      for j in 0..<i {
        let v = Double.random(in: 0..<1, using: &rng) * (Bool.random(using: &rng) ? 1 : 1e-6)
        K[i, j] = v
        K[j, i] = v
      }
    }
    check(K)
    // Test-train shape: more columns than rows.
    check(Matrix((0..<7).map { _ in (0..<61).map { _ in Double.random(in: 0...1, using: &rng) } }))
  }

  @Test("an entry's streamed text is its description: two million doubles, every binade, NaNs")
  func streamedTextIsDescription() {
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: MatrixText.slotSize)
    defer { buffer.deallocate() }
    func streamed(_ x: Double) -> String {
      var slot = MatrixText.Slot(start: buffer)
      MatrixText.formatDescription(x, into: &slot)
      return String(decoding: UnsafeBufferPointer(start: buffer, count: slot.count), as: UTF8.self)
    }
    var checked = 0, mismatches: [Double] = []
    func check(_ x: Double) {
      checked += 1
      if streamed(x) != x.description, mismatches.count < 10 { mismatches.append(x) }
    }
    Self.special.forEach(check)
    // NaNs with payloads and signs, and signalling NaNs: "nan" like `description`.
    for payload: UInt64 in [1, 2, 0x4_0000_0000_0000, 0x7_FFFF_FFFF_FFFF] {
      check(Double(bitPattern: 0x7FF0_0000_0000_0000 | payload))
      check(Double(bitPattern: 0xFFF0_0000_0000_0000 | payload))
    }
    check(.signalingNaN)
    // Every power of two and its neighbours, subnormals included.
    var p = Double.leastNonzeroMagnitude
    while p.isFinite {
      for x in [p, p.nextUp, p.nextDown, -p, 3 * p, p / 3] { check(x) }
      p *= 2
    }
    var rng = SeededGenerator(seed: 2024)
    for _ in 0..<1_000_000 { check(Double(bitPattern: rng.next())) }  // any bits
    for _ in 0..<1_000_000 { check(Double.random(in: 0..<1, using: &rng)) }  // kernel values
    #expect(checked > 2_000_000)
    #expect(mismatches.isEmpty, "\(mismatches.map(\.bitPattern))")
  }
}
