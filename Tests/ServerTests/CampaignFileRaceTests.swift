import BulkheadCore
import Foundation
import Synchronization
import Testing

@testable import BulkheadServer
@testable import TestSupport

@Suite("Campaign file races")
struct CampaignFileRaceTests {
  @Test("a folder swapped for a symlink out of the campaign while files are read never serves the outside file")
  func folderSwappedForSymlink() throws {
    let manager = FileManager.default
    let folder = try temporaryFolder().resolvingSymlinksInPath()
    let root = folder.appendingPathComponent("campaign-copy")
    try manager.copyItem(at: projectRoot.appendingPathComponent("campaigns/demo").resolvingSymlinksInPath(), to: root)
    let inner = root.appendingPathComponent("race/inner")
    let parked = root.appendingPathComponent("race/parked")
    let outside = folder.appendingPathComponent("outside/inner")
    for made in [inner, outside] { try manager.createDirectory(at: made, withIntermediateDirectories: true) }
    let insideBytes = pngSignature + Array("inside".utf8)
    let outsideBytes = pngSignature + Array("OUTSIDE".utf8)
    try Data(insideBytes).write(to: inner.appendingPathComponent("face.png"))
    try Data(outsideBytes).write(to: outside.appendingPathComponent("face.png"))
    let files = CampaignFiles(campaign: try Campaign.load(from: root))
    let path = try CampaignFilePath(rawPath: "/data/race/inner/face.png")

    let stop = Atomic<Bool>(false)
    let swaps = Atomic<Int>(0)
    let swapper = Thread {
      while !stop.load(ordering: .relaxed) {
        rename(inner.path, parked.path)
        symlink(outside.path, inner.path)
        unlink(inner.path)
        rename(parked.path, inner.path)
        swaps.add(1, ordering: .relaxed)
        // Leave the real folder in place for a moment, so reads inside the campaign succeed too.
        usleep(100)
      }
    }
    swapper.start()
    var served = (inside: 0, outside: 0, refused: 0)
    for _ in 0..<3000 {
      do {
        let file = try files.file(at: path)
        if file.content == outsideBytes { served.outside += 1 } else { served.inside += 1 }
      } catch {
        served.refused += 1
      }
    }
    stop.store(true, ordering: .relaxed)
    while !swapper.isFinished { usleep(1000) }
    #expect(swaps.load(ordering: .relaxed) > 0, "the folder was never swapped: the test raced nothing")
    #expect(served.outside == 0, "served the file outside the campaign \(served.outside) times")
    #expect(served.inside > 0, "the file inside the campaign was never served: \(served)")
  }
}
