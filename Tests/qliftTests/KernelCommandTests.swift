import Foundation
import Testing

/// Runs the built `qlift` binary (see `QliftProcess`).
private func runQlift(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
  try QliftProcess.run(arguments).tuple
}

private func writeTemp(_ name: String, _ text: String) throws -> String {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qlift-kernel-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  let url = dir.appendingPathComponent(name)
  try text.write(to: url, atomically: true, encoding: .utf8)
  return url.path
}

@Suite struct KernelCommandTests {
  /// Inputs and Qiskit's ZZ kernel (reps 2, linear) from `Fixtures/zz_kernels.json`.
  private func reference() throws -> (X: [[Double]], K: [[Double]]) {
    let url = try #require(Bundle.module.url(forResource: "zz_kernels", withExtension: "json", subdirectory: "Fixtures"))
    let obj = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    let X = try #require(obj["inputs"] as? [[Double]])
    let kernels = try #require(obj["kernels"] as? [String: [[Double]]])
    return (X, try #require(kernels["reps=2,entanglement=linear"]))
  }

  @Test("prints Qiskit's ZZ kernel as JSON, train-train and test-train")
  func matchesQiskit() throws {
    let (X, want) = try reference()
    let csv = "a,b,label,c,d\n" + X.map { r in "\(r[0]),\(r[1]),yes,\(r[2]),\(r[3])" }.joined(separator: "\n") + "\n"
    let path = try writeTemp("X.csv", csv)
    let r = try runQlift(["kernel", "--map", "zz", "--reps", "2", "--entanglement", "linear", "--data", path])
    #expect(r.status == 0, "\(r.stderr)")
    let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let K = try #require(obj["kernel"] as? [[Double]])
    #expect(K.count == X.count)
    for i in X.indices { for j in X.indices { #expect(abs(K[i][j] - want[i][j]) < 1e-10) } }

    let testCSV = "a,b,label,c,d\n" + X[0..<3].map { r in "\(r[0]),\(r[1]),no,\(r[2]),\(r[3])" }.joined(separator: "\n")
    let testPath = try writeTemp("Y.csv", testCSV)
    let t = try runQlift(["kernel", "--data", path, "--test", testPath, "--format", "json"])
    #expect(t.status == 0, "\(t.stderr)")
    let C = try #require((try JSONSerialization.jsonObject(with: Data(t.stdout.utf8)) as? [String: Any])?["kernel"] as? [[Double]])
    #expect(C.count == 3 && C[0].count == X.count)
    for i in 0..<3 { for j in X.indices { #expect(abs(C[i][j] - want[i][j]) < 1e-10) } }
  }

  @Test("shots are seeded and text format prints one row per line")
  func shotsAndText() throws {
    let (X, _) = try reference()
    let path = try writeTemp("X.csv", "a,b,c,d\n" + X.map { $0.map { "\($0)" }.joined(separator: ",") }.joined(separator: "\n"))
    let a = try runQlift(["kernel", "--data", path, "--shots", "256", "--seed", "3", "--format", "text"])
    let b = try runQlift(["kernel", "--data", path, "--shots", "256", "--seed", "3", "--format", "text"])
    #expect(a.status == 0 && a.stdout == b.stdout)
    let lines = a.stdout.split(separator: "\n")
    #expect(lines.count == X.count)
    #expect(lines[0].split(separator: " ").first == "1.0")
    let noisy = try runQlift(["kernel", "--data", path, "--noise", "depolarizing=0.01", "--reps", "1"])
    #expect(noisy.status == 0, "\(noisy.stderr)")
    let K = try #require((try JSONSerialization.jsonObject(with: Data(noisy.stdout.utf8)) as? [String: Any])?["kernel"] as? [[Double]])
    #expect(K[0][0] < 1 && K[0][0] > 0.8)
  }

  @Test("bad input exits 2 naming the file and line")
  func badInput() throws {
    let path = try writeTemp("bad.csv", "a,b\n0.1,0.2\n0.3,oops\n")
    let r = try runQlift(["kernel", "--data", path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("bad.csv:3"))
    #expect(r.stderr.contains("oops"))
    let ragged = try writeTemp("ragged.csv", "a,b\n0.1,0.2\n0.3\n")
    let g = try runQlift(["kernel", "--data", ragged])
    #expect(g.status == 2 && g.stderr.contains("ragged.csv:3"))
    let missing = try runQlift(["kernel", "--data", "/nonexistent/X.csv"])
    #expect(missing.status == 2 && missing.stderr.contains("/nonexistent/X.csv"))
    let good = try writeTemp("good.csv", "a,b\n0.1,0.2\n0.3,0.4\n")
    let badNoise = try runQlift(["kernel", "--data", good, "--noise", "depolarising=0.1"])
    #expect(badNoise.status == 2 && badNoise.stderr.contains("depolarising"))
    let badMap = try runQlift(["kernel", "--data", path, "--map", "zzz"])
    #expect(badMap.status == 2 && badMap.stderr.contains("zzz"))
  }

  @Test("--gram blas and portable agree to 1e-12 at 10 qubits; --verbose names the method; bad --gram exits 2")
  func gramMethods() throws {
    let X = (0..<12).map { i in (0..<10).map { k in abs(sin(Double(10 * i + k) * 12.9898)) * 3.14 } }
    let path = try writeTemp("X.csv", (0..<10).map { "f\($0)" }.joined(separator: ",") + "\n"
      + X.map { $0.map(\.description).joined(separator: ",") }.joined(separator: "\n"))
    func matrix(_ gram: String) throws -> (K: [[Double]], note: String) {
      let r = try runQlift(["kernel", "--data", path, "--reps", "1", "--gram", gram, "--verbose"])
      #expect(r.status == 0, "\(r.stderr)")
      let K = try #require((try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])?["kernel"] as? [[Double]])
      return (K, r.stderr)
    }
    let portable = try matrix("portable"), blas = try matrix("blas")
    #expect(portable.note.hasPrefix("qlift kernel: 12 x 12 fidelity; Gram: portable SIMD loops"))
    // Without an installed BLAS the blas method falls back to the same loops.
    #expect(blas.note.contains("Gram: OpenBLAS") || blas.note.contains("Gram: portable SIMD loops"), "\(blas.note)")
    for i in X.indices { for j in X.indices { #expect(abs(portable.K[i][j] - blas.K[i][j]) < 1e-12) } }
    // QLIFT_BLAS=off: the library is not loaded, and the same loops run, bit for bit.
    let off = try QliftProcess.run(
      ["kernel", "--data", path, "--reps", "1", "--gram", "blas", "--verbose"], environment: ["QLIFT_BLAS": "off"])
    #expect(off.status == 0 && off.stderr.contains("Gram: portable SIMD loops (system BLAS: none (QLIFT_BLAS=off"), "\(off.stderr)")
    let offK = try #require((try JSONSerialization.jsonObject(with: Data(off.stdout.utf8)) as? [String: Any])?["kernel"] as? [[Double]])
    #expect(offK.flatMap { $0 }.map(\.bitPattern) == portable.K.flatMap { $0 }.map(\.bitPattern))
    let bad = try runQlift(["kernel", "--data", path, "--gram", "fast"])
    #expect(bad.status == 2 && bad.stderr.contains("--gram"))
  }

  /// The output of the plain formatting loop the command used before it formatted in parallel:
  /// `description` of every entry, rows joined by ",\n " (JSON) or "\n" (text).
  private func plain(_ K: [[Double]], json: Bool) -> String {
    if !json { return K.map { $0.map { "\($0)" }.joined(separator: " ") }.joined(separator: "\n") + "\n" }
    var out = "{\"kernel\": ["
    for (r, row) in K.enumerated() {
      if r > 0 { out += ",\n " }
      out += "[" + row.map(\.description).joined(separator: ", ") + "]"
    }
    return out + "]}\n"
  }

  @Test("output bytes are the plain description loop's, JSON and text, train-train and test-train")
  func exactBytes() throws {
    // More than 64 x 64 entries, so the matrix is formatted on several threads.
    let X = (0..<90).map { i in (0..<4).map { k in abs(sin(Double(4 * i + k) * 12.9898)) * 3.14 } }
    let path = try writeTemp("X.csv", "a,b,c,d\n" + X.map { $0.map(\.description).joined(separator: ",") }.joined(separator: "\n"))
    let test = try writeTemp("T.csv", "a,b,c,d\n" + X[0..<5].map { $0.map(\.description).joined(separator: ",") }.joined(separator: "\n"))
    for extra in [[], ["--test", test], ["--kind", "projected"], ["--shots", "100"]] {
      let j = try runQlift(["kernel", "--data", path, "--format", "json"] + extra)
      #expect(j.status == 0, "\(j.stderr)")
      // Swift's own parser (correctly rounded; JSONSerialization is not on Linux) reads the numbers.
      let body = j.stdout.dropFirst("{\"kernel\": [[".count).dropLast("]]}\n".count)
      let K = body.components(separatedBy: "],\n [").map { $0.components(separatedBy: ", ").compactMap { Double($0) } }
      #expect(K.count == (extra.first == "--test" ? 5 : 90) && K.allSatisfy { $0.count == 90 }, "\(extra)")
      #expect(j.stdout == plain(K, json: true), "\(extra)")
      let t = try runQlift(["kernel", "--data", path, "--format", "text"] + extra)
      #expect(t.stdout == plain(K, json: false), "\(extra)")
    }
  }

  @Test("CSV: CRLF line ends, padding, quotes, Unicode spaces and trailing blank lines read as the plain file")
  func csvVariants() throws {
    let (X, _) = try reference()
    let rows = X.map { $0.map(\.description) }
    let clean = try writeTemp("clean.csv", "a,b,c,d\n" + rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n")
    let want = try runQlift(["kernel", "--data", clean])
    #expect(want.status == 0, "\(want.stderr)")
    let variants = [
      "a,b,c,d\r\n" + rows.map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n",
      " a ,\"b\",c,\td\n" + rows.map { "  \($0[0]),\t\($0[1]) ,\"\($0[2])\", \"\($0[3])\" " }.joined(separator: "\n") + "\n \n\t\n\n",
      "a,b,c,d\n" + rows.map { "\u{00A0}\($0[0])\u{3000},\($0[1]),\($0[2]),\($0[3])\u{2009}" }.joined(separator: "\n"),
      "name,a,b,c,d\n" + rows.map { "r\u{00E9}sum\u{00E9}," + $0.joined(separator: ",") }.joined(separator: "\n"),
    ]
    for (k, text) in variants.enumerated() {
      let r = try runQlift(["kernel", "--data", try writeTemp("v\(k).csv", text)])
      #expect(r.status == 0 && r.stdout == want.stdout, "variant \(k): \(r.stderr)")
    }
    // Header and first line are read the same way; an empty file and a header alone are errors.
    let empty = try runQlift(["kernel", "--data", try writeTemp("empty.csv", " \n\n")])
    #expect(empty.status == 2 && empty.stderr.contains("empty"))
    let header = try runQlift(["kernel", "--data", try writeTemp("header.csv", "a,b\r\n")])
    #expect(header.status == 2 && header.stderr.contains("header.csv:1"))
    let text = try runQlift(["kernel", "--data", try writeTemp("text.csv", "a,b\nx,y\n")])
    #expect(text.status == 2 && text.stderr.contains("no numeric column"))
    let blank = try runQlift(["kernel", "--data", try writeTemp("blank.csv", "a\n0.5\n\n0.25\n")])
    #expect(blank.status == 2 && blank.stderr.contains("blank.csv:3"))
  }
}
