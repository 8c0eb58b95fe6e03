import BulkheadCore
import Hummingbird

/// The routes of API.md over one server's stores.
struct BulkheadAPI: Sendable {
  let store: StateStore
  let messages: MessageStore
  let accounts: AccountStore
  /// Limits the players' public actions per client.
  let playerLimiter: RateLimiter
  /// Limits login attempts per client, apart from the players' actions.
  let loginLimiter: RateLimiter
  /// Where the routes count what they do.
  let metrics: ServerMetrics

  /// Every route with its method, for the router and for 405 answers (`*` one segment, `**` the rest).
  static var routes: [(pattern: [Substring], method: HTTPRequest.Method)] {
    let reads = [
      "api/active-view", "api/active-view/stream", "api/messages", "api/ship-status", "api/star-map",
      "api/encounter-map/*", "api/encounter-map/*/all-decks", "api/terminal/*/*",
      "api/charon/conversation", "api/charon/*/conversation", "api/gm/encounter/room-visibility", "api/locations",
    ]
    let writes = Endpoint.allCases.map { $0.rawValue } + ["api/auth/login"]
    return reads.map { ($0.split(separator: "/"), HTTPRequest.Method.get) }
      + writes.map { ($0.split(separator: "/"), HTTPRequest.Method.post) }
      + [(["data", "**"], .get), (["data", "**"], .head)]
  }

  /// Adds every route to `router`.
  func register(on router: Router<AppRequestContext>) {
    router.add(middleware: JSONErrorMiddleware(routes: Self.routes))
    router.get("api/active-view") { _, _ in JSONResponse.make(buffer: await store.payload) }
    router.get("api/active-view/stream") { request, context in stream(request, context) }
    router.get("api/messages") { request, _ in try await messageList(request) }
    router.get("api/ship-status") { _, _ in JSONResponse.make(await shipStatus()) }
    router.get("api/star-map") { _, _ in try starMap() }
    router.get("api/locations") { _, _ in JSONResponse.make(locationList()) }
    router.get("api/encounter-map/:slug") { request, context in
      try await encounterMap(context.parameters.require("slug"), deckID: request.uri.queryParameters["deck_id"])
    }
    router.get("api/encounter-map/:slug/all-decks") { _, context in
      try await allDecks(context.parameters.require("slug"))
    }
    router.get("api/terminal/:location/:terminal") { _, context in
      try terminal(context.parameters.require("location"), context.parameters.require("terminal"))
    }
    router.get("api/charon/conversation") { _, _ in try await conversation(channel: nil) }
    router.get("api/charon/:channel/conversation") { _, context in
      try await conversation(channel: context.parameters.require("channel"))
    }
    router.get("api/gm/encounter/room-visibility") { _, _ in
      JSONResponse.make([
        "room_visibility": .object(await store.currentState.roomVisibility.mapValues(JSONValue.bool))
      ])
    }
    router.post("api/auth/login") { request, context in try await login(request, context) }
    for endpoint in Endpoint.allCases {
      router.post(RouterPath(endpoint.rawValue)) { request, context in
        try await write(endpoint, request, context)
      }
    }
    registerCampaignFiles(on: router)
  }
}
