/// Colours of the charts: the Okabe-Ito palette, safe for the common colour-vision deficiencies
/// (Okabe & Ito 2008, "Color Universal Design"), and a single-hue ramp for heatmaps.
enum Palette {
  static let black = "#000000"
  static let orange = "#E69F00"
  static let skyBlue = "#56B4E9"
  static let bluishGreen = "#009E73"
  static let yellow = "#F0E442"
  static let blue = "#0072B2"
  static let vermillion = "#D55E00"
  static let reddishPurple = "#CC79A7"
  /// Neutral grey for axes, grid and baselines.
  static let grey = "#6B6B6B"
  static let lightGrey = "#DDDDDD"

  /// Paul Tol's wine and indigo: dark, apart from every Okabe-Ito colour.
  static let wine = "#882255"
  static let indigo = "#332288"

  /// Verdict colours dark enough to carry white text at WCAG AA (4.5:1): bluish green and vermillion
  /// darkened; orange carries dark text instead; grey as is.
  static let supported = "#007A5A"
  static let refuted = "#B34700"
  static let inconclusive = orange
  static let error = grey

  /// The colours that mean a verdict (supported, refuted, inconclusive, error): never used for a series.
  static let verdicts: Set<String> = [bluishGreen, vermillion, orange, grey, supported, refuted]

  /// Series (model) colours in order: none of the verdict colours (yellow last: it is faint on white paper).
  static let series = [blue, reddishPurple, skyBlue, black, wine, indigo, yellow]

  /// The colour of series `name` from a fixed map (one colour per model across a page), else by `index`.
  static func colour(_ name: String, index: Int, in map: [String: String]) -> String { map[name] ?? series(index) }

  /// The colour of series `index`, cycling.
  static func series(_ index: Int) -> String { series[((index % series.count) + series.count) % series.count] }

  /// Marker shapes by class, so classes stay apart in greyscale print too.
  static let shapes = ["circle", "square", "triangle", "diamond"]

  /// A light-to-dark blue ramp for t in [0, 1] (single hue: readable for every colour vision and in greyscale).
  static func sequential(_ t: Double) -> String {
    let u = t.isFinite ? min(max(t, 0), 1) : 0
    let from = (247.0, 251.0, 255.0)
    let to = (8.0, 48.0, 107.0)
    func c(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * u).rounded()) }
    return hex(c(from.0, to.0), c(from.1, to.1), c(from.2, to.2))
  }

  /// `#RRGGBB` for 0–255 components.
  static func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
    let digits = Array("0123456789ABCDEF")
    var s = "#"
    for v in [r, g, b] {
      let x = min(max(v, 0), 255)
      s.append(digits[x / 16])
      s.append(digits[x % 16])
    }
    return s
  }
}
