import BulkheadCore
import Foundation
import Logging
import Synchronization

/// A swift-log handler that writes one JSON object per line — `time`, `level`, `label`, `message`, `metadata` —
/// for log collectors (`bulkhead serve --log-format json`).
public struct JSONLogHandler: LogHandler {
  public var logLevel: Logger.Level = .info
  public var metadata: Logger.Metadata = [:]
  public var metadataProvider: Logger.MetadataProvider?
  private let label: String
  private let sink: @Sendable ([UInt8]) -> Void

  /// A handler for `label` whose lines go to `sink`, each ending in a newline.
  public init(label: String, sink: @escaping @Sendable ([UInt8]) -> Void) {
    self.label = label
    self.sink = sink
  }

  /// A handler writing to standard error, for `LoggingSystem.bootstrap`.
  public static func standardError(label: String) -> JSONLogHandler {
    JSONLogHandler(label: label) { line in StandardErrorLock.write(line) }
  }

  public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  public func log(event: LogEvent) {
    var merged = metadata
    if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
    if let extra = event.metadata { merged.merge(extra) { $1 } }
    var line = JSONWriter.encode(
      .object([
        "time": .string(Self.timestamp(Date())), "level": .string(event.level.rawValue), "label": .string(label),
        "message": .string("\(event.message)"), "metadata": .object(merged.mapValues(Self.json)),
      ]))
    line.append(UInt8(ascii: "\n"))
    sink(line)
  }

  /// A metadata value as JSON: strings stay strings, lists arrays, dictionaries objects.
  static func json(_ value: Logger.MetadataValue) -> JSONValue {
    switch value {
    case .string(let string): .string(string)
    case .stringConvertible(let convertible): .string(convertible.description)
    case .array(let values): .array(values.map(json))
    case .dictionary(let values): .object(values.mapValues(json))
    }
  }

  /// RFC 3339 UTC time with milliseconds.
  static func timestamp(_ date: Date) -> String {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    let milliseconds = Int((date.timeIntervalSince1970 - Double(seconds)) * 1000)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), milliseconds)
  }
}

/// Whole lines to standard error, one writer at a time, so lines from several threads never interleave.
private enum StandardErrorLock {
  private static let lock = Mutex(())

  static func write(_ bytes: [UInt8]) {
    lock.withLock { _ in
      bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
          let written = Foundation.write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
          if written <= 0 { return }
          offset += written
        }
      }
    }
  }
}
