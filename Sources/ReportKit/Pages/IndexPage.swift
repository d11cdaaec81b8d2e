import ClaimSpec

/// Fills the index template: the summary line and one table row per claim.
enum IndexPage {
  static let slots: Set<String> = ["page-title", "suite-badge", "summary", "generated"]
  static let rows: Set<String> = ["claim"]

  /// Renders the index page as HTML text.
  static func render(_ results: [ClaimResult], template html: String, file: String) throws(ReportError) -> String {
    let page = try PageTemplate(html: html, file: file, requiredSlots: ["summary"], requiredRows: ["claim"],
                                knownSlots: slots, knownRows: rows)
    let summary = Summary.line(results)
    page.setText("page-title", "qlift report: \(summary)")
    page.setText("summary", summary)
    if let badge = page.slot("suite-badge") {
      badge.append("img", ["src": "badges/suite.svg", "alt": "Suite: \(summary)"])
    }
    let latest = results.map(\.manifest.finished).max() ?? ""
    let versions = Set(results.map(\.manifest.qliftVersion)).sorted().joined(separator: ", ")
    let commits = Set(results.compactMap(\.manifest.gitCommit)).sorted()
    var generated = "\(results.count) claim\(results.count == 1 ? "" : "s")"
    if !latest.isEmpty { generated += "; latest run finished \(latest)" }
    if !versions.isEmpty { generated += "; qlift \(versions)" }
    if !commits.isEmpty { generated += "; commit \(commits.joined(separator: ", "))" }
    page.setText("generated", generated)

    page.rows("claim", results, empty: "No claims.") { row, r in
      if let cell = row.cell("claim") {
        cell.append("a", ["href": "claims/\(r.claim).html"], text: r.claim)
        cell.append("span", ["class": "claim-title"], text: r.title)
      }
      if let cell = row.cell("verdict") { Summary.verdictBadge(r.verdict, in: cell) }
      if let cell = row.cell("expected") {
        cell.appendText("expected \(r.expected.rawValue), got \(r.verdict.rawValue)")
        cell.append("br")
        Summary.buildStatus(r, in: cell)
      }
      if let cell = row.cell("lift") {
        if r.lifts.isEmpty {
          cell.append("span", ["class": "none"], text: "no lift computed")
        } else {
          let list = cell.append("ul", ["class": "cell-list"])
          for lift in r.lifts {
            let item = list.append("li")
            item.append("strong", text: lift.backend)
            item.appendText(" \(NumberText.signed(lift.summary.mean)) ")
            item.append("span", ["class": "nowrap"],
                        text: NumberText.interval(lift.summary.low, lift.summary.high, signed: true))
            item.appendText(" ")
            item.append("span", ["class": "threshold"], text: "min \(NumberText.signed(lift.threshold, 2))"
              + (lift.decisive ? "" : ", not in the criteria"))
          }
        }
      }
      if let cell = row.cell("cost") {
        let parts = Summary.costParts(r)
        for (i, part) in parts.enumerated() {
          if i > 0 { cell.appendText(" \u{00B7} ") }
          cell.append("span", ["class": "nowrap"], text: part)
        }
      }
      row.set("runtime", NumberText.seconds(r.manifest.seconds))
      if let cell = row.cell("moved") {
        if r.regressions.isEmpty {
          cell.append("span", ["class": "none"], text: "no accepted snapshot")
        } else {
          let list = cell.append("ul", ["class": "cell-list"])
          for check in r.regressions {
            let item = list.append("li", text: Summary.moved(check))
            if check.tripped {
              item.addClass("tripped")
              item.appendText(" regressed")
            }
          }
        }
      }
    }
    return try page.document.serialize()
  }
}
