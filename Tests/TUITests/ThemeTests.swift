import BulkheadCore
import Foundation
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// Theme files, their resolution to palettes at every colour depth, the errors they report and the library.
struct ThemeTests {
  // MARK: - Fixtures

  static let shippedNames = ["amber", "mono", "phosphor", "teal"]
  static let colourThemes = ["amber", "phosphor", "teal"]
  static let statusRoles: [ColorRole] = [.ok, .warning, .alert, .critical]

  static var themesFolder: URL { DeckMapViewTests.projectRoot.appendingPathComponent("themes") }

  static func shipped(_ name: String) throws -> Theme {
    try ThemeFile.load(themesFolder.appendingPathComponent("\(name).yaml"))
  }

  /// A valid theme file whose roles are all `{}` except those in `roles`, plus the `extraRoles` entries.
  static func themeText(roles: [ColorRole: String] = [:], extraRoles: [String] = [], box: String = "heavy") -> String {
    var lines = ["name: test", "description: A test theme.", "glyphs:", "  box: \(box)", "roles:"]
    for role in ColorRole.allCases { lines.append("  \(role.rawValue): \(roles[role] ?? "{}")") }
    lines += extraRoles.map { "  \($0)" }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The error parsing `text` as `bad.yaml` throws.
  static func parseError(_ text: String) -> ThemeError? {
    do {
      _ = try ThemeFile.parse(text, file: "bad.yaml")
      return nil
    } catch {
      return error
    }
  }

  /// A new empty folder in the temporary directory.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ThemeTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  // MARK: - Shipped themes

  @Test(arguments: shippedNames)
  func shippedThemeLoadsAndDefinesEveryRole(name: String) throws {
    let theme = try Self.shipped(name)
    #expect(theme.name == name)
    #expect(!theme.description.isEmpty)
    #expect(Set(theme.roles.keys) == Set(ColorRole.allCases))
  }

  @Test func libraryListsTheShippedThemes() {
    #expect(ThemeLibrary(folders: [Self.themesFolder]).availableNames() == Self.shippedNames)
  }

  @Test func amberAtFullColour() throws {
    let palette = try Self.shipped("amber").palette(for: .full)
    #expect(palette[.text] == RoleAppearance(foreground: 214))
    #expect(palette[.dim] == RoleAppearance(foreground: 136, dim: true))
    #expect(palette[.title] == RoleAppearance(foreground: 220, bold: true))
    #expect(palette[.critical] == RoleAppearance(foreground: 231, background: 124, bold: true))
  }

  @Test func amberAtSixteenColoursUsesBrightFallbacks() throws {
    let palette = try Self.shipped("amber").palette(for: .sixteen)
    #expect(palette[.text] == RoleAppearance(foreground: 3))
    #expect(palette[.warning] == RoleAppearance(foreground: 11, bold: true))
    #expect(palette[.ok] == RoleAppearance(foreground: 2))
    #expect(palette[.critical] == RoleAppearance(foreground: 15, background: 1, bold: true))
  }

  @Test func amberAtEightColoursDropsBrightness() throws {
    let palette = try Self.shipped("amber").palette(for: .eight)
    #expect(palette[.text] == RoleAppearance(foreground: 3))
    #expect(palette[.warning] == RoleAppearance(foreground: 3, bold: true))
    #expect(palette[.critical] == RoleAppearance(foreground: 7, background: 1, bold: true))
    for appearance in palette.appearances.values {
      #expect((-1..<8).contains(appearance.foreground) && (-1..<8).contains(appearance.background))
    }
  }

  @Test func noColourKeepsOnlyTheThemesAttributes() throws {
    let theme = try Self.shipped("teal")
    var expected: [ColorRole: RoleAppearance] = [:]
    for (role, look) in theme.roles where look.bold || look.dim {
      expected[role] = RoleAppearance(bold: look.bold, dim: look.dim)
    }
    let palette = theme.palette(for: .none)
    #expect(palette == Palette(expected))
    #expect(palette[.text] == RoleAppearance())
    #expect(palette[.critical] == RoleAppearance(bold: true))
    #expect(palette[.fog] == RoleAppearance(dim: true))
  }

  @Test(arguments: colourThemes)
  func statusColoursStayDistinctAtEveryDepth(name: String) throws {
    let theme = try Self.shipped(name)
    for depth in [ColorDepth.eight, .sixteen, .full] {
      let palette = theme.palette(for: depth)
      let foregrounds = Self.statusRoles.map { palette[$0].foreground }
      #expect(Set(foregrounds).count == Self.statusRoles.count, "\(name) at \(depth): \(foregrounds)")
      #expect(!foregrounds.contains(-1))
    }
  }

  @Test func monoIsAttributesOnly() throws {
    let mono = try Self.shipped("mono")
    #expect(mono.roles.values.allSatisfy { $0.foreground == nil && $0.background == nil })
    let palette = mono.palette(for: .full)
    for depth in [ColorDepth.none, .eight, .sixteen] { #expect(mono.palette(for: depth) == palette) }
    #expect(palette.appearances.values.allSatisfy { $0.foreground == -1 && $0.background == -1 })
    #expect(palette[.critical] == RoleAppearance(bold: true))
    #expect(palette[.dim] == RoleAppearance(dim: true))
    #expect(palette[.text] == RoleAppearance())
  }

  @Test func boxGlyphsFollowTheThemeOnUnicodeOnly() throws {
    let amber = try Self.shipped("amber")
    let teal = try Self.shipped("teal")
    #expect(amber.boxGlyphs(for: .unicode) == .heavy)
    #expect(teal.boxGlyphs(for: .unicode) == .unicode)
    #expect(amber.boxGlyphs(for: .ascii) == .ascii)
  }

  // MARK: - Parsing

  @Test func parsesColoursBackgroundsAndAttributes() throws {
    let text = Self.themeText(roles: [
      .ok: "{ color: 46, fallback: bright green }",
      .banner: "{ color: 16, fallback: black, background: 214, background_fallback: yellow, bold: true }",
      .dim: "{ dim: true }",
    ])
    let theme = try ThemeFile.parse(text, file: "test.yaml")
    #expect(theme.name == "test" && theme.description == "A test theme." && theme.box == .heavy)
    let green = Theme.BasicColor(index: 2, bright: true)
    #expect(theme.roles[.ok] == Theme.Role(foreground: Theme.Color(index: 46, fallback: green)))
    #expect(
      theme.roles[.banner]
        == Theme.Role(
          foreground: Theme.Color(index: 16, fallback: Theme.BasicColor(index: 0)),
          background: Theme.Color(index: 214, fallback: Theme.BasicColor(index: 3)), bold: true))
    #expect(theme.roles[.dim] == Theme.Role(dim: true))
    #expect(theme.roles[.text] == Theme.Role())
  }

  @Test(arguments: [
    ("red", Theme.BasicColor(index: 1)), ("bright white", Theme.BasicColor(index: 7, bright: true)),
    ("black", Theme.BasicColor(index: 0)),
  ])
  func readsColourNames(name: String, color: Theme.BasicColor) {
    #expect(Theme.BasicColor(name: name) == color)
  }

  @Test(arguments: ["orange", "bright", "Red", "bright bright red", ""])
  func rejectsUnknownColourNames(name: String) {
    #expect(Theme.BasicColor(name: name) == nil)
  }

  struct BadTheme: Sendable, CustomTestStringConvertible {
    var text: String
    var key: String?
    var problem: String
    var testDescription: String { key ?? problem }
  }

  static let badThemes: [BadTheme] = [
    BadTheme(
      text: themeText(extraRoles: ["shields: {}"]), key: "roles.shields",
      problem: "unknown key; expected one of: " + ColorRole.allCases.map(\.rawValue).sorted().joined(separator: ", ")),
    BadTheme(
      text: themeText(roles: [.ok: "{ color: 256, fallback: green }"]), key: "roles.ok.color",
      problem: "256 is out of range; use 0 to 255"),
    BadTheme(
      text: themeText(roles: [.alert: "{ color: -3, fallback: red }"]), key: "roles.alert.color",
      problem: "-3 is out of range; use 0 to 255"),
    BadTheme(
      text: themeText(roles: [.ok: "{ color: 46, fallback: orange }"]), key: "roles.ok.fallback",
      problem: "unknown colour name 'orange'; use black, red, green, yellow, blue, magenta, cyan, white, "
        + "optionally preceded by 'bright'"),
    BadTheme(
      text: themeText(roles: [.ok: "{ color: '46', fallback: green }"]), key: "roles.ok.color",
      problem: "must be a whole number from 0 to 255"),
    BadTheme(
      text: themeText(roles: [.title: "{ bold: 1 }"]), key: "roles.title.bold", problem: "must be true or false"),
    BadTheme(
      text: themeText(roles: [.text: "[214, yellow]"]), key: "roles.text", problem: "must be a mapping"),
    BadTheme(
      text: themeText(roles: [.text: "{ colour: 214, fallback: yellow }"]), key: "roles.text.colour",
      problem: "unknown key; expected one of: background, background_fallback, bold, color, dim, fallback"),
    BadTheme(
      text: themeText(roles: [.ok: "{ color: 46 }"]), key: "roles.ok.fallback",
      problem: "is missing; 'color' needs an 8-colour fallback beside it"),
    BadTheme(
      text: themeText(roles: [.ok: "{ background_fallback: red }"]), key: "roles.ok.background",
      problem: "is missing; 'background_fallback' needs a 256-colour value beside it"),
    BadTheme(
      text: themeText().replacingOccurrences(of: "  banner: {}\n", with: ""), key: "roles.banner",
      problem: "is missing; every role needs a look"),
    BadTheme(
      text: themeText(box: "double"), key: "glyphs.box", problem: "unknown box style 'double'; use light or heavy"),
    BadTheme(
      text: themeText().replacingOccurrences(of: "name: test", with: "name: 7"), key: "name", problem: "must be text"),
    BadTheme(
      text: "name: test\ndescription: x\ncolours: {}\n", key: "colours",
      problem: "unknown key; expected one of: description, glyphs, name, roles"),
    BadTheme(text: "- amber\n", key: nil, problem: "the file is not a YAML mapping"),
    BadTheme(text: "name: test\ndescription: x\n", key: "roles", problem: "is missing"),
  ]

  @Test(arguments: badThemes)
  func errorsNameTheFileAndTheKey(bad: BadTheme) {
    #expect(Self.parseError(bad.text) == .invalid(file: "bad.yaml", key: bad.key, problem: bad.problem))
  }

  @Test func errorDescriptionNamesFileAndKey() {
    let error = Self.parseError(Self.themeText(roles: [.ok: "{ color: 300, fallback: green }"]))
    #expect(error?.description == "bad.yaml: key 'roles.ok.color': 300 is out of range; use 0 to 255")
  }

  @Test func invalidYAMLNamesTheFile() throws {
    let error = try #require(Self.parseError("name: [unclosed\n"))
    guard case .invalid(let file, _, let problem) = error else {
      Issue.record("unexpected error \(error)")
      return
    }
    #expect(file == "bad.yaml")
    #expect(problem.hasPrefix("invalid YAML: "))
  }

  @Test func fileNameMustMatchTheThemeName() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("other.yaml")
    try Self.themeText().write(to: url, atomically: true, encoding: .utf8)
    let expected = ThemeError.invalid(
      file: url.path, key: "name", problem: "the name 'test' does not match the file name 'other'")
    #expect(throws: expected) { try ThemeFile.load(url) }
  }

