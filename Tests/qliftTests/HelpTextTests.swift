import Foundation
import Testing

/// The option blocks of a help text: each starts at a line indented by two spaces and a `-` or
/// `<`, and runs over its more deeply indented continuation lines.
private func optionBlocks(_ help: String) -> [String] {
  var blocks: [String] = []
  for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
    let starts = line.hasPrefix("  -") || line.hasPrefix("  <")
    if starts { blocks.append(String(line)) } else if line.hasPrefix("    "), !blocks.isEmpty {
      blocks[blocks.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
    }
  }
  return blocks
}

/// The repository root (for docs/SPEC.md).
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite struct HelpTextTests {
  static let commands = ["verify", "run", "accept", "merge", "kernel", "lint", "schema", "new", "report", "simulate",
                         "export-qasm", "import-counts"]

  @Test("no option states its default twice", arguments: commands)
  func noDoubledDefaults(_ command: String) throws {
    let r = try QliftProcess.run([command, "--help"])
    #expect(r.status == 0, "\(r.stderr)")
    let blocks = optionBlocks(r.stdout)
    #expect(!blocks.isEmpty, "\(r.stdout)")
    for b in blocks {
      let n = b.components(separatedBy: "(default:").count - 1
      #expect(n <= 1, "\(command): \(b)")
    }
  }

  @Test func runSaysItTakesFilesOrFolders() throws {
    let r = try QliftProcess.run(["run", "--help"])
    #expect(r.stdout.contains("Spec files or folders"), "\(r.stdout)")
    #expect(r.stdout.contains("USAGE: qlift run <paths> ..."), "\(r.stdout)")
    let verify = try QliftProcess.run(["verify", "--help"])
    #expect(verify.stdout.contains("(default: specs)") && verify.stdout.contains("(default: the number of cores)"))
  }

  @Test func kernelEntanglementAcceptsEveryValueSpecListsAndRingIsCircular() throws {
    let spec = try String(contentsOf: root.appendingPathComponent("docs/SPEC.md"), encoding: .utf8)
    let row = try #require(spec.split(separator: "\n").first { $0.hasPrefix("| `entanglement` |") })
    // Columns are separated by " | "; the values column separates its values by "\|".
    let column = row.components(separatedBy: " | ")[1]
    let values = column.components(separatedBy: "\\|").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " `")) }
    #expect(Set(values) == ["linear", "circular", "ring", "full"], "\(row)")
    let help = try QliftProcess.run(["kernel", "--help"]).stdout
    let dir = try QliftProcess.project()
    try "a,b,c\n0.1,0.2,0.3\n0.4,0.5,0.6\n0.7,0.8,0.9\n".write(to: dir.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
    var outputs: [String: String] = [:]
    for v in values {
      #expect(help.contains(v), "--entanglement help lacks \(v)")
      let r = try QliftProcess.run(["kernel", "--data", "d.csv", "--entanglement", v], cwd: dir)
      #expect(r.status == 0, "\(v): \(r.stderr)")
      outputs[v] = r.stdout
    }
    #expect(outputs["ring"] == outputs["circular"] && outputs["ring"] != outputs["linear"])
  }

  @Test func csvErrorsNameTheDelimiterAndTheNonNumericColumns() throws {
    let dir = try QliftProcess.project()
    try "a;b;c\n0.1;0.2;0.3\n".write(to: dir.appendingPathComponent("semi.csv"), atomically: true, encoding: .utf8)
    let r = try QliftProcess.run(["kernel", "--data", "semi.csv"], cwd: dir)
    #expect(r.status == 2)
    #expect(r.stderr.contains("delimiter ','") && r.stderr.contains("'a;b;c'") && r.stderr.contains("';'"), "\(r.stderr)")
    try "name,city\nx,y\n".write(to: dir.appendingPathComponent("text.csv"), atomically: true, encoding: .utf8)
    let t = try QliftProcess.run(["kernel", "--data", "text.csv"], cwd: dir)
    #expect(t.status == 2)
    #expect(t.stderr.contains("non-numeric column(s): name, city"), "\(t.stderr)")
  }
}
