import BulkheadCanvas
import BulkheadCore

/// The prompt line: confirmations, typed answers and choices.
extension GMConsoleController {
  mutating func confirmationKey(_ input: TerminalInput) -> [GMConsoleEffect] {
    guard let confirmation = model.confirmation else { return [] }
    switch input {
    case .character("y"), .character("Y"):
      model.confirmation = nil
      switch confirmation {
      case .quit: return [.quit]
      case .clearTokens: return send(GMWrite(.clearTokens, summary: "clear every token"))
      }
    case .character("n"), .character("N"), .escape:
      model.confirmation = nil
    default:
      break
    }
    return []
  }

  mutating func promptKey(_ input: TerminalInput) -> [GMConsoleEffect] {
    guard var prompt = model.prompt else { return [] }
    if input == .escape {
      model.prompt = nil
      if case .loginUser = prompt.purpose { retryAfterLogin = nil }
      if case .loginPassword = prompt.purpose { retryAfterLogin = nil }
      return []
    }
    if prompt.isChoice { return choiceKey(input, prompt) }
    switch input {
    case .character(let character):
      if prompt.text.count < ConsolePrompt.limit { prompt.text.append(character) }
      model.prompt = prompt
    case .backspace:
      if !prompt.text.isEmpty { prompt.text.removeLast() }
      model.prompt = prompt
    case .enter:
      return answer(prompt)
    default:
      break
    }
    return []
  }

  mutating func choiceKey(_ input: TerminalInput, _ prompt: ConsolePrompt) -> [GMConsoleEffect] {
    switch prompt.purpose {
    case .tokenType(let cell):
      let kinds: [Character: Token.Kind] = ["p": .player, "n": .npc, "c": .creature, "o": .object]
      guard case .character(let key) = input, let kind = kinds[key] else { return [] }
      model.prompt = ConsolePrompt(.tokenName(kind, at: cell))
    case .broadcastPriority(let content):
      let priorities: [Character: MessagePriority] = ["l": .low, "n": .normal, "h": .high, "c": .critical]
      let priority: MessagePriority
      if input == .enter {
        priority = .normal
      } else if case .character(let key) = input, let chosen = priorities[key] {
        priority = chosen
      } else {
        return []
      }
      model.prompt = nil
      return send(
        GMWrite(
          .broadcast(content: content, sender: "CHARON", priority: priority),
          summary: "broadcast \(priority.rawValue)"))
    default:
      break
    }
    return []
  }

  /// Acts on a typed answer.
  mutating func answer(_ prompt: ConsolePrompt) -> [GMConsoleEffect] {
    let text = UntrustedText.sanitize(prompt.text).trimmingSpaces
    let raw = prompt.text
    model.prompt = nil
    switch prompt.purpose {
    case .tokenName(let kind, let cell):
      guard !text.isEmpty, let deck = model.deck else { return [] }
      let room = deck.room(atX: cell.x, y: cell.y)?.id ?? ""
      return send(
        GMWrite(
          .placeToken(Token(type: kind, name: text, x: cell.x, y: cell.y, roomID: room)),
          summary: "place \(kind.rawValue) \(text)"))
    case .broadcastContent:
      guard !text.isEmpty else { return [] }
      model.prompt = ConsolePrompt(.broadcastPriority(content: text))
    case .charonMessage:
      guard !text.isEmpty else { return [] }
      return send(GMWrite(.sendCharonMessage(text), summary: "CHARON message sent"))
    case .shipCondition(let system, let status):
      guard let condition = Int(text) else {
        model.status = .init("the condition must be a whole number", isError: true)
        return []
      }
      return send(
        GMWrite(
          .setShipSystem(system: system, ShipSystemOverride(status: status, condition: condition)),
          summary: "\(Self.clean(system)) \(status.rawValue) \(condition)%"))
    case .loginUser:
      guard !text.isEmpty else {
        model.prompt = ConsolePrompt(.loginUser)
        return []
      }
      model.prompt = ConsolePrompt(.loginPassword(user: text))
    case .loginPassword(let user):
      guard !raw.isEmpty else {
        model.prompt = ConsolePrompt(.loginPassword(user: user))
        return []
      }
      model.status = .init("logging in as \(user)...")
      return [.logIn(user: user, password: raw)]
    case .tokenType, .broadcastPriority:
      break
    }
    return []
  }
}

extension String {
  /// The string without leading and trailing spaces.
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
