@testable import ClaimRunner
import Foundation
import Testing

@Suite struct SHA256DigestTests {
  // FIPS 180-4 example vectors (NIST CSRC "Examples with Intermediate Values", SHA-256).
  @Test func matchesTheFIPSVectors() {
    #expect(SHA256Digest.hex(of: Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256Digest.hex(of: Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256Digest.hex(of: Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test func incrementalUpdatesEqualOneBlock() {
    let million = Data(repeating: UInt8(ascii: "a"), count: 1_000_000)
    var d = SHA256Digest()
    for start in stride(from: 0, to: million.count, by: 99_991) {
      d.update(million[start..<min(start + 99_991, million.count)])
    }
    // FIPS 180-2 appendix B.3: one million 'a'.
    #expect(d.hex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func theStandInMatchesNothing() {
    #expect(SHA256Digest.unmatchable() != SHA256Digest.unmatchable())
    #expect(SHA256Digest.unmatchable().count != 64)
  }
}
