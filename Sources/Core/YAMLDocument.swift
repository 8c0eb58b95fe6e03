/// YAML text read as a ``JSONValue`` tree, for modules that read YAML files of their own (such as themes).
///
/// It reads YAML as campaign files are read: plain scalars become numbers, Booleans and nulls where YAML says so,
/// quoted scalars stay strings, and a key repeated in a block mapping keeps its last value.
public enum YAMLDocument {
  /// Parses `text`; `file` names it in errors. An empty document is ``JSONValue/null``.
  ///
  /// - Throws: a ``CampaignError`` naming `file` (and the key, where there is one) when the text is not valid YAML.
  public static func parse(_ text: String, file: String) throws(CampaignError) -> JSONValue {
    try YAMLFile.parse(text, file: file)
  }
}
