import CLibXML2

/// A non-owning view of one element of a `MarkupDocument`; it keeps its document alive.
///
/// Every text and attribute value goes in as a libxml2 text node, so `<script>` in a value
/// comes out as `&lt;script&gt;`: escaping is libxml2's, never string concatenation.
public struct MarkupElement {
  let node: xmlNodePtr
  /// The document this element belongs to.
  public let document: MarkupDocument

  init(node: xmlNodePtr, document: MarkupDocument) {
    self.node = node
    self.document = document
  }

  /// The element's tag name.
  public var name: String { _LibXML.string(node.pointee.name) ?? "" }

  /// Appends a new child element and returns it.
  /// - Parameters:
  ///   - name: the tag name (letters, digits, '-' or ':' only; anything else is a programmer error).
  ///   - attributes: attribute name/value pairs, in order.
  ///   - text: optional text content.
  @discardableResult
  public func append(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil)
    -> MarkupElement
  {
    precondition(_LibXML.isPlainName(name), "invalid element name \(name)")
    let child = _LibXML.withXMLString(name) { xmlNewDocNode(document.doc, nil, $0, nil) }!
    xmlAddChild(node, child)
    let element = MarkupElement(node: child, document: document)
    for (key, value) in attributes { element.setAttribute(key, value) }
    if let text { element.appendText(text) }
    return element
  }

  /// Appends a text node holding `text` verbatim (libxml2 escapes it when serialising).
  ///
  /// NUL and other C0 control characters (except tab, newline, return) are not allowed in
  /// XML 1.0 and are replaced by U+FFFD.
  public func appendText(_ text: String) {
    let clean = _LibXML.sanitized(text)
    let textNode = _LibXML.withXMLString(clean) { xmlNewDocText(document.doc, $0) }!
    xmlAddChild(node, textNode)
  }

  /// Replaces all children with one text node.
  public func setText(_ text: String) {
    removeChildren()
    appendText(text)
  }

  /// Sets (or replaces) an attribute; the value is stored verbatim and quoted by libxml2.
  public func setAttribute(_ name: String, _ value: String) {
    precondition(_LibXML.isPlainName(name), "invalid attribute name \(name)")
    let clean = _LibXML.sanitized(value)
    _ = _LibXML.withXMLString(name) { n in _LibXML.withXMLString(clean) { v in xmlSetProp(node, n, v) } }
  }

  /// Removes an attribute if present.
  public func removeAttribute(_ name: String) {
    _ = _LibXML.withXMLString(name) { xmlUnsetProp(node, $0) }
  }

  /// The value of an attribute, or nil.
  public func attribute(_ name: String) -> String? {
    guard let value = _LibXML.withXMLString(name, { xmlGetProp(node, $0) }) else { return nil }
    defer { qlift_xmlFree(value) }
    return _LibXML.string(value)
  }

  /// The concatenated text of this element and its descendants.
  public var textContent: String {
    guard let value = xmlNodeGetContent(node) else { return "" }
    defer { qlift_xmlFree(value) }
    return _LibXML.string(value) ?? ""
  }

  /// Adds a class name to the `class` attribute.
  public func addClass(_ name: String) {
    let current = attribute("class") ?? ""
    setAttribute("class", current.isEmpty ? name : current + " " + name)
  }

  /// Child elements (text and comments skipped), in order.
  public var children: [MarkupElement] {
    var result: [MarkupElement] = []
    var child = node.pointee.children
    while let c = child {
      if c.pointee.type == XML_ELEMENT_NODE { result.append(MarkupElement(node: c, document: document)) }
      child = c.pointee.next
    }
    return result
  }

  /// The parent element, if any.
  public var parent: MarkupElement? {
    guard let p = node.pointee.parent, p.pointee.type == XML_ELEMENT_NODE else { return nil }
    return MarkupElement(node: p, document: document)
  }

  /// Elements matching an XPath 1.0 expression evaluated with this element as the context node
  /// (use `.//` for descendants).
  /// - Throws: `ReportError.xpath` when the expression does not compile or is not a node set.
  public func select(_ xpath: String) throws(ReportError) -> [MarkupElement] {
    try _LibXML.select(xpath, in: document, from: node)
  }

  /// A deep copy of this element inserted right before it; returns the copy.
  @discardableResult
  public func cloneBefore() -> MarkupElement {
    let copy = xmlDocCopyNode(node, document.doc, 1)!
    xmlAddPrevSibling(node, copy)
    return MarkupElement(node: copy, document: document)
  }

  /// Removes every child node and frees it.
  public func removeChildren() {
    while let child = node.pointee.children {
      xmlUnlinkNode(child)
      xmlFreeNode(child)
    }
  }

  /// Unlinks this element and frees it. The view (and any view of a descendant) must not be used after.
  public func remove() {
    xmlUnlinkNode(node)
    xmlFreeNode(node)
  }
}
