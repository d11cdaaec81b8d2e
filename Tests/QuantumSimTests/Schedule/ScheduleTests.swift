import Foundation
import Testing

@testable import QuantumSim

/// The ASAP schedule: start times, idle windows, barriers, instantaneous virtual Z.
@Suite struct ScheduleTests {
  static let durations = GateDurations(oneQubit: 10, twoQubit: 50, instantaneous: [.rz])

  @Test func gatesStartWhenAllTheirQubitsAreFreeAndIdleWindowsAreRecorded() {
    var c = Circuit(qubits: 3)
    c.append(.sx, 0)
    c.append(.cz, 0, 1)
    c.append(.sx, 1)
    c.append(.rz, 0, parameters: [.value(0.3)])
    let s = Schedule(c, durations: Self.durations)
    #expect(s.start == [0, 10, 60, 60])
    #expect(s.duration == [10, 50, 10, 0])
    #expect(s.idleBefore[1] == [Schedule.Idle(qubit: 1, duration: 10)])
    #expect(s.idleBefore[2].isEmpty && s.idleBefore[3].isEmpty)
    #expect(s.length == 70)
    // q0 waits from 60 to 70, q1 is busy until 70, q2 never runs a gate: it idles throughout.
    #expect(s.idleAtEnd == [10, 0, 70])
  }

  @Test func aBarrierDelaysLaterGatesWithoutLosingTheIdleTimeBeforeIt() {
    var c = Circuit(qubits: 2)
    c.append(.sx, 0)
    c.append(.sx, 0)
    c.barrier([0, 1])
    c.append(.sx, 1)
    let s = Schedule(c, durations: Self.durations)
    #expect(s.start == [0, 10, 20])
    #expect(s.idleBefore[2] == [Schedule.Idle(qubit: 1, duration: 20)])
    #expect(s.idleAtEnd == [10, 0])
  }

  @Test func perQubitAndPerCouplerDurationsOverrideTheDefaults() {
    var d = Self.durations
    d.oneQubitByQubit = [1: 30]
    d.twoQubitByPair = [QubitCoupler(1, 0): 80]
    #expect(d.duration(of: Gate(.sx, [1])) == 30)
    #expect(d.duration(of: Gate(.sx, [0])) == 10)
    #expect(d.duration(of: Gate(.cz, [0, 1])) == 80)
    #expect(d.duration(of: Gate(.cz, [1, 2])) == 50)
    #expect(d.duration(of: Gate(.rz, [0], [.value(1)])) == 0)
  }
}
