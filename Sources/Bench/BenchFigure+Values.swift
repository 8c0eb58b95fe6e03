extension BenchFigure {
  /// A figure of values (at least one) already in `unit`, such as bytes (`B`) or KiB.
  public init(
    key: String, label: String, unit: String, values: [Double], showsMax: Bool = false, counts: [String: Int] = [:]
  ) {
    let sorted = values.sorted()
    self.key = key
    self.label = label
    self.unit = unit
    samples = sorted.count
    p50 = Self.percentile(0.5, of: sorted)
    p99 = Self.percentile(0.99, of: sorted)
    max = showsMax ? sorted.last : nil
    self.counts = counts
  }
}
