import BulkheadCore
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// How the controller fetches portraits: once per path, again only when the server could not be reached.
@Suite struct PlayerControllerPortraitTests {
  typealias Screen = PlayerControllerTests.DemoScreen

  static let imre = PortraitSource(path: "/data/campaign/NPCs/images/imre_sallow.png", isText: false)
  static let oona = PortraitSource(path: "/data/campaign/NPCs/images/oona_reyes.png", isText: false)
  static let encounter = Command.switchView(.encounter, locationSlug: "kestrel_dawn", viewSlug: "")
  static let image = RGBAImage(width: 1, height: 1, pixels: [1, 2, 3, 255])

  @Test func eachShownPortraitIsFetchedOnce() throws {
    var screen = try Screen()
    var controller = try PlayerControllerTests.started(screen)
    let start = PlayerControllerTests.start
    #expect(controller.handle(try screen.event(Self.encounter), now: start) == [])
    let shown = controller.handle(try screen.event(.togglePortrait(npcID: "imre_sallow")), now: start)
    #expect(shown == [.fetchPortrait(Self.imre)])
    let both = controller.handle(try screen.event(.togglePortrait(npcID: "oona_reyes")), now: start)
    #expect(both == [.fetchPortrait(Self.oona)], "imre's is in flight")
    #expect(controller.portraitLoaded(Self.imre, .image(Self.image)) == [])
    #expect(controller.model.portraits[Self.imre.path] == .image(Self.image))
    #expect(controller.portraitLoaded(Self.oona, .unavailable) == [])
    let again = controller.handle(try screen.event(.toggleRoom(roomID: "bridge", visible: true)), now: start)
    #expect(again == [], "loaded and unavailable portraits are not fetched again")
  }

  @Test func anUnreachableServerMeansTheNextPayloadTriesAgain() throws {
    var screen = try Screen()
    var controller = try PlayerControllerTests.started(screen)
    let start = PlayerControllerTests.start
    _ = controller.handle(try screen.event(Self.encounter, .togglePortrait(npcID: "imre_sallow")), now: start)
    #expect(controller.portraitLoaded(Self.imre, nil) == [])
    #expect(controller.model.portraits[Self.imre.path] == nil)
    let retried = controller.handle(try screen.event(.toggleRoom(roomID: "bridge", visible: true)), now: start)
    #expect(retried == [.fetchPortrait(Self.imre)])
  }

  @Test func anNPCWithoutAPortraitOrOutsideAnEncounterFetchesNothing() throws {
    var screen = try Screen()
    var controller = try PlayerControllerTests.started(screen)
    let start = PlayerControllerTests.start
    let greer = controller.handle(try screen.event(Self.encounter, .togglePortrait(npcID: "tomas_greer")), now: start)
    #expect(greer == [])
    var other = try PlayerControllerTests.started(screen)
    var standby = try Screen()
    _ = try standby.event(Self.encounter, .togglePortrait(npcID: "imre_sallow"))
    let dashboard = other.handle(
      try standby.event(.switchView(.shipDashboard, locationSlug: "", viewSlug: "")), now: start)
    #expect(!dashboard.contains { if case .fetchPortrait = $0 { true } else { false } })
  }

  @Test func aTextPortraitTakesPrecedence() {
    let card = NPCCard(id: "x", name: "X", portrait: "/data/a.png", portraitText: "/data/a.txt")
    #expect(PortraitSource(card) == PortraitSource(path: "/data/a.txt", isText: true))
    #expect(PortraitSource(NPCCard(id: "x", name: "X", portrait: "/data/a.png"))?.isText == false)
    #expect(PortraitSource(NPCCard(id: "x", name: "X", portrait: "")) == nil)
  }

  @Test func requestPathsAreEncodedAndOnlyServerPaths() {
    let spaced = PortraitSource(path: "/data/NPCs/Lucia Vance.png", isText: false)
    #expect(spaced.requestPath == "/data/NPCs/Lucia%20Vance.png")
    #expect(PortraitSource(path: "http://elsewhere/x.png", isText: false).requestPath == nil)
    #expect(PortraitSource(path: "/data/a/../b?.png", isText: false).requestPath == "/data/a/../b%3F.png")
  }
}
