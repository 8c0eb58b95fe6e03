import ArgumentParser
import BulkheadCanvas
import BulkheadClient
import BulkheadCore
import BulkheadTUI
import Foundation

/// The server a gm command talks to.
struct GMServerOptions: ParsableArguments {
  @Option(help: "The server's base URL.")
  var server = "http://127.0.0.1:8000"

  @OptionGroup var trust: TrustOptions

  func validate() throws {
    guard server.hasPrefix("http://") || server.hasPrefix("https://") else {
      throw ValidationError("--server must start with http:// or https://")
    }
  }

  /// `--server` without trailing slashes: the key of its stored login.
  var baseURL: String {
    var url = Substring(server)
    while url.hasSuffix("/") { url = url.dropLast() }
    return String(url)
  }
}

/// The options of every gm write: the server and the form of the output.
struct GMWriteOptions: ParsableArguments {
  @OptionGroup var target: GMServerOptions

  @Flag(help: "Print the server's answer as JSON instead of a sentence.")
  var json = false
}

extension GMClient {
  /// A client for `options`' server with its stored login.
  ///
  /// - Throws: ``GMFailure`` (status 1) when there is no stored login for that server.
  init(_ options: GMWriteOptions) throws(GMFailure) {
    try self.init(server: options.target.baseURL)
  }
}

extension GMWriteOptions {
  /// Prints `answer` as JSON with `--json`, otherwise `sentence`.
  func report(_ answer: JSONValue, _ sentence: @autoclosure () -> String) {
    if json {
      print(String(decoding: JSONWriter.encode(answer), as: UTF8.self))
    } else {
      print(sentence())
    }
  }
}
