import Foundation
import Yams

/// Reads YAML files into `JSONValue` trees, as the original tool's `yaml.safe_load` would.
enum YAMLFile {
  /// Parses `text`; `file` names it in errors. An empty document is `null`.
  static func parse(_ text: String, file: String) throws(CampaignError) -> JSONValue {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw CampaignError(file: file, problem: "invalid YAML: \(describe(error))")
    } catch {
      throw CampaignError(file: file, problem: "invalid YAML: \(error)")
    }
    guard let root else { return .null }
    return try convert(root, file: file, path: "")
  }

  /// Reads and parses the file at `url`; `file` is the name used in errors.
  static func load(_ url: URL, file: String) throws(CampaignError) -> JSONValue {
    try parse(try readText(url, file: file), file: file)
  }

  /// Reads a UTF-8 text file.
  static func readText(_ url: URL, file: String) throws(CampaignError) -> String {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw CampaignError(file: file, problem: "cannot read the file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CampaignError(file: file, problem: "the file is not UTF-8 text")
    }
    return text
  }

  private static func convert(_ node: Node, file: String, path: String) throws(CampaignError) -> JSONValue {
    switch node {
    case .scalar(let scalar):
      return convert(scalar: scalar, node: node)
    case .sequence(let sequence):
      var elements: [JSONValue] = []
      elements.reserveCapacity(sequence.count)
      for (index, element) in sequence.enumerated() {
        elements.append(try convert(element, file: file, path: "\(path)[\(index)]"))
      }
      return .array(elements)
    case .mapping(let mapping):
      var members: [String: JSONValue] = [:]
      for (keyNode, valueNode) in mapping {
        guard case .scalar(let keyScalar) = keyNode else {
          throw CampaignError(file: file, key: path, problem: "a mapping key is not a plain value")
        }
        let key = keyScalar.string
        let childPath = path.isEmpty ? key : "\(path).\(key)"
        members[key] = try convert(valueNode, file: file, path: childPath)
      }
      return .object(members)
    case .alias:
      throw CampaignError(file: file, key: path, problem: "YAML aliases are not supported")
    }
  }

  private static func convert(scalar: Node.Scalar, node: Node) -> JSONValue {
    if scalar.style != .plain { return .string(scalar.string) }
    switch Tag.Name(rawValue: node.tag.description) {
    case .null: return .null
    case .bool: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
    case .int: return node.int.map(JSONValue.int) ?? .string(scalar.string)
    case .float: return node.float.map(JSONValue.double) ?? .string(scalar.string)
    default: return .string(scalar.string)
    }
  }

  private static func describe(_ error: YamlError) -> String {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return "\(problem) at line \(mark.line), column \(mark.column)"
    case .duplicatedKeysInMapping(let duplicates, let context):
      return "duplicated key \(duplicates.joined(separator: ", ")) at line \(context.mark.line)"
    default:
      return "\(error)"
    }
  }
}
