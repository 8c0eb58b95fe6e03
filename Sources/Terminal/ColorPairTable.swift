import BulkheadCanvas

/// The colour pairs of a curses screen: allocated on demand up to a bound, and reused when they run out.
///
/// Pictures (portraits) can ask for more foreground/background combinations than a terminal has pairs. When every
/// pair is taken, the one least recently used by an earlier frame is given to the new combination; a pair used by
/// the frame being drawn is never taken, so no cell of the frame changes colour under it. When every pair is in use
/// by the frame itself, the combination gets none (the terminal's default colours).
struct ColorPairTable {
  /// A foreground/background combination of colour indexes (−1 for the terminal's default).
  struct Combination: Hashable {
    var foreground: Int
    var background: Int
  }

  /// What ``pair(for:)`` hands out.
  struct Assignment: Equatable {
    /// The pair number, from 1.
    var number: Int
    /// Whether the pair must be (re)defined with `init_pair` before use.
    var isNew: Bool
  }

  /// The most pairs handed out (pair 0, the terminal's default colours, is not counted).
  let capacity: Int
  /// The pair of each combination, with the frame that last used it.
  private var slots: [Combination: (number: Int, lastUsed: Int)] = [:]
  /// The number of the frame being drawn.
  private var frame = 0

  /// A table handing out at most `capacity` pairs.
  init(capacity: Int) {
    self.capacity = max(0, capacity)
  }

  /// The number of pairs handed out so far.
  var count: Int { slots.count }

  /// Starts a new frame: pairs used only by earlier frames may be reused from now on.
  mutating func beginFrame() {
    frame += 1
  }

  /// The pair for `combination`: its own, a new one, or one taken from a combination no longer on screen; `nil`
  /// when none is free.
  mutating func pair(for combination: Combination) -> Assignment? {
    if let slot = slots[combination] {
      slots[combination] = (slot.number, frame)
      return Assignment(number: slot.number, isNew: false)
    }
    if slots.count < capacity {
      let number = slots.count + 1
      slots[combination] = (number, frame)
      return Assignment(number: number, isNew: true)
    }
    guard let stale = slots.filter({ $0.value.lastUsed < frame }).min(by: { $0.value.lastUsed < $1.value.lastUsed })
    else { return nil }
    slots[stale.key] = nil
    slots[combination] = (stale.value.number, frame)
    return Assignment(number: stale.value.number, isNew: true)
  }
}
