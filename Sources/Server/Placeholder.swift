import BulkheadCore
public enum ServerPlaceholder {}
