import Testing
@testable import ReportKit

/// A host element to render charts into, and readers for their attributes.
enum SVGTest {
  static func host() -> MarkupElement { MarkupDocument.xml(root: "div").root! }

  static func number(_ e: MarkupElement, _ attribute: String) -> Double {
    Double(e.attribute(attribute) ?? "") ?? .nan
  }

  /// Checks the parts every chart must have: an svg with a viewBox, a title (also visible) and a text alternative.
  static func expectAccessibleChart(_ svg: MarkupElement, id: String, title: String) throws {
    #expect(svg.name == "svg")
    #expect(svg.attribute("role") == "img")
    #expect(svg.attribute("aria-labelledby") == "\(id)-title \(id)-desc")
    #expect(svg.attribute("viewBox")?.hasPrefix("0 0 ") == true)
    let children = svg.children
    #expect(children.first?.name == "title")
    #expect(children.first?.textContent == title)
    #expect(children.dropFirst().first?.name == "desc")
    #expect((children.dropFirst().first?.textContent.count ?? 0) > 10)
    // The title is also visible, not only in the tooltip <title>.
    #expect(try svg.select("./*[local-name()='text' and @class='chart-title']").first?.textContent == title)
  }
}

func approx(_ a: Double, _ b: Double, _ tolerance: Double = 0.011) -> Bool { abs(a - b) <= tolerance }
