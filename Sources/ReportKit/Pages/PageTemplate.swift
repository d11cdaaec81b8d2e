/// A parsed page template: code fills elements marked `data-slot` and repeats rows marked `data-row`
/// (cells inside a row are marked `data-cell`).
struct PageTemplate {
  let document: MarkupDocument
  let file: String

  /// Parses `html` and checks its markers.
  /// - Parameters:
  ///   - required: slots and rows the page cannot do without (a template without them is rejected).
  ///   - known: every slot and row name the page fills; any other name is a typo and is rejected.
  /// - Throws: `ReportError.template` naming the file and the marker.
  init(html: String, file: String, requiredSlots: [String], requiredRows: [String], knownSlots: Set<String>,
       knownRows: Set<String>) throws(ReportError)
  {
    let document: MarkupDocument
    do { document = try MarkupDocument.parseHTML(html, name: file, strict: true) } catch {
      throw .template(file: file, problem: error.description)
    }
    self.document = document
    self.file = file
    guard (try? document.select("/html/body"))?.isEmpty == false else {
      throw .template(file: file, problem: "no <body> element")
    }
    for element in try document.select("//*[@data-slot]") {
      let name = element.attribute("data-slot") ?? ""
      guard knownSlots.contains(name) else {
        throw .template(file: file, problem: "unknown data-slot '\(name)' (known: \(knownSlots.sorted().joined(separator: ", ")))")
      }
    }
    for element in try document.select("//*[@data-row]") {
      let name = element.attribute("data-row") ?? ""
      guard knownRows.contains(name) else {
        throw .template(file: file, problem: "unknown data-row '\(name)' (known: \(knownRows.sorted().joined(separator: ", ")))")
      }
    }
    for name in requiredSlots where document.slot(name) == nil {
      throw .template(file: file, problem: "missing required data-slot '\(name)'")
    }
    for name in requiredRows where (try? document.select("//*[@data-row='\(name)']"))?.isEmpty != false {
      throw .template(file: file, problem: "missing required data-row '\(name)'")
    }
  }

  /// The slot element, or nil when the designer left it out.
  func slot(_ name: String) -> MarkupElement? { document.slot(name) }

  /// Sets a slot's text (if the slot exists).
  func setText(_ name: String, _ text: String) { slot(name)?.setText(text) }

  /// Repeats every `data-row="name"` element once per item, filling its cells, then removes the template.
  /// With no items, a table row template becomes one `<tr class="empty">` saying `empty`.
  func rows<T>(_ name: String, _ items: [T], empty: String, fill: (Row, T) -> Void) {
    guard let templates = try? document.select("//*[@data-row='\(name)']") else { return }
    for template in templates {
      for item in items {
        let copy = template.cloneBefore()
        copy.removeAttribute("data-row")
        fill(Row(element: copy), item)
      }
      if items.isEmpty, template.name == "tr" {
        let cells = max(template.children.count, 1)
        let row = template.cloneBefore()
        row.removeChildren()
        row.removeAttribute("data-row")
        row.setAttribute("class", "empty")
        row.append("td", ["colspan": String(cells)], text: empty)
      }
      template.remove()
    }
  }

  /// A filled copy of a row template.
  struct Row {
    let element: MarkupElement
    /// The first descendant with `data-cell="name"`, if the designer kept that cell.
    func cell(_ name: String) -> MarkupElement? {
      guard _LibXML.isPlainName(name) else { return nil }
      return try? element.select(".//*[@data-cell='\(name)']").first
    }
    /// Sets a cell's text.
    func set(_ name: String, _ text: String) { cell(name)?.setText(text) }
  }
}
