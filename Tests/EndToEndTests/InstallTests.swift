import BulkheadCore
import Foundation
import Testing

@testable import TestSupport

/// Runs `executable` with `arguments` in `folder` with `environment`, to its end.
func runTool(
  _ executable: String, _ arguments: [String], in folder: URL? = nil, environment: [String: String]? = nil
) throws -> (status: Int32, out: String, err: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  if let folder { process.currentDirectoryURL = folder }
  if let environment { process.environment = environment }
  let output = Pipe()
  let errors = Pipe()
  process.standardOutput = output
  process.standardError = errors
  process.standardInput = FileHandle.nullDevice
  try process.run()
  // Standard output first, then standard error: the tools run here say little on standard error.
  let out = output.fileHandleForReading.readDataToEndOfFile()
  let err = errors.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
}

/// The environment of a user who has Bulkhead installed and no checkout: no BULKHEAD_HOME, `bin` first on PATH.
func installedEnvironment(_ bin: URL) -> [String: String] {
  var environment = ProcessInfo.processInfo.environment
  environment["BULKHEAD_HOME"] = nil
  environment["PATH"] = bin.path + ":/usr/local/bin:/usr/bin:/bin"
  return environment
}

/// `make install PREFIX=… BINARY=…` into a temporary prefix, the installed binary run from outside the checkout,
/// `make uninstall`, and a staged `DESTDIR` install.
@Suite(
  "make install", .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built"),
  .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/make"), "make is not installed"))
struct InstallTests {
  static let installedFiles = [
    "bin/bulkhead", "share/bulkhead/themes/amber.yaml", "share/bulkhead/campaigns/demo/campaign/ship.yaml",
    "share/man/man1/bulkhead.1", "share/bash-completion/completions/bulkhead", "share/zsh/site-functions/_bulkhead",
    "share/fish/vendor_completions.d/bulkhead.fish", "lib/systemd/system/bulkhead.service",
  ]

  private static func make(_ arguments: [String]) throws {
    let binary = try #require(bulkheadExecutable).path
    let run = try runTool("/usr/bin/make", ["-s", "-C", projectRoot.path] + arguments + ["BINARY=\(binary)"])
    #expect(run.status == 0, "make \(arguments): \(run.out) \(run.err)")
  }

  @Test("the installed bulkhead serves and plays with its own themes and demo campaign; uninstall removes it all")
  func installServePlayUninstall() async throws {
    let prefix = try temporaryFolder().appendingPathComponent("prefix")
    try Self.make(["install", "PREFIX=\(prefix.path)"])
    for file in Self.installedFiles {
      #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file) missing")
    }
    let unit = try String(
      contentsOf: prefix.appendingPathComponent("lib/systemd/system/bulkhead.service"), encoding: .utf8)
    #expect(unit.contains("ExecStart=\(prefix.path)/bin/bulkhead serve"))
    #expect(unit.contains("--campaign \(prefix.path)/share/bulkhead/campaigns/demo"))

    // Away from the checkout: a working folder of its own, no BULKHEAD_HOME, the binary in the prefix.
    let elsewhere = try temporaryFolder()
    let bin = prefix.appendingPathComponent("bin")
    let installed = bin.appendingPathComponent("bulkhead").path
    let server = Process()
    server.executableURL = URL(fileURLWithPath: installed)
    server.arguments = ["serve", "--port", "0", "--db", elsewhere.appendingPathComponent("db.sqlite").path]
    server.currentDirectoryURL = elsewhere
    server.environment = installedEnvironment(bin)
    let output = Pipe()
    server.standardOutput = output
    server.standardError = FileHandle.nullDevice
    try server.run()
    defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
    let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
    #expect(line.contains("Bulkhead serving MSV Kestrel Dawn"), "\(line)")
    let url = try #require(line.split(separator: " ").first { $0.hasPrefix("http://") }).dropLast()
    let play = try runTool(
      installed, ["play", "--headless", "--frames", "2", "--theme", "amber", "--server", String(url)], in: elsewhere,
      environment: installedEnvironment(bin))
    #expect(play.status == 0, "\(play.err)")
    #expect(play.out.contains("STANDBY"), "\(play.out)")
    kill(server.processIdentifier, SIGTERM)
    server.waitUntilExit()

    // The same binary outside the prefix finds no demo campaign: the one above came from PREFIX/share/bulkhead.
    let stray = elsewhere.appendingPathComponent("stray")
    try FileManager.default.createDirectory(at: stray, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: installed, toPath: stray.appendingPathComponent("bulkhead").path)
    if !FileManager.default.fileExists(atPath: "/usr/share/bulkhead/campaigns/demo") {
      let lost = try runTool(
        stray.appendingPathComponent("bulkhead").path, ["serve", "--port", "0"], in: elsewhere,
        environment: installedEnvironment(stray))
      #expect(lost.status != 0)
      #expect(lost.err.contains("demo campaign was not found"), "\(lost.err)")
    }

    try Self.make(["uninstall", "PREFIX=\(prefix.path)"])
    for file in Self.installedFiles {
      #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file) left")
    }
    #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/bulkhead").path))
  }

  @Test("DESTDIR stages the files under it, with the paths inside them still PREFIX's")
  func stagedInstall() throws {
    let stage = try temporaryFolder()
    try Self.make(["install", "DESTDIR=\(stage.path)", "PREFIX=/opt/bulkhead"])
    for file in Self.installedFiles {
      #expect(FileManager.default.fileExists(atPath: stage.path + "/opt/bulkhead/" + file), "\(file) missing")
    }
    let unit = try String(
      contentsOfFile: stage.path + "/opt/bulkhead/lib/systemd/system/bulkhead.service", encoding: .utf8)
    #expect(unit.contains("ExecStart=/opt/bulkhead/bin/bulkhead serve"))
    #expect(!unit.contains(stage.path))
  }
}
