import Foundation

/// The `bulkhead` executable built next to the test bundle, when it is there.
let bulkheadExecutable: URL? = {
  let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("bulkhead")
  let candidates = [beside, projectRoot.appendingPathComponent(".build/debug/bulkhead")]
  return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
}()

/// A `bulkhead` command run as a child process.
final class ChildProcess: @unchecked Sendable {
  let process = Process()
  private let output = Pipe()
  private let errors = Pipe()
  private var buffered = ""
  /// Standard error, read as it comes so that a chatty child (a request log line per write) never blocks on a
  /// full pipe; complete once `errorsRead` is signalled.
  private var errorBytes = Data()
  private let errorsRead = DispatchSemaphore(value: 0)

  /// Starts `bulkhead arguments`; with `openFileLimit`, under that open-file limit (soft and hard, as `ulimit -n`);
  /// `environment` entries are added to this process's environment.
  init(
    _ arguments: [String], stdin: String? = nil, openFileLimit: Int? = nil, environment: [String: String] = [:]
  ) throws {
    guard let bulkheadExecutable else { throw HarnessError("the bulkhead executable is not built") }
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    if let openFileLimit {
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments =
        ["-c", "ulimit -n \(openFileLimit) && exec \"$0\" \"$@\"", bulkheadExecutable.path] + arguments
    } else {
      process.executableURL = bulkheadExecutable
      process.arguments = arguments
    }
    process.standardOutput = output
    process.standardError = errors
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
    let reader = errors.fileHandleForReading
    DispatchQueue.global().async {
      self.errorBytes = reader.readDataToEndOfFile()
      self.errorsRead.signal()
    }
  }

  /// Runs a command to its end and returns its status and output.
  static func run(
    _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]
  ) throws -> (status: Int32, out: String, err: String) {
    let child = try ChildProcess(arguments, stdin: stdin, environment: environment)
    let out = child.output.fileHandleForReading.readDataToEndOfFile()
    child.process.waitUntilExit()
    return (child.process.terminationStatus, String(decoding: out, as: UTF8.self), child.errorText())
  }

  /// The next line of standard output, or nil at its end.
  func readLine() -> String? {
    while !buffered.contains("\n") {
      let data = output.fileHandleForReading.availableData
      if data.isEmpty {
        defer { buffered = "" }
        return buffered.isEmpty ? nil : buffered
      }
      buffered += String(decoding: data, as: UTF8.self)
    }
    let line = buffered.prefix { $0 != "\n" }
    buffered.removeFirst(line.count + 1)
    return String(line)
  }

  /// Everything written to standard error (waits for the process to close it, i.e. to end).
  func errorText() -> String {
    errorsRead.wait()
    errorsRead.signal()
    return String(decoding: errorBytes, as: UTF8.self)
  }

  /// Reads standard output until a line announces the server's URL, and returns it.
  func serverURL() throws -> String {
    guard let text = readLine() else { throw HarnessError("the server exited: \(errorText())") }
    guard let start = text.range(of: "http://"), let end = text[start.lowerBound...].firstIndex(of: " ") else {
      throw HarnessError("no URL in: \(text)")
    }
    return String(text[start.lowerBound..<end]).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
  }

  /// Sends `signal` and waits up to `timeout` seconds for the exit; returns the seconds it took, or nil.
  func signal(_ signal: Int32, timeout: Double) -> Double? {
    let start = Date()
    kill(process.processIdentifier, signal)
    while process.isRunning {
      if Date().timeIntervalSince(start) > timeout { return nil }
      usleep(5_000)
    }
    return Date().timeIntervalSince(start)
  }

  /// The CPU time (user and system) the process has used so far, in seconds; nil when it cannot be read.
  func cpuSeconds() -> Double? {
    guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
      let afterName = stat.range(of: ") ")
    else { return nil }
    // Fields after the command name start at the state (field 3); utime and stime are fields 14 and 15.
    let fields = stat[afterName.upperBound...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  deinit {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
  }
}
