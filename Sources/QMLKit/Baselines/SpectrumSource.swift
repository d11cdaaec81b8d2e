/// The quantum model a dequantized baseline (`rff_quantum`) copies: its encoding and how many times
/// the encoding is uploaded (the layers of a data re-uploading ansatz, else 1).
public struct SpectrumSource: Sendable {
  /// The quantum model's encoding.
  public var encoding: any Encoding
  /// How many times the circuit loads the data (1 for kernels and plain variational models).
  public var uploads: Int

  /// A source with `encoding` uploaded `uploads` times.
  public init(encoding: any Encoding, uploads: Int = 1) {
    self.encoding = encoding
    self.uploads = max(uploads, 1)
  }
}
