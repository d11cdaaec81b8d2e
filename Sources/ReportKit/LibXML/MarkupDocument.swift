import CLibXML2
import Foundation

/// An HTML or XML (SVG) document owned by libxml2, freed when the last reference goes.
///
/// The class owns its `xmlDocPtr` and frees it in `deinit`. Elements handed out are
/// non-owning views that keep the document alive. Text and attribute values are
/// stored as libxml2 text nodes, so escaping is libxml2's at serialisation time.
/// Not thread-safe: use one document from one task at a time.
public final class MarkupDocument {
  /// Whether the document serialises as HTML (with `<!DOCTYPE html>`) or as XML.
  public enum Kind: Sendable { case html, xml }

  let doc: xmlDocPtr
  /// How the document serialises.
  public let kind: Kind

  private init(doc: xmlDocPtr, kind: Kind) {
    self.doc = doc
    self.kind = kind
  }

  deinit { xmlFreeDoc(doc) }

  /// Parses HTML with libxml2's HTML parser, without network access.
  ///
  /// libxml2 2.9's HTML parser is HTML 4 era and recovers from everything. With `strict`, any
  /// error it reports (a stray end tag, a redefined attribute, bad characters) is thrown with its
  /// line, except "unknown tag", which it says of every HTML5 element (`<section>`, `<svg>`).
  /// - Throws: `ReportError.markup` when libxml2 returns no document, or (strict) reports an error.
  public static func parseHTML(_ text: String, name: String = "document.html", strict: Bool = false)
    throws(ReportError) -> MarkupDocument
  {
    if strict {
      let (document, errors) = _LibXML.collectingErrors { Result { () throws(ReportError) in try readHTML(text, name: name) } }
      let unknownTag = Int(XML_HTML_UNKNOWN_TAG.rawValue)
      let serious = errors.filter { $0.code != unknownTag && $0.level >= Int(XML_ERR_ERROR.rawValue) }
      if let first = serious.first {
        throw .markup(message: "\(name):\(first.line): \(first.message)")
      }
      return try document.get()
    }
    _LibXML.quiet()
    return try readHTML(text, name: name)
  }

  /// The HTML parse itself; error reporting is set up by the caller.
  private static func readHTML(_ text: String, name: String) throws(ReportError) -> MarkupDocument {
    let options = Int32(
      HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue)
    var bytes = Array(text.utf8)
    if bytes.isEmpty { bytes = Array("<html></html>".utf8) }
    let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
      buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
        htmlReadMemory($0, Int32(buf.count), name, "UTF-8", options)
      }
    }
    guard let parsed else { throw .markup(message: "\(name): libxml2 could not parse the HTML") }
    let document = MarkupDocument(doc: parsed, kind: .html)
    guard document.root != nil else { throw .markup(message: "\(name): no root element") }
    return document
  }

  /// Parses well-formed XML strictly (no recovery, no entities from the network).
  /// - Throws: `ReportError.markup` with libxml2's message and line.
  public static func parseXML(_ text: String, name: String = "document.xml") throws(ReportError)
    -> MarkupDocument
  {
    _LibXML.quiet()
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    let bytes = Array(text.utf8)
    let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
      guard let base = buf.baseAddress else { return nil }
      return base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
        xmlReadMemory($0, Int32(buf.count), name, "UTF-8", options)
      }
    }
    guard let parsed else { throw .markup(message: "\(name): \(_LibXML.lastError())") }
    return MarkupDocument(doc: parsed, kind: .xml)
  }

  /// A new HTML document with a root `<html>` element.
  public static func html() -> MarkupDocument {
    let doc = htmlNewDocNoDtD(nil, nil)!
    let document = MarkupDocument(doc: doc, kind: .html)
    let root = _LibXML.withXMLString("html") { xmlNewDocNode(doc, nil, $0, nil) }!
    xmlDocSetRootElement(doc, root)
    return document
  }

  /// A new XML document whose root element is `name` in namespace `namespace` (if any).
  public static func xml(root name: String, namespace: String? = nil) -> MarkupDocument {
    let doc = _LibXML.withXMLString("1.0") { xmlNewDoc($0) }!
    let document = MarkupDocument(doc: doc, kind: .xml)
    let root = _LibXML.withXMLString(name) { xmlNewDocNode(doc, nil, $0, nil) }!
    xmlDocSetRootElement(doc, root)
    if let namespace {
      let ns = _LibXML.withXMLString(namespace) { xmlNewNs(root, $0, nil) }
      xmlSetNs(root, ns)
    }
    return document
  }

  /// The root element, if any.
  public var root: MarkupElement? {
    xmlDocGetRootElement(doc).map { MarkupElement(node: $0, document: self) }
  }

  /// Elements matching an XPath 1.0 expression, evaluated from the document root.
  /// - Throws: `ReportError.xpath` when the expression does not compile or is not a node set.
  public func select(_ xpath: String) throws(ReportError) -> [MarkupElement] {
    try _LibXML.select(xpath, in: self, from: nil)
  }

  /// The first element with `data-slot="name"`, if any.
  public func slot(_ name: String) -> MarkupElement? {
    guard _LibXML.isPlainName(name) else { return nil }
    return try? select("//*[@data-slot='\(name)']").first
  }

  /// The document as text: HTML with `<!DOCTYPE html>` first, or XML with its declaration.
  /// - Throws: `ReportError.markup` when libxml2 cannot serialise.
  public func serialize() throws(ReportError) -> String {
    var memory: UnsafeMutablePointer<xmlChar>? = nil
    var size: Int32 = 0
    switch kind {
    case .html:
      _LibXML.setHTML5Doctype(doc)
      htmlDocDumpMemoryFormat(doc, &memory, &size, 0)
    case .xml:
      xmlDocDumpFormatMemoryEnc(doc, &memory, &size, "UTF-8", 1)
    }
    guard let memory else { throw .markup(message: "libxml2 could not serialise the document") }
    defer { qlift_xmlFree(memory) }
    let text = String(decoding: UnsafeBufferPointer(start: memory, count: Int(size)), as: UTF8.self)
    return text
  }
}
