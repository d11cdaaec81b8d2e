extension CompiledCircuit {
  /// Bytes the plan holds beyond its gate list: the phase tables of its diagonal blocks (two
  /// doubles per entry, 2^split + 2^(n - split) entries per block). Counted by the memory guard
  /// of a statevector run (`StatevectorRunMemory`).
  public var tableBytes: Double {
    var entries = 0
    for case .diagonal(let block) in steps {
      entries += block.lowRe.count + block.lowIm.count + block.highRe.count + block.highIm.count
    }
    return 8 * Double(entries)
  }
}
