import Foundation
import Numerics
import Testing

@testable import QuantumSim

@Suite("DensityMatrix scratch helpers")
struct DensityMatrixScratchTests {
  /// A seeded random circuit over every gate kind, whose parametric gates use symbol
  /// expressions (a symbol, a scaled symbol plus a constant, a sum of two symbols).
  static func symbolicCircuit(qubits n: Int, gates count: Int, seed: UInt64) -> (Circuit, [Double]) {
    var rng = SeededGenerator(seed: seed)
    // The device-native kinds (prx, gpi, gpi2) are left out so the seeds keep their circuits;
    // NativeCompilerTests covers them on the density matrix.
    let kinds = GateKind.allCases.filter { $0.arity <= n && ![.prx, .gpi, .gpi2].contains($0) }
    var c = Circuit(qubits: n)
    let symbols = (0..<4).map { c.symbol("s\($0)") }
    for _ in 0..<count {
      let kind = kinds[Int(rng.next() % UInt64(kinds.count))]
      var g = DMSupport.randomGate(kind, qubits: n, rng: &rng)
      g.parameters = g.parameters.enumerated().map { i, a in
        switch (i + Int(rng.next() % 3)) % 3 {
        case 0: return symbols[Int(rng.next() % 4)]
        case 1: return 0.7 * symbols[Int(rng.next() % 4)] + a
        default: return symbols[Int(rng.next() % 4)] + symbols[Int(rng.next() % 4)]
        }
      }
      c.append(g)
    }
    let bindings = (0..<4).map { _ in (rng.nextUnit() * 2 - 1) * .pi }
    return (c, bindings)
  }

  static func noiseModels() throws -> [NoiseModel?] {
    var gateNoise = NoiseModel()
    try gateNoise.add(.depolarizing(0.03))
    try gateNoise.add(.depolarizing2(0.05), after: [.cx, .cz, .rzz, .swap])
    try gateNoise.add(.amplitudeDamping(gamma: 0.02), on: [0, 2])
    try gateNoise.add(.phaseDamping(lambda: 0.04), after: [.h, .rx, .ry, .rz])
    gateNoise.setReadout(try ReadoutError(0.05))
    var readoutOnly = NoiseModel()
    readoutOnly.setReadout(try ReadoutError(0.1))
    return [nil, NoiseModel(), readoutOnly, gateNoise]
  }

  /// The noisy state by dense matrices: every gate as U ρ U† on the full register (three-qubit
  /// gates decomposed when there is gate noise), then each attached channel as Σ K ρ K†.
  static func denseReference(_ circuit: Circuit, _ bindings: [Double], _ noise: NoiseModel?) -> [Complex<Double>] {
    let n = circuit.qubitCount, d = 1 << n
    var rho = [Complex<Double>](repeating: .zero, count: d * d)
    rho[0] = .one
    let model = noise?.hasGateNoise == true ? noise : nil
    for gate in circuit.gates {
      for part in model != nil && gate.kind.arity > 2 ? GateDecomposition.decompose(gate) : [gate] {
        let u = DMSupport.expand(GateMatrices.full(part, part.parameters.map { $0.evaluate(bindings) }), on: part.qubits, n: n)
        rho = DMSupport.matmul(DMSupport.matmul(u, rho, d), DMSupport.dagger(u, d), d)
        model?.forEachChannel(after: part) { channel, qubits in
          rho = DMSupport.applyKraus(channel.operators, on: qubits, to: rho, n: n)
        }
      }
    }
    return rho
  }

  @Test("gate-by-gate apply(_:bindings:noise:) equals dense U ρ U† and Kraus sums (ccx, cswap decomposed under noise)",
        arguments: 0..<6)
  func gateByGateMatchesDenseReference(seed: Int) throws {
    let n = 3 + seed % 2
    let (circuit, bindings) = Self.symbolicCircuit(qubits: n, gates: 30, seed: UInt64(seed) + 40)
    #expect(circuit.gates.contains { $0.kind.arity == 3 })
    for noise in try Self.noiseModels() {
      var stepped = try DensityMatrix(qubits: n)
      bindings.withUnsafeBufferPointer { b in
        for g in circuit.gates { stepped.apply(g, bindings: b, noise: noise) }
      }
      let reference = Self.denseReference(circuit, bindings, noise)
      var worst = 0.0
      for r in 0..<(1 << n) {
        for c in 0..<(1 << n) { worst = max(worst, (stepped[r, c] - reference[r * (1 << n) + c]).length) }
      }
      #expect(worst < 1e-12, "noise \(String(describing: noise)): max difference \(worst)")
    }
  }

  @Test("reset returns to |0...0><0...0| and assign copies into the existing storage")
  func resetAndAssign() throws {
    let (circuit, bindings) = Self.symbolicCircuit(qubits: 3, gates: 20, seed: 9)
    let noise = try Self.noiseModels().last!
    let source = try DensityMatrix(circuit, bindings: bindings, noise: noise)
    var scratch = try DensityMatrix(qubits: 3)
    let address = scratch._vec.re.withUnsafeBufferPointer { $0.baseAddress }
    scratch.assign(from: source)
    #expect(scratch == source)
    #expect(scratch._vec.re.withUnsafeBufferPointer { $0.baseAddress } == address)
    // The copy owns its storage: changing it leaves the source alone.
    scratch.apply(Gate(.x, [0]), parameters: GateParameters(repeating: 0))
    #expect(scratch != source)
    #expect(source == (try DensityMatrix(circuit, bindings: bindings, noise: noise)))
    scratch.reset()
    #expect(scratch == (try DensityMatrix(qubits: 3)))
    #expect(scratch._vec.re.withUnsafeBufferPointer { $0.baseAddress } == address)
  }
}
