import Hummingbird
import NIOCore

/// The request context of every route: the logger, the client's address, the body limit.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
  public var coreContext: CoreRequestContextStorage
  /// The client's address, used to rate-limit the players' actions.
  public let remoteAddress: SocketAddress?
  /// The connection's channel: the event stream writes its frames to it directly.
  let channel: any Channel

  public init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    remoteAddress = source.channel.remoteAddress
    channel = source.channel
  }

  /// Bodies over 64 KiB are refused with 413.
  public var maxUploadSize: Int { ServerLimits.bodyBytes }
}

/// The size and rate limits of the server.
public enum ServerLimits {
  /// The largest body of a GM write.
  public static let bodyBytes = 64 * 1024
  /// The largest body of a player action or a login.
  public static let playerBodyBytes = 4 * 1024
}
