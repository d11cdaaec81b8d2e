import ClaimSpec
import Foundation

/// A cell's file in `cells/<claim>/`: what was computed, for which inputs (the claim's cache
/// key), where and how long it took. Written atomically with a SHA-256 checksum of its record;
/// a damaged file, or one computed for other inputs or by another qlift build, is never used.
struct CellRecord: Sendable, Codable {
  /// The record layout; a file with another one is recomputed.
  static let currentFormat = 1

  var format: Int
  var cell: CellID
  /// `SuiteRunner.cacheKey` of the claim when the cell ran (spec, data, device profiles, build).
  var cacheKey: String
  var specHash: String
  /// `RunEnvironment.machine` of the shard that ran it.
  var machine: String
  var started: String
  var finished: String
  var seconds: Double
  var payload: CellPayload

  /// The canonical JSON coders of cell records (sorted keys; ids kept as written).
  static func encoder() -> JSONEncoder {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys]
    e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return e
  }

  static func decoder() -> JSONDecoder {
    let d = JSONDecoder()
    d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return d
  }

  /// The file bytes: `{"checksum":"<sha-256 hex of the record bytes>","record":<record>}`.
  func fileData() throws -> Data {
    let body = try Self.encoder().encode(self)
    var out = Data("{\"checksum\":\"\(SHA256Digest.hex(of: body) ?? SHA256Digest.unmatchable())\",\"record\":".utf8)
    out.append(body)
    out.append(UInt8(ascii: "}"))
    return out
  }

  /// Decodes and verifies a cell file's bytes.
  /// - Throws: a reason (a verb phrase) when the file is damaged, edited or not a cell file.
  static func decode(_ data: Data) throws -> CellRecord {
    let prefix = Data("{\"checksum\":\"".utf8), middle = Data("\",\"record\":".utf8)
    let hexCount = 64
    guard data.count > prefix.count + hexCount + middle.count + 1, data.starts(with: prefix),
      data.subdata(in: prefix.count + hexCount..<prefix.count + hexCount + middle.count) == middle,
      data.last == UInt8(ascii: "}")
    else { throw Damaged(reason: data.isEmpty ? "is empty" : "is not a cell file (truncated or edited?)") }
    let stored = String(decoding: data.subdata(in: prefix.count..<prefix.count + hexCount), as: UTF8.self)
    let body = data.subdata(in: prefix.count + hexCount + middle.count..<data.count - 1)
    guard let actual = SHA256Digest.hex(of: body), actual == stored else {
      throw Damaged(reason: "fails its checksum (edited or damaged)")
    }
    do {
      return try decoder().decode(CellRecord.self, from: body)
    } catch {
      throw Damaged(reason: "is not a cell record of this qlift (\(error))")
    }
  }

  /// Why a cell file cannot be used.
  struct Damaged: Error, Sendable { var reason: String }
}
