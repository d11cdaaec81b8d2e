/// The words CSV errors use about the delimiter: qlift splits fields at commas only, so a file
/// written with another delimiter reads as one text column; the errors say so.
public enum CSVDelimiter {
  /// The one delimiter qlift reads.
  public static let comma: Character = ","
  /// Delimiters a header may look split at instead.
  static let others: [Character] = [";", "\t", "|"]

  /// "fields are split at the delimiter ','", plus, when the header is one field holding another
  /// likely delimiter, "; the header 'a;b;c' looks ';'-delimited: save the file with ',' between fields".
  public static func note(header: [String]) -> String {
    var text = "fields are split at the delimiter ','"
    if header.count == 1, let d = others.first(where: { header[0].contains($0) }) {
      let shown = d == "\t" ? "tab" : "'\(d)'"
      text += "; the header '\(header[0])' looks \(shown)-delimited: save the file with ',' between fields"
    }
    return text
  }
}
