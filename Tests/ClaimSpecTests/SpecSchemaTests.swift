import ClaimSpec
import Foundation
import Testing

@Suite struct SpecSchemaTests {
  func verdicts() throws -> (schemaValid: Bool, examples: [String: Bool]) {
    let url = try fixtureURL("schema/verdicts.json")
    let obj = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    return (try #require(obj["schema_is_valid"] as? Bool), try #require(obj["examples"] as? [String: Bool]))
  }

  @Test("the schema is valid JSON, draft 2020-12, and lists the top-level keys")
  func shape() throws {
    let text = SpecSchema.jsonString()
    let obj = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(obj["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    let props = try #require(obj["properties"] as? [String: Any])
    #expect(Set(props.keys) == ["claim", "title", "task", "hypothesis", "dataset", "quantum", "baselines", "backends", "seeds", "criteria", "expect"])
    let defs = try #require(obj["$defs"] as? [String: Any])
    #expect(defs["backend"] != nil && defs["encoding"] != nil && defs["criteria"] != nil)
    #expect(defs["generativeDataset"] != nil && defs["bornMachine"] != nil && defs["generativeBaseline"] != nil)
  }

  @Test("the checked-in schema fixture is the schema qlift prints (regenerate with gen_schema_verdicts.py)")
  func fixtureCurrent() throws {
    let stored = try JSONSerialization.jsonObject(with: Data(contentsOf: fixtureURL("schema/spec.schema.json"))) as? NSDictionary
    let current = try JSONSerialization.jsonObject(with: Data(SpecSchema.jsonString().utf8)) as? NSDictionary
    #expect(stored != nil && stored == current)
  }

  @Test("python-jsonschema (draft 2020-12) and the loader agree on every example")
  func agreesWithJSONSchema() throws {
    let (schemaValid, examples) = try verdicts()
    #expect(schemaValid)
    #expect(examples.count >= 15)
    for (name, valid) in examples.sorted(by: { $0.key < $1.key }) {
      #expect(name.hasPrefix("valid/") == valid, "\(name): jsonschema says \(valid)")
      let text = try String(contentsOf: fixtureURL("schema/\(name)"), encoding: .utf8)
      do {
        _ = try SpecLoader.load(yaml: text, file: name)
        #expect(valid, "\(name) loaded but jsonschema rejects it")
      } catch {
        #expect(!valid, "\(name) rejected by the loader: \(error)")
      }
    }
  }
}
