import BulkheadCanvas
import BulkheadCore

/// Something the player display's loop must do for its controller: the only way the controller reaches the world.
public enum PlayerEffect: Sendable, Equatable {
  /// Fetch a REST resource; its answer comes back through ``PlayerController/fetched(_:_:now:)``.
  case fetch(PlayerResource)
  /// Fetch and decode a portrait; the result comes back through ``PlayerController/portraitLoaded(_:_:)``.
  case fetchPortrait(PortraitSource)
  /// Send a player action (`POST` the command's endpoint with its body), then fetch `refresh` when given.
  case send(Command, refresh: PlayerResource? = nil)
  /// Write a line to the display's log (never the terminal it draws on).
  case log(String)
  /// Clear the screen and draw everything again (Ctrl-L).
  case repaint
  /// Leave the display.
  case quit
}

/// A REST resource the player display reads.
public enum PlayerResource: Sendable, Hashable {
  /// Broadcast messages newer than the last one seen (`/api/messages/?since=`).
  case messages(since: Int)
  /// The comm terminal of the overlay.
  case terminal(location: String, terminal: String)
  /// The active CHARON channel's conversation.
  case charon
  /// The ship's status with the GM's overrides.
  case shipStatus
  /// The star map for the BRIDGE view.
  case starMap

  /// The request path.
  public var path: String {
    switch self {
    case .messages(let since): since > 0 ? "/api/messages/?since=\(since)" : "/api/messages/"
    case .terminal(let location, let terminal):
      "/api/terminal/\(Self.escape(location))/\(Self.escape(terminal))/"
    case .charon: "/api/charon/conversation/"
    case .shipStatus: "/api/ship-status/"
    case .starMap: "/api/star-map/"
    }
  }

  /// The same resource whatever its parameters, to keep one request of a kind in flight.
  var kind: Int {
    switch self {
    case .messages: 0
    case .terminal: 1
    case .charon: 2
    case .shipStatus: 3
    case .starMap: 4
    }
  }

  /// A path segment with everything but unreserved characters percent-encoded.
  static func escape(_ segment: String) -> String {
    var result = ""
    for byte in segment.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
        UInt8(ascii: "~"):
        result.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = Array("0123456789ABCDEF")
        result += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
      }
    }
    return result
  }
}
