import Foundation
import Yams

/// Reads YAML files into `JSONValue` trees, as the original tool's `yaml.safe_load` would.
enum YAMLFile {
  /// Parses `text`; `file` names it in errors. An empty document is `null`.
  ///
  /// A key repeated in a block mapping keeps its last value, as the original tool's PyYAML
  /// reads it; each such key is reported in `warnings`.
  static func parse(_ text: String, file: String, warnings: inout [String]) throws(CampaignError) -> JSONValue {
    var text = text
    var root: Node?
    for _ in 0..<100 {
      do {
        root = try Yams.compose(yaml: text)
        break
      } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
        guard let trimmed = removeBlock(at: context.mark, in: text) else {
          throw CampaignError(
            file: file,
            problem: "the key '\(duplicates.joined(separator: ", "))' appears twice "
              + "at line \(context.mark.line)")
        }
        warnings.append(
          "\(file): key '\(duplicates[0])' appears twice; the last value is used (line \(context.mark.line))")
        text = trimmed
      } catch let error as YamlError {
        throw CampaignError(file: file, problem: "invalid YAML: \(describe(error))")
      } catch {
        throw CampaignError(file: file, problem: "invalid YAML: \(error)")
      }
    }
    guard let root else { return .null }
    return try convert(root, file: file, path: "")
  }

  /// Parses `text`, ignoring warnings.
  static func parse(_ text: String, file: String) throws(CampaignError) -> JSONValue {
    var warnings: [String] = []
    return try parse(text, file: file, warnings: &warnings)
  }

  /// `text` without the key that starts at `mark` and the lines indented under it; nil when the
  /// key does not start its line (a flow mapping, or a key after `- `).
  private static func removeBlock(at mark: Mark, in text: String) -> String? {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let index = mark.line - 1
    guard lines.indices.contains(index) else { return nil }
    let line = lines[index]
    let indent = line.prefix { $0 == " " }.count
    guard indent == mark.column - 1 else { return nil }
    var end = index + 1
    while end < lines.count {
      let next = lines[end]
      let nextIndent = next.prefix { $0 == " " }.count
      let blank = next.trimmingCharacters(in: .whitespaces).isEmpty
      if !blank && nextIndent <= indent && !next.dropFirst(nextIndent).hasPrefix("- ") { break }
      if !blank && nextIndent < indent { break }
      end += 1
    }
    lines.removeSubrange(index..<end)
    return lines.joined(separator: "\n")
  }

  /// Reads and parses the file at `url`; `file` is the name used in errors.
  static func load(_ url: URL, file: String, warnings: inout [String]) throws(CampaignError) -> JSONValue {
    try parse(try readText(url, file: file), file: file, warnings: &warnings)
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
    return text.replacingOccurrences(of: "\r\n", with: "\n")
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
      // Yams resolves aliases while composing; an alias node is not expected here.
      throw CampaignError(file: file, key: path, problem: "unresolved YAML alias")
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
