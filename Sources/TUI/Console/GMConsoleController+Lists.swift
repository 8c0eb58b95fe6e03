import BulkheadCanvas
import BulkheadCore

/// The list panes: locations, NPCs, the ship, CHARON and the comm terminals.
extension GMConsoleController {
  /// Up and down within `count` rows, from `selection`; `nil` for other keys.
  static func listStep(_ input: TerminalInput, _ selection: Int, count: Int) -> Int? {
    switch input {
    case .up, .character("k"): max(0, selection - 1)
    case .down, .character("j"): max(0, min(count - 1, selection + 1))
    default: nil
    }
  }

  mutating func selectCurrentView() {
    guard let payload = model.view.payload else { return }
    let entries = model.listEntries
    let index = entries.firstIndex { entry in
      switch entry {
      case .view(let type): type == payload.viewType
      case .location(let location): payload.viewType == .encounter && location.slug == payload.locationSlug
      }
    }
    if let index { model.listSelection = index }
  }

  mutating func locationKey(_ input: TerminalInput) -> [GMConsoleEffect]? {
    let entries = model.listEntries
    if let row = Self.listStep(input, model.listSelection, count: entries.count) {
      model.listSelection = row
      return []
    }
    guard input == .enter, entries.indices.contains(model.listSelection) else { return nil }
    switch entries[model.listSelection] {
    case .view(let type):
      return send(GMWrite(.switchView(type, locationSlug: "", viewSlug: ""), summary: "show \(type.rawValue)"))
    case .location(let location) where location.hasMap:
      model.focus = .map
      return send(
        GMWrite(
          .switchView(.encounter, locationSlug: location.slug, viewSlug: ""),
          summary: "open \(Self.clean(location.name)) as ENCOUNTER"))
    case .location(let location):
      model.status = .init("\(Self.clean(location.name)) has no map: o shows one of its terminals", isError: true)
      return []
    }
  }

  mutating func npcKey(_ input: TerminalInput) -> [GMConsoleEffect]? {
    let npcs = model.npcs
    if let row = Self.listStep(input, model.npcSelection, count: npcs.count) {
      model.npcSelection = row
      return []
    }
    guard input == .enter, npcs.indices.contains(model.npcSelection) else { return nil }
    let npc = npcs[model.npcSelection]
    let shown = model.view.payload?.encounterActivePortraits.contains(npc.id) == true
    return send(
      GMWrite(
        .togglePortrait(npcID: npc.id),
        summary: (shown ? "dismiss the portrait of " : "show the portrait of ") + Self.clean(npc.name)))
  }

  mutating func shipKey(_ input: TerminalInput) -> [GMConsoleEffect]? {
    let systems = model.view.ship?.systems ?? []
    if let row = Self.listStep(input, model.shipSelection, count: systems.count) {
      model.shipSelection = row
      return []
    }
    guard systems.indices.contains(model.shipSelection) else { return nil }
    let system = systems[model.shipSelection]
    switch input {
    case .character("s"):
      let all = ShipSystemStatus.allCases
      let next = system.status.flatMap { all.firstIndex(of: $0) }.map { all[($0 + 1) % all.count] } ?? .online
      return send(
        GMWrite(
          .setShipSystem(system: system.key, ShipSystemOverride(status: next, condition: system.condition)),
          summary: "\(Self.clean(system.key)) \(next.rawValue)"))
    case .enter:
      model.prompt = ConsolePrompt(.shipCondition(system: system.key, status: system.status ?? .online))
      return []
    default:
      return nil
    }
  }

  mutating func charonKey(_ input: TerminalInput) -> [GMConsoleEffect]? {
    guard let payload = model.view.payload else { return nil }
    switch input {
    case .character("d"):
      let open = !payload.charonDialogOpen
      return send(
        GMWrite(
          .toggleCharonDialog(open: open),
          summary: open ? "open the CHARON dialog" : "close the CHARON dialog"))
    case .character("m"):
      let mode: CharonMode = payload.charonMode == .display ? .query : .display
      return send(GMWrite(.setCharonMode(mode), summary: "CHARON mode \(mode.rawValue)"))
    case .enter, .character("s"):
      model.prompt = ConsolePrompt(.charonMessage)
      return []
    default:
      return nil
    }
  }

  mutating func terminalKey(_ input: TerminalInput) -> [GMConsoleEffect]? {
    let terminals = model.terminals
    if let row = Self.listStep(input, model.terminalSelection, count: terminals.count) {
      model.terminalSelection = row
      return []
    }
    guard input == .enter, terminals.indices.contains(model.terminalSelection) else { return nil }
    let (location, terminal) = terminals[model.terminalSelection]
    return send(
      GMWrite(
        .showTerminal(locationSlug: location.slug, terminalSlug: terminal.slug),
        summary: "show terminal \(Self.clean(terminal.slug))"))
  }
}
