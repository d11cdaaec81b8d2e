@testable import ClaimRunner
import Foundation
import Testing

@Suite struct ContentHashTests {
  // References: Python's hashlib.sha256(struct.pack('<Q', len(part)) + part ...).hexdigest().
  @Test func isSHA256OfLengthPrefixedParts() {
    #expect(ContentHash.hex([Data("abc".utf8)]) == "ce91dc5eec0139adf091900d225971d6ad246a845bad791b5693a9d0d55dd391")
    #expect(ContentHash.hex([Data("ab".utf8), Data("c".utf8)])
      == "43ee655579de01ca739b3f95c1c2d3f46d353b2c0df818064ea594506cdb2617")
  }
}
