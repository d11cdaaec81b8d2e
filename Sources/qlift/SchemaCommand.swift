import ArgumentParser
import ClaimSpec

/// `qlift schema`: prints the JSON Schema (draft 2020-12) of the spec format for editors.
struct SchemaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Print the JSON Schema (draft 2020-12) of the spec format.",
    discussion: "Point an editor's YAML language server at the output to validate and complete specs."
  )

  func run() throws {
    print(SpecSchema.jsonString())
  }
}
