/// Takes down what an output sends to the terminal, e.g. into a recording file.
///
/// A terminal session calls it from its own thread: an implementation must be safe to call from any thread.
public protocol OutputRecorder: Sendable {
  /// The terminal size the recording starts at.
  var size: (width: Int, height: Int) { get }
  /// Records `bytes` (UTF-8, possibly ending inside a character) as sent to the terminal now.
  func output(bytes: [UInt8])
  /// Records that the terminal became `width` × `height`.
  func resize(width: Int, height: Int)
}
