import Testing

@testable import QuantumSim

/// `NoiseModel.Parameters`: the typed figures both the `--noise` parser and device profiles build.
@Suite struct NoiseModelParametersTests {
  @Test func parametersBuildTheSameModelAsTheSpecificationString() throws {
    let text = "t1=145us,t2=88us,gate_time_1q=24ns,gate_time_2q=84ns,gate_error_1q=2.3e-4,gate_error_2q=3.9e-3,readout=0.0076"
    let typed = try NoiseModel(parameters: .init(
      readout: 0.0076, t1: 145e-6, t2: 88e-6, gateTime1q: 24e-9, gateTime2q: 84e-9, gateError1q: 2.3e-4, gateError2q: 3.9e-3))
    #expect(try NoiseModel(specification: text) == typed)
    let plain = try NoiseModel(parameters: .init(depolarizing: 0.01, amplitudeDamping: 0.02, readout: 0.03))
    #expect(try NoiseModel(specification: "depolarizing=0.01,amplitude_damping=0.02,readout=0.03") == plain)
  }

  @Test func noiselessGatesGetNoChannelsAndErrorsNameTheKey() throws {
    let m = try NoiseModel(parameters: .init(depolarizing: 0.01, phaseDamping: 0.02, noiselessGates: NoiseModel.virtualZGates))
    var touched: [GateKind] = []
    for kind in [GateKind.rz, .sx, .cz] {
      m.forEachChannel(after: Gate(kind, kind.arity == 1 ? [0] : [0, 1], kind == .rz ? [0.3] : [])) { _, _ in touched.append(kind) }
    }
    #expect(!touched.contains(.rz) && touched.contains(.sx) && touched.contains(.cz))
    #expect(m == m.sparing(NoiseModel.virtualZGates))
    #expect(throws: NoiseError.self) { try NoiseModel(parameters: .init(t1: 1e-4)) }
    do {
      _ = try NoiseModel(parameters: .init(readout: 1.5))
      Issue.record("readout 1.5 accepted")
    } catch let e as NoiseError {
      #expect(e.key == "readout")
    }
  }
}
