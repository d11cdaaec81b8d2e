import Foundation
import Testing

private func qlift(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
  let candidates = [Bundle.module.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL.deletingLastPathComponent()]
    .map { $0.appendingPathComponent("qlift") }
  let exe = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
  let p = Process()
  p.executableURL = exe
  p.arguments = arguments
  let out = Pipe(), err = Pipe()
  p.standardOutput = out
  p.standardError = err
  try p.run()
  let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
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
