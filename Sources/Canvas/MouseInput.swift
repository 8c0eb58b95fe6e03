/// The first mouse button pressed or released over a cell of the terminal.
public struct MouseInput: Sendable, Hashable {
  /// What the button did.
  public enum Action: Sendable, Hashable {
    /// The button went down.
    case press
    /// The button came up (the end of a click or of a drag).
    case release
  }

  /// The cell's column, from 0.
  public var x: Int
  /// The cell's row, from 0.
  public var y: Int
  /// What the button did.
  public var action: Action

  /// The button did `action` over cell (`x`, `y`).
  public init(x: Int, y: Int, action: Action) {
    self.x = x
    self.y = y
    self.action = action
  }
}
