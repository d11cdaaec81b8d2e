import Foundation
import Testing

@testable import QuantumSim

/// Idle qubits relax over their schedule windows (analytic values), and the Heisenberg picture
/// agrees with the state picture under idle relaxation.
@Suite struct IdleRelaxationTests {
  static func model(t1: Double, t2: Double) throws -> NoiseModel {
    var m = NoiseModel()
    m.setIdleRelaxation(try IdleRelaxation(durations: GateDurations(oneQubit: 1, twoQubit: 5, instantaneous: [.rz]), t1: t1, t2: t2))
    return m
  }

  @Test func anExcitedQubitDecaysOverTheTimeItWaitsForTheOthers() throws {
    // q0 is excited at t = 1 and then waits while q1 runs three more gates (until t = 4).
    var c = Circuit(qubits: 2)
    c.append(.x, 0)
    for _ in 0..<4 { c.append(.x, 1) }
    let rho = try DensityMatrix(c, noise: try Self.model(t1: 10, t2: 10))
    let p = rho.marginal([0])
    #expect(abs(p[1] - exp(-3.0 / 10)) < 1e-12)
    // q1 ran gates back to back: no idle window, no decay (gate noise is not part of this model).
    #expect(abs(rho.marginal([1])[0] - 1) < 1e-12)
  }

  @Test func coherenceOfAWaitingQubitDecaysWithT2() throws {
    var c = Circuit(qubits: 2)
    c.append(.h, 0)
    c.append(.x, 1)
    c.append(.x, 1)
    c.append(.x, 1)
    let rho = try DensityMatrix(c, noise: try Self.model(t1: 1e9, t2: 4))
    // ⟨X⟩ on q0 = e^{−2/T2} after 2 time units of waiting (T1 effectively infinite).
    #expect(abs(try rho.expectation(pauli: "IX") - exp(-2.0 / 4)) < 1e-6)
  }

  @Test func virtualZTakesNoTime() throws {
    var c = Circuit(qubits: 2)
    c.append(.x, 0)
    for _ in 0..<5 { c.append(.rz, 1, parameters: [.value(0.1)]) }
    let rho = try DensityMatrix(c, noise: try Self.model(t1: 10, t2: 10))
    #expect(abs(rho.marginal([0])[1] - 1) < 1e-12)
  }

  @Test func heisenbergPictureMatchesTheStatePictureUnderIdleRelaxation() throws {
    var c = Circuit(qubits: 3)
    c.append(.h, 0); c.append(.cx, 0, 1); c.append(.ry, 2, parameters: [.value(0.7)]); c.append(.x, 0); c.append(.cz, 1, 2); c.append(.sx, 1); c.append(.rz, 2, parameters: [.value(0.4)]); c.append(.h, 2)
    let noise = try Self.model(t1: 20, t2: 15)
    let rho = try DensityMatrix(c, noise: noise)
    var observable = try DensityMatrix(qubits: 3)  // |000⟩⟨000| as an observable
    try observable.applyHeisenberg(c, noise: noise)
    let zero = try DensityMatrix(qubits: 3)
    #expect(abs(zero.traceProduct(observable) - rho.probabilities[0]) < 1e-12)
  }

  @Test func t2AboveTwiceT1IsRefused() {
    #expect(throws: NoiseError.self) {
      _ = try IdleRelaxation(durations: GateDurations(oneQubit: 1, twoQubit: 1), t1: 1, t2: 3)
    }
  }

  @Test func anOverflowingScheduleIsAnInputErrorNotATrap() throws {
    // q0 waits while q1 runs two gates of 1e308: the window is infinite.
    var c = Circuit(qubits: 2)
    c.append(.x, 0)
    c.append(.x, 1)
    c.append(.x, 1)
    var m = NoiseModel()
    m.setIdleRelaxation(try IdleRelaxation(durations: GateDurations(oneQubit: 1e308, twoQubit: 1e308), t1: 1, t2: 1))
    #expect(throws: NoiseError.self) { _ = try DensityMatrix(c, noise: m) }
  }
}
