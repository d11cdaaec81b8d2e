import ClaimSpec

/// Fills the index template: the summary line and one table row per claim, grouped by IndexGroups.
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

    page.rows("claim", IndexGroups.items(results), empty: "No claims.") { row, item in
      switch item {
      case .heading(let title):
        let columns = max(row.element.children.count, 1)
        row.element.removeChildren()
        row.element.setAttribute("class", "group")
        row.element.append("th", ["colspan": String(columns), "scope": "colgroup"], text: title)
      case .claim(let r):
        fill(row, r)
      }
    }
    return try page.document.serialize()
  }

  /// Fills one claim row.
  static func fill(_ row: PageTemplate.Row, _ r: ClaimResult) {
    if !r.passed { row.element.setAttribute("class", "failing") }
    if let cell = row.cell("claim") {
      cell.append("a", ["href": "claims/\(r.claim).html"], text: r.claim)
      cell.append("span", ["class": "claim-title"], text: r.title)
    }
    if let cell = row.cell("verdict") {
      Summary.verdictBadge(r.verdict, in: cell)
      if r.verdictLabel != r.verdict.rawValue { cell.append("span", ["class": "claim-title"], text: r.verdictLabel) }
    }
    if let cell = row.cell("expected") {
      cell.appendText("expected \(r.expectedLabel), got \(r.verdictLabel)")
      cell.append("br")
      Summary.buildStatus(r, in: cell)
    }
    if let cell = row.cell("why") {
      let causes = Causes.of(r)
      if causes.isEmpty {
        cell.append("span", ["class": "none"], text: "every bound held")
      } else {
        let list = cell.append("ul", ["class": "cell-list causes"])
        for cause in causes { list.append("li", text: cause) }
      }
    }
    if let cell = row.cell("lift") { lift(r, cell) }
    if let cell = row.cell("cost") {
      for check in r.costChecks where !check.held {
        cell.append("span", ["class": "fails decided"], text: BoundText.comparison(check))
        cell.append("br")
      }
      for (i, part) in Summary.costParts(r).enumerated() {
        if i > 0 { cell.appendText(" \u{00B7} ") }
        cell.append("span", ["class": "nowrap"], text: part)
      }
    }
    if let cell = row.cell("fallback") {
      if let text = r.fallback, !text.isEmpty {
        cell.appendText(NumberText.prose(text))
      } else {
        cell.append("span", ["class": "none"], text: "none recommended")
      }
    }
    row.set("runtime", NumberText.seconds(r.manifest.seconds))
    if let cell = row.cell("moved") {
      if r.regressions.isEmpty {
        cell.append("span", ["class": "none"], text: "no accepted snapshot")
      } else {
        let list = cell.append("ul", ["class": "cell-list"])
        let moved = r.regressions.filter(Summary.visiblyMoved)
        for check in moved {
          let item = list.append("li", text: Summary.moved(check))
          if check.tripped {
            item.addClass("tripped")
            item.appendText(" regressed")
          }
        }
        let still = r.regressions.count - moved.count
        if still > 0 {
          list.append("li", ["class": "none"], text: moved.isEmpty ? "all \(still) numbers unchanged" : "\(still) more unchanged")
        }
      }
    }
  }

  /// The lift on every backend with its own verdict, decisive or not.
  static func lift(_ r: ClaimResult, _ cell: MarkupElement) {
    guard !r.lifts.isEmpty else { cell.append("span", ["class": "none"], text: "no lift computed"); return }
    let list = cell.append("ul", ["class": "cell-list"])
    for lift in r.lifts {
      let item = list.append("li")
      item.append("strong", text: lift.backend)
      item.appendText(" ")
      Summary.verdictBadge(lift.verdict, in: item)
      item.appendText(" \(Summary.lift(lift.summary.mean, metric: r.metric)) ")
      item.append("span", ["class": "nowrap"],
                  text: NumberText.interval(lift.summary.low, lift.summary.high, signed: true))
      item.appendText(" ")
      item.append("span", ["class": "threshold"], text: "min \(NumberText.signed(lift.threshold))"
        + (lift.decisive ? "" : ", reported only: not decisive"))
    }
  }
}
