import Foundation
import QMLKit
import QuantumSim

// Quantum-model benchmarks (issue 3), printed next to the peers' figures from peers.md
// (same machine kind): the ZZ feature-map Gram matrix (Qiskit FidelityStatevectorKernel)
// and variational-classifier training (PennyLane default.qubit, backprop + broadcasting).
// Call `runQuantumBenchmarks()` from main.swift.

/// Minimum and median wall-clock seconds over `repeats` runs after one warm-up, and the
/// minimum process CPU seconds (all threads; the steadier figure on a shared machine).
private func quantumBenchTime(repeats: Int, _ body: () throws -> Void) rethrows -> (min: Double, median: Double, cpu: Double) {
  let r = try BenchClock.repeated(repeats, body)
  return (r.min, r.median, r.cpuMin)
}

/// ZZ kernel Gram matrix (reps 2, linear, inputs uniform in [0, π]) for d = 4, 8, 12 and
/// N = 100, 200, 400, on one thread and on every core; and the variational-classifier
/// training run of peers.md B3 at d = 4 and 8.
func runQuantumBenchmarks() {
  let cores = ProcessInfo.processInfo.activeProcessorCount
  let qiskit: [Int: [Int: Double]] = [
    4: [100: 0.090, 200: 0.239, 400: 0.715], 8: [100: 0.170, 200: 0.402, 400: 1.062],
    12: [100: 0.383, 200: 0.917, 400: 3.001],
  ]
  print("B2 ZZ fidelity kernel Gram matrix (reps 2, linear), seconds (min of 3 after warm-up); BLAS: \(SystemBLAS.summary)")
  print("| d | N | qlift 1 thread (wall / CPU) | qlift \(cores) threads (wall) | Qiskit FidelityStatevectorKernel | speed-up (\(cores)t wall) |")
  print("|---|---|---|---|---|---|")
  for d in [4, 8, 12] {
    for n in [100, 200, 400] {
      var rng = SeededGenerator(seed: UInt64(d * 1000 + n))
      let X = (0..<n).map { _ in (0..<d).map { _ in rng.nextUnit() * .pi } }
      let enc = PauliFeatureMap.zz(reps: 2, entanglement: .linear)
      do {
        let one = try quantumBenchTime(repeats: 3) { _ = try QuantumKernel(encoding: enc, threads: 1).trainMatrix(X) }
        let all = try quantumBenchTime(repeats: 3) { _ = try QuantumKernel(encoding: enc, threads: cores).trainMatrix(X) }
        let q = qiskit[d]![n]!
        print(String(format: "| %d | %d | %.4f / %.4f | %.4f | %.3f | %.0fx |", d, n, one.min, one.cpu, all.min, q, q / all.min))
      } catch {
        print("| \(d) | \(n) | error: \(error) |")
      }
    }
  }

  print("")
  WideKernelBenchmark.run()

  print("")
  print("B3 variational classifier: ry encoding, 3 x (ry, rz, cz ring), <Z0>, squared loss, Adam 0.05,")
  print("100 samples, full batch, 50 iterations, adjoint gradients; seconds (min of 3 after warm-up)")
  print("| d | qlift 1 thread (wall / CPU) | qlift \(cores) threads (wall) | PennyLane default.qubit backprop+broadcast | speed-up (\(cores)t wall) | final loss |")
  print("|---|---|---|---|---|---|")
  let pennylane: [Int: Double] = [4: 0.80, 8: 4.72]
  for d in [4, 8] {
    var rng = SeededGenerator(seed: 3)
    let X = (0..<100).map { _ in (0..<d).map { _ in rng.nextUnit() * 2 * .pi - .pi } }
    let w = (0..<d).map { _ in rng.nextGaussian() }
    let y = X.map { x in zip(x, w).reduce(0) { $0 + $1.0 * $1.1 } > 0 ? 1 : 0 }
    func train(_ threads: Int) throws -> Double {
      var model = VariationalClassifier(
        encoding: AngleEncoding(rotation: .ry), ansatz: Ansatz(layout: .hardwareEfficient, layers: 3, pairs: .ring, entangler: .cz),
        readout: .z(0), loss: .squared, optimizer: .adam(learningRate: 0.05), iterations: 50, seed: 5, threads: threads)
      try model.fit(features: X, labels: y, classCount: 2)
      return model.trainingHistory.last!.loss
    }
    do {
      var loss = 0.0
      let one = try quantumBenchTime(repeats: 3) { loss = try train(1) }
      let all = try quantumBenchTime(repeats: 3) { _ = try train(cores) }
      let p = pennylane[d]!
      print(String(format: "| %d | %.3f / %.3f | %.3f | %.2f | %.1fx | %.4f |", d, one.min, one.cpu, all.min, p, p / all.min, loss))
    } catch {
      print("| \(d) | error: \(error) |")
    }
  }

  print("")
  print("B5 noisy ZZ kernel (d = 4, N = 100, reps 2, linear; depolarizing 0.001 after h and p, 0.01 after cx),")
  print("exact probabilities: naive compute-uncompute (N(N+1)/2 density-matrix runs) against the 2N")
  print("Heisenberg-picture method; seconds (min of 3)")
  do {
    var rng = SeededGenerator(seed: 55)
    let X = (0..<100).map { _ in (0..<4).map { _ in rng.nextUnit() * .pi } }
    var noise = NoiseModel()
    try noise.add(.depolarizing(0.001), after: [.h, .p])
    try noise.add(.depolarizing2(0.01), after: [.cx])
    let encoding = PauliFeatureMap.zz(reps: 2, entanglement: .linear)
    let kernel = QuantumKernel(encoding: encoding, backend: .noisy(noise, shots: nil))
    let encoded = try encoding.circuit(features: 4)
    var naive = Matrix(rows: 0, columns: 0), fast = naive
    let tn = try quantumBenchTime(repeats: 3) { naive = try kernel.noisyFidelity(encoded, X, nil, noise: noise) }
    let tf = try quantumBenchTime(repeats: 3) { fast = try kernel.noisyFidelityHeisenberg(encoded, X, nil, noise: noise) }
    let worst = zip(naive.values, fast.values).map { abs($0 - $1) }.max() ?? .nan
    print("| method | seconds (wall / CPU) | density-matrix runs |")
    print("|---|---|---|")
    print(String(format: "| naive compute-uncompute | %.3f / %.3f | %d |", tn.min, tn.cpu, 100 * 101 / 2))
    print(String(format: "| 2N Heisenberg picture | %.4f / %.4f | 200 |", tf.min, tf.cpu))
    print(String(format: "| Qiskit Aer density_matrix (peers.md) | 7.37 | 4,950 |"))
    print(String(format: "Largest difference between the two qlift matrices: %.2e; speed-up %.0fx.", worst, tn.min / tf.min))
  } catch {
    print("B5 error: \(error)")
  }
}
