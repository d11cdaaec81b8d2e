import ClaimSpec
import Testing

@Suite struct ClaimCompletenessTests {
  @Test("the base spec states all five facts")
  func complete() throws {
    let claim = try SpecLoader.load(yaml: spec())
    #expect(ClaimCompleteness.check(claim).isEmpty)
    let facts = ClaimCompleteness.facts(of: claim)
    #expect(facts.missing.isEmpty)
    #expect(facts.encoding == "zz: zz (reps 2, linear)")
    #expect(facts.shots == "ideal: exact")
    #expect(facts.runtime == "bound 60 s")
  }

  @Test("no runtime bound is a missing fact, pointed at criteria.cost")
  func runtime() throws {
    let claim = try SpecLoader.load(yaml: spec([19: "  cost: {max_qubits: 4}"]), file: "c.yaml")
    let errors = ClaimCompleteness.check(claim)
    #expect(errors.count == 1)
    #expect(errors[0].kind == .incomplete && errors[0].field == "criteria.cost" && errors[0].line == 19)
    #expect(errors[0].message.contains("max_runtime_seconds"))
    #expect(ClaimCompleteness.facts(of: claim).missing == ["runtime"])
  }

  @Test("all-exact backends must say so with shots: exact")
  func unstatedShots() throws {
    let claim = try SpecLoader.load(yaml: spec([15: "  - {id: ideal, simulator: statevector}"]))
    let errors = ClaimCompleteness.check(claim)
    #expect(errors.count == 1 && errors[0].field == "backends" && errors[0].line == 14)
    #expect(errors[0].message.contains("shots: exact"))
    #expect(ClaimCompleteness.facts(of: claim).missing == ["shots"])
  }

  @Test("a device backend without shots is a missing fact even when another backend states shots")
  func deviceShots() throws {
    let claim = try SpecLoader.load(yaml: spec([15: "  - {id: ideal, simulator: statevector, shots: 100}\n  - {id: dev, device: ideal}"]))
    let errors = ClaimCompleteness.check(claim)
    #expect(errors.map(\.field) == ["backends[1]"])
    #expect(errors[0].line == 16)
  }
}
