import BulkheadCore
import Foundation
import Testing

@testable import TestSupport

/// `bulkhead gm …` run as the real binary against an in-process server, each with a config folder of its own.
@Suite(
  "gm commands", .serialized,
  .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built"))
struct GMCommandTests {
  /// A GM's shell: `$XDG_CONFIG_HOME` in a fresh folder, commands aimed at one server.
  struct Shell {
    let config: URL
    let server: String

    init(server: String) throws {
      config = try temporaryFolder().appendingPathComponent("config")
      self.server = server
    }

    /// The credentials file the gm commands use.
    var credentials: URL { config.appendingPathComponent("bulkhead/credentials") }

    /// `bulkhead gm arguments --server <server>`.
    func gm(_ arguments: [String], stdin: String? = nil) throws -> BulkheadRun {
      try BulkheadRun(
        ["gm"] + arguments + ["--server", server], environment: ["XDG_CONFIG_HOME": config.path], stdin: stdin)
    }

    /// `bulkhead gm arguments` as they are.
    func bare(_ arguments: [String]) throws -> BulkheadRun {
      try BulkheadRun(["gm"] + arguments, environment: ["XDG_CONFIG_HOME": config.path])
    }

    /// Logs in as the harness's GM and expects it to work.
    func login() throws {
      let run = try gm(
        ["login", "--user", ServerHarness.username, "--password-stdin"], stdin: ServerHarness.password + "\n")
      #expect(run.status == 0, "login: \(run.err)")
    }

    /// A command that should succeed; returns its standard output.
    @discardableResult
    func ok(_ arguments: String...) throws -> String {
      let run = try gm(arguments)
      #expect(run.status == 0, "\(arguments): \(run.err)")
      #expect(run.err.isEmpty, "\(arguments)")
      return run.out
    }

    /// The stored file as JSON.
    func storedLogins() throws -> JSONValue {
      try JSONParser.parse(try Data(contentsOf: credentials))
    }
  }

  /// An address where nothing listens.
  static let deadServer = "http://127.0.0.1:1"

  static func mode(_ url: URL) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }

  // MARK: login

  @Test("login stores the token in a new 0600 file in a new 0700 folder and keeps other servers' logins")
  func loginStoresTheToken() async throws {
    try await ServerHarness.with { server in
      let shell = try Shell(server: server.base)
      let first = try shell.gm(["login", "--user", "gm", "--password-stdin"], stdin: ServerHarness.password + "\n")
      #expect(first.status == 0, "\(first.err)")
      #expect(first.out.hasPrefix("logged in to \(server.base) as gm until 20"))
      #expect(first.out.hasSuffix("Z\n"))
      #expect(try Self.mode(shell.credentials) == 0o600)
      #expect(try Self.mode(shell.credentials.deletingLastPathComponent()) == 0o700)
      let token = try #require(try shell.storedLogins()[server.base]?["token"]?.stringValue)
      #expect(try shell.storedLogins()[server.base]?["expires_at"]?.stringValue?.hasSuffix("Z") == true)
      let write = try await ServerHarness.request(
        "POST", server.base + Endpoint.clearTokens.rawValue, body: "{}", token: token)
      #expect(write.status != 401, "the stored token is the server's")

      let other: JSONValue = ["token": "elsewhere", "expires_at": "2099-01-01T00:00:00Z"]
      var all = try #require(try shell.storedLogins().objectValue)
      all["http://other.example:8000"] = other
      try Data(JSONWriter.encode(.object(all))).write(to: shell.credentials)
      try shell.login()
      #expect(try shell.storedLogins()["http://other.example:8000"] == other)
      #expect(try shell.storedLogins()[server.base]?["token"]?.stringValue?.count == 64)
      #expect(try Self.mode(shell.credentials) == 0o600)

      let out = try shell.gm(["logout"])
      #expect(out.status == 0)
      #expect(out.out == "logged out of \(server.base)\n")
      #expect(try shell.storedLogins() == ["http://other.example:8000": other])
    }
  }

  @Test("login: a wrong password exits 1 with the server's message and stores nothing")
  func loginRefused() async throws {
    try await ServerHarness.with { server in
      let shell = try Shell(server: server.base)
      let run = try shell.gm(["login", "--user", "gm", "--password-stdin"], stdin: "wrong password\n")
      #expect(run.status == 1)
      #expect(run.err == "bulkhead gm: refused (401): invalid username or password\n")
      #expect(run.out.isEmpty)
      #expect(!FileManager.default.fileExists(atPath: shell.credentials.path))
      let empty = try shell.gm(["login", "--user", "gm", "--password-stdin"], stdin: "")
      #expect(empty.status == 2)
      #expect(empty.err.contains("no password on standard input"))
    }
  }

  @Test("a trailing slash names the same server")
  func trailingSlash() async throws {
    try await ServerHarness.with { server in
      let shell = try Shell(server: server.base + "/")
      try shell.login()
      #expect(try shell.storedLogins()[server.base] != nil)
      #expect(try shell.ok("hide-terminal") == "terminal overlay hidden\n")
    }
  }

  @Test(
    "login on a terminal: the password is not echoed; Ctrl-C at the prompt leaves echo on",
    .enabled(if: TmuxScreen.executable != nil, "tmux is not installed (apt-get install tmux)"))
  func terminalLogin() async throws {
    try await ServerHarness.with { server in
      let shell = try Shell(server: server.base)
      let login = "\(try #require(bulkheadExecutable).path) gm login --server \(server.base) --user gm"
      let script = """
        trap 'echo trapped' INT; \(login); echo status=$?; \(login); echo status=$?; \
        stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo; sleep 60
        """
      let screen = try TmuxScreen(
        ["/bin/sh", "-c", script], width: 120, height: 20, environment: ["XDG_CONFIG_HOME": shell.config.path])
      defer { screen.kill() }
      let prompt = "Password for gm at \(server.base):"
      try screen.waitFor(text: prompt)
      try screen.send("-l", ServerHarness.password)
      try screen.send("Enter")
      let done = try screen.waitFor(text: "status=0")
      #expect(done.contains("logged in to \(server.base) as gm until"))
      #expect(!done.contains(ServerHarness.password))
      #expect(try shell.storedLogins()[server.base]?["token"] != nil)

      try screen.waitFor("a second prompt") { $0.components(separatedBy: prompt).count == 3 }
      try screen.send("-l", "half a pass")
      try screen.send("C-c")
      let interrupted = try screen.waitFor(text: "status=130")
      #expect(!interrupted.contains("half a pass"))
      let settings = try screen.waitFor("the echo setting") { $0.contains("\necho\n") || $0.contains("-echo") }
      #expect(settings.contains("\necho\n"), "the terminal's echo is back on")
    }
  }

  // MARK: failures

  @Test("without a login: exit 1 naming gm login, and the server is not asked")
  func missingLogin() async throws {
    try await ServerHarness.with { server in
      let shell = try Shell(server: server.base)
      let run = try shell.gm(["token", "clear"])
      #expect(run.status == 1)
      #expect(
        run.err
          == "bulkhead gm: not logged in to \(server.base): run `bulkhead gm login --server \(server.base) --user NAME` first\n"
      )
      #expect(try await server.payload().version == 0)
    }
  }

  @Test("a token the server refuses: exit 1 with the server's 401 message and the login hint")
  func refusedToken() async throws {
    try await ServerHarness.with { server in
      let shell = try Shell(server: server.base)
      try shell.login()
      let stale: JSONValue = [server.base: ["token": "stale", "expires_at": "2000-01-01T00:00:00Z"]]
      try Data(JSONWriter.encode(stale)).write(to: shell.credentials)
      let run = try shell.gm(["view", "--view-type", "BRIDGE"])
      #expect(run.status == 1)
      #expect(
        run.err == "bulkhead gm: refused (401): invalid or expired token: log in again; "
          + "run `bulkhead gm login --server \(server.base) --user NAME`\n")
      #expect(try await server.payload().viewType == .standby)
    }
  }

  @Test("the server refuses: exit 1 with its error message, nothing changes")
  func refusedWrites() async throws {
    try await ServerHarness.with { server in
      let shell = try Shell(server: server.base)
      try shell.login()
      let cases: [([String], Endpoint, String)] = [
        (
          ["show-terminal", "--location-slug", "kestrel_dawn", "--terminal-slug", "toaster"], .showTerminal,
          #"{"location_slug":"kestrel_dawn","terminal_slug":"toaster"}"#
        ),
        (
          ["ship", "--system", "warp", "--status", "ONLINE"], .shipStatus, #"{"system":"warp","status":"ONLINE"}"#
        ),
        (["token", "remove", "--token-id", "feedbeef"], .removeToken, #"{"token_id":"feedbeef"}"#),
        (["reveal", "--room-id", "bridge"], .toggleRoom, #"{"room_id":"bridge","visible":true}"#),
      ]
      for (arguments, endpoint, body) in cases {
        let expected = try await server.gm(endpoint.rawValue, body)
        let message = try #require(expected.json["error"]?.stringValue)
        let run = try shell.gm(arguments)
        #expect(run.status == 1, "\(arguments)")
        #expect(run.err == "bulkhead gm: refused (\(expected.status)): \(message)\n", "\(arguments)")
        #expect(run.out.isEmpty)
      }
      let all = try shell.gm(["reveal", "--all"])
      #expect(all.status == 1)
      #expect(
        all.err == "bulkhead gm: the shared screen shows no encounter map: switch to one with `bulkhead gm view`\n")
      #expect(try await server.payload().version == 0)
    }
  }

  @Test("a server that cannot be reached: exit 3, for login and for a write")
  func unreachable() throws {
    let shell = try Shell(server: Self.deadServer)
    let login = try shell.gm(["login", "--user", "gm", "--password-stdin"], stdin: "secret\n")
    #expect(login.status == 3)
    #expect(login.err.hasPrefix("bulkhead gm: cannot reach \(Self.deadServer)"))
    let stored: JSONValue = [Self.deadServer: ["token": "t", "expires_at": "2099-01-01T00:00:00Z"]]
    try FileManager.default.createDirectory(
      at: shell.credentials.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(JSONWriter.encode(stored)).write(to: shell.credentials)
    let write = try shell.gm(["broadcast", "--content", "anyone?"])
    #expect(write.status == 3)
    #expect(write.err.hasPrefix("bulkhead gm: cannot reach \(Self.deadServer)"))
  }

  @Test("usage errors exit 2 with ArgumentParser's message; --help exits 0")
  func usageErrors() throws {
    let shell = try Shell(server: Self.deadServer)
    let wrong: [([String], String)] = [
      ([], "USAGE: bulkhead gm <subcommand>"),
      (["frobnicate"], "Unexpected argument 'frobnicate'"),
      (["token"], "USAGE: bulkhead gm token <subcommand>"),
      (["token", "place", "--type", "dragon", "--name", "x", "--x", "1", "--y", "1"], "The value 'dragon' is invalid"),
      (["token", "move", "--token-id", "1", "--x", "one", "--y", "1"], "The value 'one' is invalid"),
      (["token", "status", "--token-id", "1"], "give either --status or --none"),
      (["view", "--view-type", "ENCOUNTER", "--bogus"], "Unknown option '--bogus'"),
      (["view", "--view-type", "BRIDGE", "--server", "ftp://x"], "--server must start with http:// or https://"),
      (["door", "--connection-id", "d1"], "Missing expected argument '--door-status <door-status>'"),
      (["reveal"], "give either --room-id or --all"),
      (["hide", "--room-id", "bridge", "--all"], "give either --room-id or --all"),
      (["level"], "give --level or --deck-id"),
      (["login"], "Missing expected argument '--user <user>'"),
      (["watch", "--role", "player"], "gm watch is always --role gm"),
      (["watch", "--size", "huge"], "--size must be WIDTHxHEIGHT"),
    ]
    for (arguments, message) in wrong {
      let run = try shell.bare(arguments)
      #expect(run.status == 2, "\(arguments): \(run.err)")
      #expect(run.err.contains(message), "\(arguments): \(run.err)")
      #expect(run.out.isEmpty, "\(arguments)")
    }
    let help = try shell.bare(["token", "place", "--help"])
    #expect(help.status == 0)
    #expect(help.out.contains("USAGE: bulkhead gm token place --type <type> --name <name> --x <x> --y <y>"))
    let list = try BulkheadRun(["gm", "--help"])
    #expect(list.status == 0)
    #expect(list.out.contains("USAGE: bulkhead gm <subcommand>"))
    #expect(list.out.contains("  show-terminal           Show a comm terminal over the current view."))
  }

  // MARK: writes

  @Test("view, show-terminal and hide-terminal change the shared screen")
  func views() async throws {
    try await ServerHarness.with { server in
      let shell = try Shell(server: server.base)
      try shell.login()
      #expect(try shell.ok("view", "--view-type", "bridge") == "view BRIDGE\n")
      #expect(try await server.payload().viewType == .bridge)
      #expect(
        try shell.ok("show-terminal", "--location-slug", "kestrel_dawn", "--terminal-slug", "bridge_terminal")
          == "terminal bridge_terminal shown\n")
      #expect(try await server.payload().overlayTerminalSlug == "bridge_terminal")
      #expect(try shell.ok("hide-terminal") == "terminal overlay hidden\n")
      #expect(try await server.payload().overlayTerminalSlug == "")
      #expect(
        try shell.ok("view", "--view-type", "ENCOUNTER", "--location-slug", "kestrel_dawn")
          == "view ENCOUNTER at kestrel_dawn\n")
      let payload = try await server.payload()
      #expect(payload.viewType == .encounter)
      #expect(payload.locationSlug == "kestrel_dawn")
    }
  }

  @Test("broadcast stores the message with its sender and priority")
  func broadcast() async throws {
    try await ServerHarness.with { server in
      let shell = try Shell(server: server.base)
      try shell.login()
      let out = try shell.ok("broadcast", "--content", "Hull breach", "--sender", "BOSUN", "--priority", "critical")
      #expect(out == "broadcast 1 sent\n")
      let messages = try await server.get("/api/messages/")
      let message = messages.json["messages"]?.arrayValue?.first
      #expect(message?["content"] == "Hull breach")
      #expect(message?["sender"] == "BOSUN")
      #expect(message?["priority"] == "CRITICAL")
    }
  }

  @Test("charon mode, location, send and dialog")
  func charon() async throws {
    try await ServerHarness.with { server in
      let shell = try Shell(server: server.base)
      try shell.login()
      #expect(try shell.ok("charon", "mode", "--mode", "query") == "CHARON mode QUERY\n")
      #expect(try await server.payload().charonMode == .query)
      let path = try #require(demoCampaign.locations["kestrel_dawn"]?.pathString)
      #expect(try shell.ok("charon", "location", "--location-path", path) == "CHARON location \(path)\n")
      #expect(try await server.payload().charonLocationPath == path)
      #expect(try shell.ok("charon", "location", "--location-path", "") == "CHARON location cleared\n")
      let sent = try shell.ok("charon", "send", "--content", "I am listening.")
      #expect(sent.hasPrefix("CHARON message "))
      #expect(sent.hasSuffix(" sent on channel story\n"))
      let conversation = try await server.get("/api/charon/conversation/")
      #expect(conversation.json["messages"]?.arrayValue?.last?["content"] == "I am listening.")
      #expect(try shell.ok("charon", "dialog", "--open") == "CHARON dialog open\n")
      #expect(try await server.payload().charonDialogOpen)
      #expect(try shell.ok("charon", "dialog") == "CHARON dialog closed\n")
      #expect(try await !server.payload().charonDialogOpen)
    }
  }

  @Test("level, reveal and hide (one room and --all), door and portrait")
  func encounter() async throws {
    try await ServerHarness.with { server in
      let shell = try Shell(server: server.base)
      try shell.login()
      try shell.ok("view", "--view-type", "ENCOUNTER", "--location-slug", "kestrel_dawn")
      let map = try #require(demoCampaign.locations["kestrel_dawn"]?.map)
      let deckOne = Set(try #require(map.decks.first { $0.id == "deck_1" }).rooms.map(\.id))
      let deckTwo = Set(try #require(map.decks.first { $0.id == "deck_2" }).rooms.map(\.id))

      #expect(try shell.ok("reveal", "--room-id", "bridge") == "room bridge revealed\n")
      #expect(try await server.payload().encounterRoomVisibility["bridge"] == true)
      #expect(try shell.ok("hide", "--room-id", "bridge") == "room bridge hidden\n")
      #expect(try await server.payload().encounterRoomVisibility["bridge"] == false)

      #expect(try shell.ok("level", "--level", "2") == "deck deck_2 (level 2)\n")
      #expect(try await server.payload().encounterDeckID == "deck_2")
      #expect(try shell.ok("reveal", "--all") == "\(deckTwo.count) rooms of deck deck_2 revealed\n")
      var visibility = try await server.payload().encounterRoomVisibility
      #expect(deckTwo.allSatisfy { visibility[$0] == true })
      #expect(deckOne.allSatisfy { visibility[$0] == false })

      #expect(try shell.ok("level", "--deck-id", "deck_1") == "deck deck_1 (level 1)\n")
      try shell.ok("reveal", "--all")
      #expect(try shell.ok("hide", "--all") == "\(deckOne.count) rooms of deck deck_1 hidden\n")
      visibility = try await server.payload().encounterRoomVisibility
      #expect(deckTwo.allSatisfy { visibility[$0] == true })
      #expect(deckOne.allSatisfy { visibility[$0] == false })

      #expect(
        try shell.ok("door", "--connection-id", "d1_comms_medbay", "--status", "locked")
          == "door d1_comms_medbay LOCKED\n")
      #expect(try await server.payload().encounterDoorStatus["d1_comms_medbay"] == .locked)
      #expect(
        try shell.ok("door", "--connection-id", "d1_comms_medbay", "--door-status", "OPEN")
          == "door d1_comms_medbay OPEN\n")
      #expect(try await server.payload().encounterDoorStatus["d1_comms_medbay"] == .open)

      #expect(
        try shell.ok("portrait", "--npc-id", "imre_sallow") == "portrait imre_sallow shown; showing: imre_sallow\n")
      #expect(
        try shell.ok("portrait", "--npc-id", "oona_reyes")
          == "portrait oona_reyes shown; showing: imre_sallow, oona_reyes\n")
      #expect(try await server.payload().encounterActivePortraits == ["imre_sallow", "oona_reyes"])
      #expect(
        try shell.ok("portrait", "--npc-id", "imre_sallow") == "portrait imre_sallow hidden; showing: oona_reyes\n")
      #expect(try await server.payload().encounterActivePortraits == ["oona_reyes"])
    }
  }

  @Test("token place, move, status, remove and clear")
  func tokens() async throws {
    try await ServerHarness.with { server in
      let shell = try Shell(server: server.base)
      try shell.login()
      try shell.ok("view", "--view-type", "ENCOUNTER", "--location-slug", "kestrel_dawn")
      let placed = try shell.ok("token", "place", "--type", "player", "--name", "Ash", "--x", "2", "--y", "2")
      #expect(placed == "token 00000001 placed at 2,2 in bridge\n")
      var token = try #require(try await server.payload().encounterTokens["00000001"])
      #expect(token.name == "Ash")
      #expect(token.type == .player)

      #expect(
        try shell.ok("token", "move", "--token-id", "00000001", "--x", "12", "--y", "2")
          == "token 00000001 moved to 12,2 in comms_array\n")
      token = try #require(try await server.payload().encounterTokens["00000001"])
      #expect(token.x == 12)
      #expect(token.roomID == "comms_array")

      #expect(
        try shell.ok("token", "status", "--token-id", "00000001", "--status", "wounded,panicked")
          == "token 00000001 status: wounded, panicked\n")
      #expect(try await server.payload().encounterTokens["00000001"]?.status == ["wounded", "panicked"])
      #expect(try shell.ok("token", "status", "--token-id", "00000001", "--none") == "token 00000001 status: none\n")
      #expect(try await server.payload().encounterTokens["00000001"]?.status == [])

      #expect(try shell.ok("token", "remove", "--token-id", "00000001") == "token 00000001 removed\n")
      #expect(try await server.payload().encounterTokens.isEmpty)
      try shell.ok("token", "place", "--type", "creature", "--name", "Thing", "--x", "2", "--y", "8")
      #expect(try await server.payload().encounterTokens.count == 1)
      #expect(try shell.ok("token", "clear") == "tokens cleared\n")
      #expect(try await server.payload().encounterTokens.isEmpty)
    }
  }

  @Test("ship sets a system's status; --json prints the server's answer")
  func ship() async throws {
    try await ServerHarness.with { server in
      let shell = try Shell(server: server.base)
      try shell.login()
      #expect(
        try shell.ok("ship", "--system", "engines", "--status", "CRITICAL", "--condition", "12", "--info", "Fire")
          == "engines CRITICAL, condition 12: Fire\n")
      let engines = try await server.get("/api/ship-status/").json["ship"]?["systems"]?["engines"]
      #expect(engines?["status"] == "CRITICAL")
      #expect(engines?["condition"] == .int(12))
      #expect(engines?["info"] == "Fire")
      let json = try shell.ok("ship", "--system", "comms", "--status", "online", "--json")
      #expect(
        try JSONParser.parse(json)
          == ["success": true, "system": "comms", "override": ["status": "ONLINE"]])
    }
  }

  @Test("watch is the display with role gm: fogged rooms are drawn with their ids")
  func watch() async throws {
    try await ServerHarness.with { server in
      _ = try await server.gm("/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#)
      let shell = try Shell(server: server.base)
      let arguments = ["--server", server.base, "--headless", "--frames", "2", "--size", "100x30"]
      let run = try shell.bare(["watch"] + arguments)
      #expect(run.status == 0, "\(run.err)")
      let frames = run.out.components(separatedBy: "--- frame ")
      #expect(frames.count == 3)
      #expect(frames.last?.contains("DECK 1/2") == true)
      #expect(frames.last?.contains("comms_array") == true, "the GM sees fogged rooms titled with their ids")
      let player = try BulkheadRun(["play"] + arguments)
      #expect(player.status == 0, "\(player.err)")
      let playerFrame = try #require(player.out.components(separatedBy: "--- frame ").last)
      #expect(playerFrame.contains("DECK 1/2"))
      #expect(!playerFrame.contains("comms_array"))
    }
  }
}
