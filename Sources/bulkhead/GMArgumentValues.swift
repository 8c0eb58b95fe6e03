import ArgumentParser
import BulkheadCore

/// The campaign vocabulary as command-line values, in any letter case (`encounter` or `ENCOUNTER`).
protocol CaseInsensitiveArgument: ExpressibleByArgument, CaseIterable, RawRepresentable<String> {}

extension CaseInsensitiveArgument {
  public init?(argument: String) {
    guard let value = Self.allCases.first(where: { $0.rawValue.lowercased() == argument.lowercased() }) else {
      return nil
    }
    self = value
  }

  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension ViewType: CaseInsensitiveArgument {}
extension CharonMode: CaseInsensitiveArgument {}
extension DoorStatus: CaseInsensitiveArgument {}
extension Token.Kind: CaseInsensitiveArgument {}
extension ShipSystemStatus: CaseInsensitiveArgument {}
extension MessagePriority: CaseInsensitiveArgument {}
