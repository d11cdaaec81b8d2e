import Foundation
import Testing

/// Runs the built `qlift` binary (see `QliftProcess`).
private func qlift(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
  try QliftProcess.run(arguments).tuple
}

@Suite struct SchemaCommandTests {
  @Test("qlift schema prints a draft 2020-12 JSON Schema and exits 0")
  func prints() throws {
    let r = try qlift(["schema"])
    #expect(r.status == 0)
    let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(obj["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    #expect((obj["required"] as? [String])?.contains("claim") == true)
    let defs = try #require(obj["$defs"] as? [String: Any])
    let backend = try #require(defs["backend"] as? [String: Any])
    #expect((backend["oneOf"] as? [Any])?.count == 3)
  }
}
