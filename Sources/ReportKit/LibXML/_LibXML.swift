import CLibXML2
import Foundation

/// Internal helpers around libxml2's C API: strings, XPath, errors, the doctype.
enum _LibXML {
  /// Calls `body` with `s` as a NUL-terminated `xmlChar` string.
  static func withXMLString<R>(_ s: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
    var bytes = Array(s.utf8)
    bytes.append(0)
    return bytes.withUnsafeBufferPointer { body($0.baseAddress!) }
  }

  /// A Swift string from a libxml2 string (nil stays nil).
  static func string(_ p: UnsafePointer<xmlChar>?) -> String? {
    guard let p else { return nil }
    return String(cString: p)
  }

  /// True for names made only of ASCII letters, digits, '-', '_', '.' and ':' (not empty).
  static func isPlainName(_ s: String) -> Bool {
    !s.isEmpty
      && s.utf8.allSatisfy { b in
        (b >= 0x30 && b <= 0x3A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D
          || b == 0x5F || b == 0x2E
      }
  }

  /// Replaces characters XML 1.0 forbids (C0 controls except tab, LF, CR) with U+FFFD.
  static func sanitized(_ s: String) -> String {
    if !s.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" }) {
      return s
    }
    var out = String.UnicodeScalarView()
    for scalar in s.unicodeScalars {
      if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" {
        out.append("\u{FFFD}")
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// Routes libxml2's error reports on this thread away from stderr (the last error stays readable).
  static func quiet() {
    xmlSetStructuredErrorFunc(nil) { _, _ in }
  }

  /// Errors libxml2 reported while `body` ran on this thread, as (line, code, message).
  final class ErrorLog {
    var entries: [(line: Int, code: Int, level: Int, message: String)] = []
  }

  /// Runs `body` collecting libxml2's structured error reports, then goes quiet again.
  static func collectingErrors<R>(_ body: () -> R) -> (R, [(line: Int, code: Int, level: Int, message: String)]) {
    let log = ErrorLog()
    let context = Unmanaged.passRetained(log).toOpaque()
    xmlSetStructuredErrorFunc(context) { context, error in
      guard let context, let error else { return }
      let log = Unmanaged<ErrorLog>.fromOpaque(context).takeUnretainedValue()
      let message = UnsafeRawPointer(error.pointee.message).map {
        String(cString: $0.assumingMemoryBound(to: CChar.self)).trimmingCharacters(in: .whitespacesAndNewlines)
      } ?? "unknown error"
      log.entries.append((Int(error.pointee.line), Int(error.pointee.code), Int(error.pointee.level.rawValue), message))
    }
    let result = body()
    quiet()
    Unmanaged<ErrorLog>.fromOpaque(context).release()
    return (result, log.entries)
  }

  /// libxml2's last error on this thread as "line N: message".
  static func lastError() -> String {
    guard let error = xmlGetLastError() else { return "unknown error" }
    let message = string(UnsafeRawPointer(error.pointee.message)?.assumingMemoryBound(to: xmlChar.self))?
      .trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown error"
    return error.pointee.line > 0 ? "line \(error.pointee.line): \(message)" : message
  }

  /// Replaces the document's DTD with the HTML5 doctype `<!DOCTYPE html>`.
  static func setHTML5Doctype(_ doc: xmlDocPtr) {
    if let dtd = xmlGetIntSubset(doc) {
      if let name = string(dtd.pointee.name), name.lowercased() == "html", dtd.pointee.ExternalID == nil,
        dtd.pointee.SystemID == nil
      {
        return
      }
      xmlUnlinkNode(UnsafeMutableRawPointer(dtd).assumingMemoryBound(to: xmlNode.self))
      xmlFreeDtd(dtd)
    }
    _ = withXMLString("html") { xmlCreateIntSubset(doc, $0, nil, nil) }
  }

  /// Evaluates an XPath expression and returns the element nodes of the result.
  static func select(_ xpath: String, in document: MarkupDocument, from node: xmlNodePtr?) throws(ReportError)
    -> [MarkupElement]
  {
    quiet()
    guard let context = xmlXPathNewContext(document.doc) else {
      throw .xpath(expression: xpath, message: "cannot create an XPath context")
    }
    defer { xmlXPathFreeContext(context) }
    if let node { context.pointee.node = node }
    guard let object = withXMLString(xpath, { xmlXPathEvalExpression($0, context) }) else {
      throw .xpath(expression: xpath, message: lastError())
    }
    defer { xmlXPathFreeObject(object) }
    guard object.pointee.type == XPATH_NODESET else {
      throw .xpath(expression: xpath, message: "the expression is not a node set")
    }
    guard let set = object.pointee.nodesetval, set.pointee.nodeNr > 0, let tab = set.pointee.nodeTab else {
      return []
    }
    var result: [MarkupElement] = []
    result.reserveCapacity(Int(set.pointee.nodeNr))
    for i in 0..<Int(set.pointee.nodeNr) {
      if let n = tab[i], n.pointee.type == XML_ELEMENT_NODE {
        result.append(MarkupElement(node: n, document: document))
      }
    }
    return result
  }
}
