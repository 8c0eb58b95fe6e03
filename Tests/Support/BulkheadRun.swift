import Foundation

/// How a `bulkhead` command run to its end finished: its status and everything it wrote.
struct BulkheadRun {
  var status: Int32
  var out: String
  var err: String

  /// Runs `bulkhead arguments` with `environment` added to this process's, `stdin` (none: /dev/null) as its
  /// standard input, and waits for its end.
  init(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws {
    guard let bulkheadExecutable else { throw HarnessError("the bulkhead executable is not built") }
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let outURL = folder.appendingPathComponent("out")
    let errURL = folder.appendingPathComponent("err")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let outFile = try FileHandle(forWritingTo: outURL)
    let errFile = try FileHandle(forWritingTo: errURL)
    let process = Process()
    process.executableURL = bulkheadExecutable
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
    process.standardOutput = outFile
    process.standardError = errFile
    if let stdin {
      let input = Pipe()
      process.standardInput = input
      try process.run()
      input.fileHandleForWriting.write(Data(stdin.utf8))
      try input.fileHandleForWriting.close()
    } else {
      process.standardInput = FileHandle.nullDevice
      try process.run()
    }
    process.waitUntilExit()
    try outFile.close()
    try errFile.close()
    status = process.terminationStatus
    out = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
    err = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
  }
}