  // MARK: - Library

  @Test func unknownThemeListsTheAvailableNames() {
    let library = ThemeLibrary(folders: [Self.themesFolder])
    #expect(throws: ThemeError.unknownTheme(name: "plasma", available: Self.shippedNames)) {
      try library.load(named: "plasma")
    }
    let description = ThemeError.unknownTheme(name: "plasma", available: Self.shippedNames).description
    #expect(description == "no theme named 'plasma'; available themes: amber, mono, phosphor, teal")
  }

  @Test func loadsAShippedThemeByName() throws {
    let theme = try ThemeLibrary(folders: [Self.themesFolder]).load(named: "phosphor")
    #expect(theme == (try Self.shipped("phosphor")))
  }

  @Test func builtInMonoWhenNoFolderExists() throws {
    let library = ThemeLibrary(folders: [URL(fileURLWithPath: "/nonexistent/bulkhead/themes")])
    #expect(library.availableNames() == ["mono"])
    let mono = try library.load(named: "mono")
    #expect(mono == Theme.builtInMono)
    #expect(mono.palette(for: .full) == .monochrome)
    #expect(throws: ThemeError.unknownTheme(name: "amber", available: ["mono"])) {
      try library.load(named: "amber")
    }
  }

  @Test func earlierFolderWinsAndFilesJoin() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let custom = Self.themeText(roles: [.text: "{ color: 33, fallback: blue }"])
      .replacingOccurrences(of: "name: test", with: "name: amber")
    try custom.write(to: folder.appendingPathComponent("amber.yaml"), atomically: true, encoding: .utf8)
    try "not a theme".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    let library = ThemeLibrary(folders: [folder, Self.themesFolder])
    #expect(library.availableNames() == Self.shippedNames)
    #expect(try library.load(named: "amber").palette(for: .full)[.text] == RoleAppearance(foreground: 33))
    #expect(try library.load(named: "teal") == (try Self.shipped("teal")))
  }

  @Test func standardFoldersInOrder() throws {
    let root = try Self.temporaryFolder().resolvingSymlinksInPath()
    defer { try? FileManager.default.removeItem(at: root) }
    let checkoutThemes = root.appendingPathComponent("checkout/themes")
    try FileManager.default.createDirectory(at: checkoutThemes, withIntermediateDirectories: true)
    let executable = root.appendingPathComponent("checkout/.build/x86_64-unknown-linux-gnu/debug/bulkhead")
    let library = ThemeLibrary.standard(
      explicitFolder: root.appendingPathComponent("mine"), environment: ["BULKHEAD_HOME": root.path + "/home"],
      currentDirectory: root.path + "/work", executable: executable.path)
    #expect(
      library.folders.map(\.path) == [
        root.path + "/mine", root.path + "/home/themes", root.path + "/work/themes", checkoutThemes.path,
        "/usr/share/bulkhead/themes",
      ])
  }

  @Test func standardFoldersWithoutHomeOrCheckout() throws {
    let root = try Self.temporaryFolder().resolvingSymlinksInPath()
    defer { try? FileManager.default.removeItem(at: root) }
    let library = ThemeLibrary.standard(
      environment: [:], currentDirectory: root.path, executable: root.path + "/a/b/c/d/e/f/g/bulkhead")
    #expect(library.folders.map(\.path) == [root.path + "/themes", "/usr/share/bulkhead/themes"])
  }
}
