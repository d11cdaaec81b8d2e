import Testing
@testable import ReportKit

@Suite struct MarkupDocumentTests {
  static let hostile = [
    "<script>alert(1)</script>", "a & b", "&amp; stays literal", "\"double\" and 'single'", "</p><p onclick=x>",
    "]]> <!-- not a comment -->", "naïve → ∞ ✓",
  ]

  @Test("text is escaped by libxml2 and round-trips", arguments: hostile)
  func textEscaping(_ text: String) throws {
    let doc = try MarkupDocument.parseHTML("<!DOCTYPE html><html><body><p data-slot='x'></p></body></html>")
    let p = try #require(doc.slot("x"))
    p.setText(text)
    let html = try doc.serialize()
    #expect(!html.contains("<script>"))
    #expect(!html.contains("onclick=x>"))
    let back = try MarkupDocument.parseHTML(html)
    #expect(try back.select("//script").isEmpty)
    #expect(try #require(back.slot("x")).textContent == text)
  }

  @Test("a <script> hypothesis comes out as &lt;script&gt;")
  func scriptIsText() throws {
    let doc = try MarkupDocument.parseHTML("<html><body><div id='h'></div></body></html>")
    try #require(try doc.select("//*[@id='h']").first).appendText("<script>alert(1)</script>")
    let html = try doc.serialize()
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
  }

  @Test("attribute values are quoted by libxml2 and round-trip", arguments: hostile)
  func attributeQuoting(_ value: String) throws {
    let doc = MarkupDocument.html()
    let body = try #require(doc.root).append("body")
    body.append("a", ["href": "x.html", "title": value], text: "link")
    let html = try doc.serialize()
    let back = try MarkupDocument.parseHTML(html)
    let a = try #require(try back.select("//a").first)
    #expect(a.attribute("title") == value)
    #expect(a.attribute("href") == "x.html")
    #expect(try back.select("//a").count == 1)
    #expect(a.attribute("onclick") == nil)
  }

  @Test func quotesInAttributesAreQuotedByLibxml2() throws {
    // libxml2 switches to single quotes for a value holding only double quotes, and escapes
    // double quotes as &quot; when the value holds both kinds.
    let doc = MarkupDocument.html()
    let body = try #require(doc.root).append("body")
    body.append("span", ["title": "say \"hi\""])
    body.append("i", ["title": "\"a\" 'b'"])
    let html = try doc.serialize()
    #expect(html.contains("<span title='say \"hi\"'>"))
    #expect(html.contains("<i title=\"&quot;a&quot; 'b'\">"))
  }

  @Test func html5DoctypeReplacesHTML4() throws {
    let html4 = "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" \"http://www.w3.org/TR/html4/strict.dtd\">"
      + "<html><body><p>x</p></body></html>"
    let out = try MarkupDocument.parseHTML(html4).serialize()
    #expect(out.hasPrefix("<!DOCTYPE html>\n"))
    #expect(!out.contains("W3C"))
    #expect(try MarkupDocument.parseHTML("<p>no doctype</p>").serialize().hasPrefix("<!DOCTYPE html>"))
    #expect(try MarkupDocument.html().serialize().hasPrefix("<!DOCTYPE html>"))
  }

  @Test func xpathFindsSlotsAndRelativeNodes() throws {
    let doc = try MarkupDocument.parseHTML("""
      <html><body><p data-slot="summary">s</p><ul id="l"><li>1</li><li>2</li></ul><ul><li>3</li></ul></body></html>
      """)
    #expect(try doc.select("//*[@data-slot='summary']").map(\.textContent) == ["s"])
    let list = try #require(try doc.select("//ul[@id='l']").first)
    #expect(try list.select(".//li").map(\.textContent) == ["1", "2"])
    #expect(try doc.select("//li").count == 3)
    #expect(try doc.select("//*[@data-slot='nothing']").isEmpty)
    #expect(doc.slot("bad' or '1'='1") == nil)
  }

  @Test func invalidXPathThrows() throws {
    let doc = MarkupDocument.html()
    #expect(throws: ReportError.self) { try doc.select("//*[") }
    #expect(throws: ReportError.self) { try doc.select("count(//p)") }
  }

  @Test func controlCharactersAreReplaced() throws {
    let doc = MarkupDocument.xml(root: "r")
    let root = try #require(doc.root)
    root.setText("a\u{1}b\0c\td")
    root.setAttribute("k", "x\u{7}y")
    let back = try MarkupDocument.parseXML(try doc.serialize())
    #expect(try #require(back.root).textContent == "a\u{FFFD}b\u{FFFD}c\td")
    #expect(try #require(back.root).attribute("k") == "x\u{FFFD}y")
  }

  @Test func xmlDocumentKeepsNamespace() throws {
    let doc = MarkupDocument.xml(root: "svg", namespace: "http://www.w3.org/2000/svg")
    try #require(doc.root).append("rect", ["width": "3"])
    let text = try doc.serialize()
    #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
    #expect(text.contains("<svg xmlns=\"http://www.w3.org/2000/svg\">"))
    let back = try MarkupDocument.parseXML(text)
    #expect(try #require(back.root).children.map(\.name) == ["rect"])
  }

  @Test func malformedXMLIsRejectedWithALine() throws {
    let error = #expect(throws: ReportError.self) { try MarkupDocument.parseXML("<a>\n<b></a>") }
    guard case .markup(let message) = error else { Issue.record("wrong error \(String(describing: error))"); return }
    #expect(message.contains("line 2"))
  }

  @Test func strictHTMLAcceptsHTML5ElementsAndRejectsErrorsWithALine() throws {
    let good = "<!DOCTYPE html>\n<html><body><main><section><figure><svg></svg></figure></section></main></body></html>"
    #expect(try MarkupDocument.parseHTML(good, strict: true).select("//section").count == 1)
    let stray = "<!DOCTYPE html>\n<html><body>\n<p>fine</p>\n</span>\n</body></html>"
    let error = #expect(throws: ReportError.self) { try MarkupDocument.parseHTML(stray, name: "t.html", strict: true) }
    #expect(error?.description.contains("t.html:4: Unexpected end tag : span") == true)
    let twice = "<html><body><p class='a' class='b'>x</p></body></html>"
    #expect(throws: ReportError.self) { try MarkupDocument.parseHTML(twice, strict: true) }
    // Lenient parsing (for reading pages back) still recovers.
    #expect(try MarkupDocument.parseHTML(stray).select("//p").count == 1)
  }

  @Test func elementKeepsItsDocumentAlive() throws {
    func make() -> MarkupElement {
      let doc = MarkupDocument.html()
      return doc.root!.append("body").append("p", text: "still here")
    }
    let p = make()
    #expect(p.textContent == "still here")
    #expect(p.parent?.name == "body")
  }

  @Test func cloneRemoveAndChildren() throws {
    let doc = try MarkupDocument.parseHTML("<html><body><ul><li data-row='r'><b>x</b></li></ul></body></html>")
    let template = try #require(try doc.select("//li").first)
    let copy = template.cloneBefore()
    copy.setAttribute("class", "c")
    template.remove()
    let items = try doc.select("//li")
    #expect(items.count == 1)
    #expect(items[0].attribute("class") == "c")
    #expect(items[0].children.map(\.name) == ["b"])
    items[0].removeChildren()
    #expect(items[0].textContent == "")
  }
}
