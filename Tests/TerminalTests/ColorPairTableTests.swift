import BulkheadCanvas
import Testing

@testable import BulkheadTerminal

/// Colour pairs: handed out on demand, bounded, reused only when no cell of the current frame uses them.
@Suite struct ColorPairTableTests {
  typealias Combination = ColorPairTable.Combination

  @Test func pairsAreHandedOutOnceAndThenFoundAgain() {
    var table = ColorPairTable(capacity: 4)
    table.beginFrame()
    let red = Combination(foreground: 196, background: -1)
    #expect(table.pair(for: red) == .init(number: 1, isNew: true))
    #expect(table.pair(for: red) == .init(number: 1, isNew: false))
    #expect(table.pair(for: Combination(foreground: 21, background: 16)) == .init(number: 2, isNew: true))
    #expect(table.count == 2)
  }

  @Test func aFullTableReusesThePairLeastRecentlyUsedByAnEarlierFrame() {
    var table = ColorPairTable(capacity: 2)
    let first = Combination(foreground: 1, background: 2)
    let second = Combination(foreground: 3, background: 4)
    let third = Combination(foreground: 5, background: 6)
    table.beginFrame()
    _ = table.pair(for: first)
    table.beginFrame()
    _ = table.pair(for: second)
    table.beginFrame()
    #expect(table.pair(for: third) == .init(number: 1, isNew: true), "the first frame's pair is the stalest")
    #expect(table.count == 2)
    #expect(table.pair(for: first) == .init(number: 2, isNew: true), "first was evicted; second's pair is taken")
  }

  @Test func aPairUsedByTheCurrentFrameIsNeverTaken() {
    var table = ColorPairTable(capacity: 2)
    table.beginFrame()
    _ = table.pair(for: Combination(foreground: 1, background: 1))
    _ = table.pair(for: Combination(foreground: 2, background: 2))
    #expect(table.pair(for: Combination(foreground: 3, background: 3)) == nil)
    table.beginFrame()
    #expect(table.pair(for: Combination(foreground: 3, background: 3))?.isNew == true)
  }

  @Test func noCapacityMeansNoPairs() {
    var table = ColorPairTable(capacity: 0)
    table.beginFrame()
    #expect(table.pair(for: Combination(foreground: 1, background: -1)) == nil)
  }
}
