/// One terminal cell of a ``Canvas``.
///
/// A wide grapheme (two columns) occupies its own cell and the cell to its right; that second cell has
/// `isContinuation` set, an empty grapheme and is never output on its own.
public struct Cell: Sendable, Hashable {
  /// The grapheme cluster shown in the cell: `" "` when blank, `""` for a continuation cell.
  public var grapheme: String
  /// How the cell is drawn.
  public var style: CellStyle
  /// `true` when the cell is the right half of the wide grapheme in the cell to its left.
  public var isContinuation: Bool

  /// Creates a cell.
  public init(grapheme: String = " ", style: CellStyle = .plain, isContinuation: Bool = false) {
    self.grapheme = grapheme
    self.style = style
    self.isContinuation = isContinuation
  }

  /// A blank cell in the plain style.
  public static let blank = Cell()
}
