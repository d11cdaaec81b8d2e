import Foundation
import QuantumSim
import Testing

@testable import QMLKit

@Suite struct BornMachineTests {
  private func noisyBackend() throws -> QuantumBackend {
    var noise = NoiseModel()
    try noise.add(.depolarizing(0.02), after: [.rx, .rz])
    try noise.add(.depolarizing2(0.05), after: [.cx])
    noise.setReadout(try ReadoutError(p1Given0: 0.02, p0Given1: 0.05))
    return .noisy(noise, shots: nil)
  }

  @Test("the ansatz has n(3d + 1) angles, Liu & Wang's layer shapes, and normalized probabilities")
  func ansatz() throws {
    let a = try BornMachineAnsatz(qubits: 4, depth: 2, pairs: .ring)
    let c = a.circuit
    #expect(a.parameterCount == 28 && c.symbols.count == 28)
    #expect(c.gates.filter { $0.kind == .cx }.count == 8)
    #expect(c.gates.first?.kind == .rx && c.gates.last?.kind == .rx)
    let m = BornMachine(ansatz: a)
    var rng = SeededGenerator(seed: 1)
    let theta = (0..<28).map { _ in rng.nextUnit() * 6 }
    for backend in [QuantumBackend.ideal, try noisyBackend()] {
      let p = try m.probabilities(theta, backend: backend)
      #expect(abs(p.reduce(0, +) - 1) < 1e-12 && p.allSatisfy { $0 >= -1e-15 })
    }
    #expect(throws: ModelError.self) { try BornMachineAnsatz(qubits: 3, depth: 0) }
    #expect(throws: ModelError.self) { try m.probabilities([0], backend: .ideal) }
  }

  @Test("the parameter-shift MMD gradient equals central finite differences (ideal and noisy)")
  func gradientMatchesFiniteDifferences() throws {
    let m = BornMachine(ansatz: try BornMachineAnsatz(qubits: 3, depth: 2))
    let kernel = try MMDKernel()
    let data = try GenerativeTarget.cardinality(n: 3, k: 1).distribution().probabilities
    var rng = SeededGenerator(seed: 7)
    let theta = (0..<m.parameterCount).map { _ in (2 * rng.nextUnit() - 1) * .pi }
    for backend in [QuantumBackend.ideal, try noisyBackend()] {
      let g = try m.gradient(theta, data: data, kernel: kernel, backend: backend, rng: &rng)
      let h = 1e-5
      for l in theta.indices {
        var tp = theta, tm = theta
        tp[l] += h
        tm[l] -= h
        let fd =
          (try m.loss(tp, data: data, kernel: kernel, backend: backend) - m.loss(tm, data: data, kernel: kernel, backend: backend))
          / (2 * h)
        #expect(abs(g[l] - fd) < 1e-6, "angle \(l): shift \(g[l]) vs finite difference \(fd)")
      }
    }
  }

  @Test("training lowers the MMD to 2x2 bars and stripes; shots are counted and seeded")
  func training() throws {
    let target = try GenerativeTarget.barsAndStripes(rows: 2, cols: 2).distribution()
    let m = BornMachine(ansatz: try BornMachineAnsatz(qubits: 4, depth: 2))
    let kernel = try MMDKernel()
    let trainer = BornMachineTrainer(iterations: 60, learningRate: 0.1)
    let out = try trainer.train(m, data: target.probabilities, kernel: kernel, backend: .ideal, seed: 3)
    let start = try m.loss(
      [Double](repeating: 0, count: m.parameterCount), data: target.probabilities, kernel: kernel, backend: .ideal)
    let last = try #require(out.losses.last)
    #expect(last < 0.1 * start, "MMD² \(last) after training vs \(start) at θ = 0")
    let counter = ExecutionCounter()
    let shotTrainer = BornMachineTrainer(iterations: 3, learningRate: 0.1)
    let a = try shotTrainer.train(m, data: target.probabilities, kernel: kernel, backend: .shots(100), seed: 5, counter: counter)
    let b = try shotTrainer.train(m, data: target.probabilities, kernel: kernel, backend: .shots(100), seed: 5)
    #expect(a.parameters == b.parameters)
    #expect(counter.circuitExecutions == 3 * (2 * m.parameterCount + 1))
    #expect(counter.totalShots == 100 * counter.circuitExecutions)
  }

  /// On a device backend the Born machine runs its compiled circuit: on a noiseless line the
  /// routed, native circuit gives the logical distribution (read at the final layout); with
  /// device noise the SWAPs a line needs make it differ from all-to-all coupling.
  @Test func onADeviceTheCompiledCircuitRunsAndIsReadAtItsFinalLayout() throws {
    let m = BornMachine(ansatz: try BornMachineAnsatz(qubits: 3, depth: 2, pairs: .ring))
    var rng = SeededGenerator(seed: 8)
    let theta = (0..<m.parameterCount).map { _ in rng.nextGaussian() }
    let logical = try m.probabilities(theta, backend: .ideal)
    let line = try NativeCompiler(gates: .czSX, coupling: .line(3))
    #expect(try line.compile(m.circuit, bindings: theta).swapsInserted > 0)
    let compiled = try m.probabilities(theta, backend: .device(line, NoiseModel(), shots: nil))
    #expect(zip(compiled, logical).allSatisfy { abs($0 - $1) < 1e-10 })
    let noise = try NoiseModel(parameters: NoiseModel.Parameters(depolarizing: 0.001, depolarizing2: 0.02))
    let onLine = try m.probabilities(theta, backend: .device(line, noise, shots: nil))
    let allToAll = try m.probabilities(theta, backend: .device(NativeCompiler(gates: .czSX), noise, shots: nil))
    let tv = 0.5 * zip(onLine, allToAll).map { abs($0 - $1) }.reduce(0, +)
    #expect(tv > 1e-3, "routing on the line changed the noisy distribution by \(tv)")
    #expect(abs(onLine.reduce(0, +) - 1) < 1e-12)
  }
}
