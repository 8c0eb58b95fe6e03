import BulkheadCore
import Foundation
import Testing

@testable import TestSupport

/// The man page (`docs/bulkhead.1`, generated from the argument parser by `make man`) and the shell completions the
/// binary generates.
@Suite("Man page and completions", .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built"))
struct ManualTests {
  static let manualPage = projectRoot.appendingPathComponent("docs/bulkhead.1")

  /// Every command path the argument parser knows ("serve", "gm token place", …), from `--experimental-dump-help`.
  static func commandPaths() throws -> [String] {
    let dump = try runTool(try #require(bulkheadExecutable).path, ["--experimental-dump-help"])
    let root = try JSONParser.parse(Array(dump.out.utf8))
    func walk(_ command: JSONValue, _ prefix: [String]) -> [String] {
      let subcommands = command["subcommands"]?.arrayValue ?? []
      return subcommands.flatMap { sub -> [String] in
        guard let name = sub["commandName"]?.stringValue, name != "help" else { return [] }
        return [(prefix + [name]).joined(separator: " ")] + walk(sub, prefix + [name])
      }
    }
    return walk(try #require(root["command"]), [])
  }

  @Test(
    "man -l renders bulkhead.1 and it describes every subcommand",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/man"), "man is not installed (man-db)"))
  func manualRendersEverySubcommand() throws {
    var environment = ProcessInfo.processInfo.environment
    environment["MANWIDTH"] = "200"
    environment["MAN_KEEP_FORMATTING"] = nil
    let rendered = try runTool("/usr/bin/man", ["-P", "cat", "-l", Self.manualPage.path], environment: environment)
    #expect(rendered.status == 0, "\(rendered.err)")
    #expect(!rendered.err.contains("warning"), "\(rendered.err)")
    // Not on a terminal, man renders without bold or underline overstrikes.
    let text = rendered.out
    #expect(!text.contains("\u{8}"))
    #expect(text.contains("NAME"))
    #expect(text.contains("bulkhead"))
    let paths = try Self.commandPaths()
    #expect(paths.contains("gm console") && paths.contains("gm token place"))
    #expect(paths.count > 20)
    // The page lists each subcommand as an entry, nested 8 columns deeper per level under its parent.
    let lines = text.split(separator: "\n").map(String.init)
    for path in paths {
      let words = path.split(separator: " ")
      let entry = String(repeating: " ", count: 5 + 8 * (words.count - 1)) + words[words.count - 1]
      #expect(
        lines.contains { $0 == entry || $0.hasPrefix(entry + " ") },
        "the man page lacks `bulkhead \(path)`: run make man")
    }
    #expect(text.contains("--metrics-port"))
    #expect(text.contains("--record"))
  }

  @Test(
    "bash completion offers the subcommands, and gm's",
    .enabled(
      if: FileManager.default.fileExists(atPath: "/usr/share/bash-completion/bash_completion"),
      "bash-completion is not installed"))
  func bashCompletion() throws {
    let folder = try temporaryFolder()
    let script = folder.appendingPathComponent("bulkhead.bash")
    let generated = try runTool(try #require(bulkheadExecutable).path, ["--generate-completion-script", "bash"])
    #expect(generated.status == 0)
    try generated.out.write(to: script, atomically: true, encoding: .utf8)
    func complete(_ words: [String]) throws -> Set<String> {
      let line = words.joined(separator: " ")
      let probe = """
        source /usr/share/bash-completion/bash_completion
        source '\(script.path)'
        COMP_WORDS=(\(words.map { "'\($0)'" }.joined(separator: " ")))
        COMP_CWORD=\(words.count - 1)
        COMP_LINE='\(line)'
        COMP_POINT=\(line.count)
        function=$(complete -p bulkhead | sed -E 's/.*-F ([^ ]+).*/\\1/')
        "$function" bulkhead '\(words.last ?? "")' '\(words.dropLast().last ?? "")'
        printf '%s\\n' "${COMPREPLY[@]}"
        """
      let run = try runTool(
        "/bin/bash", ["-c", probe],
        environment: installedEnvironment(
          try #require(bulkheadExecutable).deletingLastPathComponent()))
      #expect(run.status == 0, "\(run.err)")
      return Set(run.out.split(separator: "\n").map(String.init))
    }
    let top = try complete(["bulkhead", ""])
    for name in ["serve", "play", "demo", "gm", "accounts", "tap", "bench"] {
      #expect(top.contains(name), "bulkhead <TAB> lacks \(name): \(top.sorted())")
    }
    let gm = try complete(["bulkhead", "gm", ""])
    #expect(gm.contains("console") && gm.contains("login") && gm.contains("token"), "\(gm.sorted())")
    let zsh = try runTool(try #require(bulkheadExecutable).path, ["--generate-completion-script", "zsh"])
    #expect(zsh.out.contains("#compdef bulkhead"))
    let fish = try runTool(try #require(bulkheadExecutable).path, ["--generate-completion-script", "fish"])
    #expect(fish.out.contains("complete -c 'bulkhead'"))
  }
}
