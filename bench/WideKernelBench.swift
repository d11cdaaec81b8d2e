import Foundation
import QMLKit
import QuantumSim

// Issue 20: wide ZZ fidelity kernels (d = 12, 14, 16 qubits, N = 400), the Gram matrix formed
// by the system BLAS (cblas_zherk / cblas_zgemm, when installed) and by the portable SIMD
// loops, on 1 thread and on every core; and the state width from which the BLAS wins
// (the crossover `GramMethod.blasMinimumDimension` is set from). `qlift-bench quantum` runs it
// after the B2 table; `qlift-bench quantum-wide` runs it alone.

enum WideKernelBenchmark {
  /// Seconds for one train-train matrix (reps 2, linear, inputs uniform in [0, pi]): the minimum
  /// wall-clock over `repeats` runs after a warm-up, and the minimum process CPU seconds.
  private static func time(_ X: [[Double]], _ method: GramMethod, threads: Int, repeats: Int) throws -> (
    wall: Double, cpu: Double
  ) {
    var kernel = QuantumKernel(encoding: PauliFeatureMap.zz(reps: 2, entanglement: .linear), threads: threads)
    kernel.gramMethod = method
    let r = try BenchClock.repeated(repeats) { _ = try kernel.trainMatrix(X) }
    return (r.min, r.cpuMin)
  }

  private static func inputs(_ n: Int, _ d: Int) -> [[Double]] {
    var rng = SeededGenerator(seed: UInt64(d * 1000 + n))
    return (0..<n).map { _ in (0..<d).map { _ in rng.nextUnit() * .pi } }
  }

  static func run() {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    print("BLAS: \(SystemBLAS.summary)")
    guard SystemBLAS.shared != nil else {
      print("(no system BLAS: both columns would be the portable loops; install libopenblas0-pthread)")
      return
    }
    print("")
    print("Wide ZZ fidelity kernel Gram matrix (reps 2, linear), N = 400, whole trainMatrix (states + Gram),")
    print("seconds: wall min (CPU min); min of 3 after a warm-up (d = 16: of 1)")
    print(
      "| d | BLAS 1 thread | portable 1 thread | BLAS \(cores) threads | portable \(cores) threads | Qiskit (peers.md) | BLAS \(cores)t vs Qiskit |"
    )
    print("|---|---|---|---|---|---|---|")
    for d in [12, 14, 16] {
      let X = inputs(400, d), repeats = d >= 16 ? 1 : 3
      do {
        let b1 = try time(X, .systemBLAS, threads: 1, repeats: repeats)
        let p1 = try time(X, .portable, threads: 1, repeats: repeats)
        let bn = try time(X, .systemBLAS, threads: cores, repeats: repeats)
        let pn = try time(X, .portable, threads: cores, repeats: repeats)
        let qiskit = d == 12 ? String(format: "%.3f | %.0fx", 3.001, 3.001 / bn.wall) : "- | -"
        print(
          String(
            format: "| %d | %.4f (%.4f) | %.4f (%.4f) | %.4f (%.4f) | %.4f (%.4f) | %@ |", d, b1.wall, b1.cpu, p1.wall, p1.cpu,
            bn.wall, bn.cpu, pn.wall, pn.cpu, qiskit))
      } catch {
        print("| \(d) | error: \(error) |")
      }
      fflush(nil)
    }

    print("")
    print("Crossover: N = 400, 1 thread, whole trainMatrix, wall min of 3 (`.automatic` uses the BLAS from")
    print("\(GramMethod.blasMinimumDimension) amplitudes)")
    print("| d | amplitudes | BLAS | portable | portable / BLAS |")
    print("|---|---|---|---|---|")
    for d in [6, 7, 8, 9, 10, 11] {
      let X = inputs(400, d)
      do {
        let b = try time(X, .systemBLAS, threads: 1, repeats: 3), p = try time(X, .portable, threads: 1, repeats: 3)
        print(String(format: "| %d | %d | %.4f | %.4f | %.2f |", d, 1 << d, b.wall, p.wall, p.wall / b.wall))
      } catch {
        print("| \(d) | error: \(error) |")
      }
    }
  }
}
