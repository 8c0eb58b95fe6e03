import Foundation
import Testing

@testable import TestSupport

/// Where `openssl` is, to make the tests' certificates.
let opensslTool = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first {
  FileManager.default.isExecutableFile(atPath: $0)
}

/// A certificate authority and a server certificate for 127.0.0.1 and localhost, made with the openssl CLI.
struct TestCertificates {
  let folder: URL
  var authority: String { folder.appendingPathComponent("ca.pem").path }
  var certificate: String { folder.appendingPathComponent("server.pem").path }
  var key: String { folder.appendingPathComponent("server.key").path }

  init() throws {
    folder = try temporaryFolder()
    let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    try Self.openssl(
      ["req", "-x509"] + curve + [
        "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Bulkhead Test CA",
      ],
      in: folder)
    try Self.openssl(
      ["req"] + curve + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"], in: folder)
    try "subjectAltName=IP:127.0.0.1,DNS:localhost\n".write(
      to: folder.appendingPathComponent("san.ext"), atomically: true, encoding: .utf8)
    try Self.openssl(
      [
        "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out",
        "server.pem", "-days", "2", "-extfile", "san.ext",
      ], in: folder)
  }

  private static func openssl(_ arguments: [String], in folder: URL) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: opensslTool ?? "/usr/bin/openssl")
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let errors = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    try process.run()
    let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw HarnessError("openssl \(arguments[0]) failed: \(said)") }
  }
}

/// `serve --tls-cert --tls-key` and the clients' `https://` with `--ca`, against certificates made in the test.
@Suite(
  "TLS", .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built"),
  .enabled(if: opensslTool != nil, "the openssl CLI is not installed"))
struct TLSTests {
  /// A TLS `bulkhead serve` child with a GM account; returns its https:// base URL.
  private static func serveTLS(_ certificates: TestCertificates) throws -> (ChildProcess, String, String) {
    let database = try temporaryFolder().appendingPathComponent("db.sqlite").path
    _ = try ChildProcess.run(
      ["accounts", "add", "ops", "--db", database, "--password-stdin"], stdin: "tls-all-the-way\n")
    let child = try ChildProcess([
      "serve", "--port", "0", "--db", database, "--tls-cert", certificates.certificate, "--tls-key", certificates.key,
    ])
    guard let line = child.readLine(), let start = line.range(of: "https://"),
      let end = line[start.lowerBound...].firstIndex(of: " ")
    else { throw HarnessError("no https URL announced: \(child.errorText())") }
    return (child, String(line[start.lowerBound..<end].dropLast()), database)
  }

  @Test("play --headless and gm login reach an https server with --ca; without it the certificate is refused")
  func clientsWithAuthority() async throws {
    let certificates = try TestCertificates()
    let (child, base, _) = try Self.serveTLS(certificates)
    defer { _ = child.signal(SIGKILL, timeout: 5) }
    let config = try temporaryFolder().path

    let play = try ChildProcess.run([
      "play", "--headless", "--frames", "2", "--size", "80x24", "--server", base, "--ca", certificates.authority,
    ])
    #expect(play.status == 0, "\(play.err)")
    // The first frame says CONNECTING…, the second the server's STANDBY, read over TLS.
    #expect(play.out.contains("--- frame 2"))
    #expect(play.out.contains("STANDBY"), "\(play.out)")

    let login = try ChildProcess.run(
      ["gm", "login", "--server", base, "--user", "ops", "--password-stdin", "--ca", certificates.authority],
      stdin: "tls-all-the-way\n", environment: ["XDG_CONFIG_HOME": config])
    #expect(login.status == 0, "\(login.err)")
    let write = try ChildProcess.run(
      ["gm", "view", "--view-type", "SHIP_DASHBOARD", "--server", base, "--ca", certificates.authority],
      environment: ["XDG_CONFIG_HOME": config])
    #expect(write.status == 0, "\(write.err)")

    let untrusted = try ChildProcess.run(
      ["gm", "login", "--server", base, "--user", "ops", "--password-stdin"], stdin: "tls-all-the-way\n",
      environment: ["XDG_CONFIG_HOME": config])
    #expect(untrusted.status == 3, "\(untrusted.err)")
    #expect(untrusted.err.lowercased().contains("certificate"), "\(untrusted.err)")

    let plain = try? await ServerHarness.request(
      "GET", base.replacingOccurrences(of: "https://", with: "http://") + "/api/active-view/")
    #expect(plain?.status != 200)
  }

  @Test("tap reads an https stream with --ca; a CA file that is not a certificate is refused with its name")
  func tapAndBadAuthority() async throws {
    let certificates = try TestCertificates()
    let (child, base, _) = try Self.serveTLS(certificates)
    defer { _ = child.signal(SIGKILL, timeout: 5) }
    let tap = try ChildProcess(["tap", "--json", "--ca", certificates.authority, base + "/api/active-view/stream/"])
    defer { _ = tap.signal(SIGKILL, timeout: 5) }
    let first = try #require(tap.readLine())
    #expect(first.contains(#""type":"activeview""#), "\(first)")

    let bad = try ChildProcess.run(["tap", "--ca", certificates.key + ".missing", base + "/api/active-view/stream/"])
    #expect(bad.status != 0)
    #expect(bad.err.contains("server.key.missing"), "\(bad.err)")
  }

  @Test("serve warns once that credentials travel in clear on a non-loopback address without TLS, not with it")
  func cleartextWarning() throws {
    let certificates = try TestCertificates()
    for (extra, warns) in [
      ([String](), true), (["--tls-cert", certificates.certificate, "--tls-key", certificates.key], false),
    ] {
      let database = try temporaryFolder().appendingPathComponent("db.sqlite").path
      let child = try ChildProcess(["serve", "--host", "0.0.0.0", "--port", "0", "--db", database] + extra)
      _ = child.readLine()
      _ = child.signal(SIGTERM, timeout: 5)
      let said = child.errorText()
      #expect(said.components(separatedBy: "clear text").count - 1 == (warns ? 1 : 0), "\(said)")
    }
    let missingKey = try ChildProcess.run(["serve", "--port", "0", "--tls-cert", certificates.certificate])
    #expect(missingKey.status != 0)
    #expect(missingKey.err.contains("--tls-key"))
  }
}
