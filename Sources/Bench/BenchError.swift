/// Why a benchmark could not be taken: a server that did not start, an answer that was not what the bench expects.
public struct BenchError: Error, CustomStringConvertible {
  public let description: String

  /// An error that says `description`.
  public init(_ description: String) {
    self.description = description
  }
}
