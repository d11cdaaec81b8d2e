import Testing
@testable import ReportKit

@Suite struct ReflowTests {
  @Test func singleNewlinesJoinAndBlankLinesSplit() {
    let yaml = "On IQM Garnet's 20-qubit lattice the SWAPs\n  push the circuit past its bound.\n\nSecond paragraph\nwraps too.\n"
    #expect(Reflow.paragraphs(yaml) == ["On IQM Garnet's 20-qubit lattice the SWAPs push the circuit past its bound.",
                                         "Second paragraph wraps too."])
    #expect(Reflow.paragraphs("one line") == ["one line"])
    #expect(Reflow.paragraphs("\n\n").isEmpty)
  }
}
