import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// When a display's loop draws: once per burst, only for a changed model, with the first reason of the burst.
@Suite struct FrameScheduleTests {
  @Test func theFirstFrameIsQueuedAtStartAndSaysSo() {
    var schedule = FrameSchedule<Int>()
    #expect(schedule.pending)
    let queued1 = schedule.needsFrame(for: 1)
    #expect(!queued1, "the start frame is already queued")
    let reason2 = schedule.drawing(1)
    #expect(reason2 == "start")
    #expect(!schedule.pending)
  }

  @Test func aBurstQueuesOneFrameWithItsFirstReason() {
    var schedule = FrameSchedule<Int>()
    _ = schedule.drawing(0)
    schedule.note("event")
    let queued3 = schedule.needsFrame(for: 1)
    #expect(queued3)
    schedule.note("key")
    let queued4 = schedule.needsFrame(for: 2)
    #expect(!queued4, "a frame is already queued")
    let reason5 = schedule.drawing(2)
    #expect(reason5 == "event")
  }

  @Test func anUnchangedModelDrawsNothingAndForgetsTheReason() {
    var schedule = FrameSchedule<Int>()
    _ = schedule.drawing(5)
    schedule.note("clock")
    let queued6 = schedule.needsFrame(for: 5)
    #expect(!queued6)
    schedule.note("event")
    let queued7 = schedule.needsFrame(for: 6)
    #expect(queued7)
    let reason8 = schedule.drawing(6)
    #expect(reason8 == "event", "the clock's reason did not linger")
  }

  @Test func invalidatingDrawsTheSameModelAgain() {
    var schedule = FrameSchedule<Int>()
    _ = schedule.drawing(5)
    schedule.invalidate()
    schedule.note("resize")
    let queued9 = schedule.needsFrame(for: 5)
    #expect(queued9)
    let reason10 = schedule.drawing(5)
    #expect(reason10 == "resize")
  }
}
