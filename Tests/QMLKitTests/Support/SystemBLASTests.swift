import Foundation
import QuantumSim
import Testing

@testable import QMLKit

/// Tests whose subject is the system BLAS itself; they are skipped (with the reason) when the
/// machine has none, and the loader's own tests run everywhere.
private let haveBLAS = SystemBLAS.shared != nil
private let noBLAS: Comment =
  "no system BLAS loaded (not installed: apt-get install libopenblas0-pthread; or QLIFT_BLAS=off): BLAS comparison skipped"

@Suite struct SystemBLASTests {
  @Test("QLIFT_BLAS=off keeps the library unloaded and says so", arguments: ["off", "OFF", "0", "none"])
  func switchedOff(value: String) {
    let loaded = SystemBLAS.load(environment: ["QLIFT_BLAS": value])
    #expect(loaded.blas == nil)
    #expect(loaded.summary == "none (QLIFT_BLAS=\(value): portable kernels)")
  }

  @Test("the summary names the library found, or says there is none")
  func summary() {
    let loaded = SystemBLAS.load(environment: [:])
    if let blas = loaded.blas {
      #expect(loaded.summary == blas.description)
      #expect(blas.description.contains(blas.library))
      #expect(SystemBLAS.candidates.map(\.name).contains(blas.library))
    } else {
      #expect(loaded.summary == "none (portable kernels)")
    }
    // Any other value leaves the choice to the loader.
    #expect(SystemBLAS.load(environment: ["QLIFT_BLAS": "on"]).summary == loaded.summary)
  }

  @Test("the library's own thread pool is not started (its idle threads would spin on qlift's cores)")
  func noLibraryThreadPool() {
    guard let blas = SystemBLAS.shared else { return }
    #expect(String(cString: getenv("OPENBLAS_NUM_THREADS")) == "1")
    if let threads = blas.libraryThreads { #expect(threads == 1) }
  }

  @Test("the portable method never asks for the library; the automatic one only for wide states")
  func methodChoice() {
    #expect(GramMethod.portable.library(dimension: 1 << 12, bytes: 0) == nil)
    #expect(GramMethod.automatic.library(dimension: GramMethod.blasMinimumDimension / 2, bytes: 0) == nil)
    #expect(GramMethod.automatic.library(dimension: 1 << 12, bytes: 0) === SystemBLAS.shared)
    #expect(GramMethod.systemBLAS.library(dimension: 8, bytes: 0) === SystemBLAS.shared)
    #expect(GramMethod.systemBLAS.library(dimension: 1 << 12, bytes: GramMethod.blasMemoryLimit + 1) == nil)
  }

  /// `count` random interleaved complex rows of `length` amplitudes.
  private func rows(_ count: Int, _ length: Int, seed: UInt64) -> [Double] {
    var rng = SeededGenerator(seed: seed)
    return (0..<(2 * count * length)).map { _ in rng.nextGaussian() }
  }

  /// The full product S·T^H by plain loops (real, imaginary interleaved).
  private func reference(_ s: [Double], _ t: [Double], _ m: Int, _ n: Int, _ k: Int) -> [Double] {
    var c = [Double](repeating: 0, count: 2 * m * n)
    for i in 0..<m {
      for j in 0..<n {
        var re = 0.0, im = 0.0
        for p in 0..<k {
          let ar = s[2 * (i * k + p)], ai = s[2 * (i * k + p) + 1]
          let br = t[2 * (j * k + p)], bi = -t[2 * (j * k + p) + 1]
          re += ar * br - ai * bi
          im += ar * bi + ai * br
        }
        c[2 * (i * n + j)] = re
        c[2 * (i * n + j) + 1] = im
      }
    }
    return c
  }

  @Test(
    "zherk and zgemm equal plain loops; 1 and 2 threads give the same bits, run after run",
    .enabled(if: haveBLAS, noBLAS))
  func productsAndThreads() throws {
    let blas = try #require(SystemBLAS.shared)
    // Sizes past OpenBLAS's threading thresholds, none a multiple of its register blocks.
    let m = 203, n = 117, k = 1031
    let a = rows(m, k, seed: 1), b = rows(n, k, seed: 2)
    func gram(_ threads: Int) -> [Double] {
      var c = [Double](repeating: .nan, count: 2 * m * m)
      a.withUnsafeBufferPointer { s in
        c.withUnsafeMutableBufferPointer {
          blas.hermitianGram(s.baseAddress!, count: m, length: k, into: $0.baseAddress!, threads: threads)
        }
      }
      return c
    }
    func cross(_ threads: Int) -> [Double] {
      var c = [Double](repeating: .nan, count: 2 * m * n)
      a.withUnsafeBufferPointer { s in
        b.withUnsafeBufferPointer { t in
          c.withUnsafeMutableBufferPointer {
            blas.crossProduct(
              s.baseAddress!, rows: m, t.baseAddress!, columns: n, length: k, into: $0.baseAddress!, threads: threads)
          }
        }
      }
      return c
    }
    let g1 = gram(1), c1 = cross(1)
    let wantG = reference(a, a, m, m, k), wantC = reference(a, b, m, n, k)
    // Entries are sums of k products of unit Gaussians (size about 30).
    for i in 0..<m {
      for j in i..<m {
        #expect(abs(g1[2 * (i * m + j)] - wantG[2 * (i * m + j)]) < 1e-10)
        #expect(abs(g1[2 * (i * m + j) + 1] - wantG[2 * (i * m + j) + 1]) < 1e-10)
      }
    }
    #expect(zip(c1, wantC).allSatisfy { abs($0 - $1) < 1e-10 })
    func upper(_ c: [Double]) -> [UInt64] {
      var out: [UInt64] = []
      for i in 0..<m {
        for j in i..<m {
          out.append(c[2 * (i * m + j)].bitPattern)
          out.append(c[2 * (i * m + j) + 1].bitPattern)
        }
      }
      return out
    }
    // Entries whose bits differ from the first run's (a count, not the arrays, on failure).
    func differing(_ x: [UInt64], _ y: [UInt64]) -> Int { zip(x, y).filter { $0 != $1 }.count }
    let u1 = upper(g1), b1 = c1.map(\.bitPattern)
    for threads in [2, 1, 2] {
      #expect(differing(upper(gram(threads)), u1) == 0, "zherk on \(threads) thread(s)")
      #expect(differing(cross(threads).map(\.bitPattern), b1) == 0, "zgemm on \(threads) thread(s)")
    }
  }
}
