import BulkheadCanvas

/// Every key of the GM console with what it does, as the help overlay (`?`) lists them.
public enum GMConsoleKeys {
  /// The keys, grouped by what they act on, in the order the help shows them.
  public static let all: [(keys: String, action: String)] = [
    ("arrows h j k l", "move the cursor over the deck"),
    ("[  ]", "previous / next deck"),
    ("r", "reveal or hide the room under the cursor"),
    ("R", "reveal every room of the deck"),
    ("d", "cycle the nearest door: OPEN CLOSED LOCKED SEALED DAMAGED"),
    ("t", "place a token at the cursor (type, then name)"),
    ("m", "pick up the token; arrows move, Enter drops, Esc cancels"),
    ("s", "cycle the token's status: wounded dead panicked"),
    ("x", "remove the token under the cursor"),
    ("X", "clear all tokens (asks first)"),
    ("p", "NPCs: Enter shows or dismisses the portrait"),
    ("v", "locations and views: Enter switches the shared screen"),
    ("o", "comm terminals: Enter shows one to the players"),
    ("O", "hide the comm terminal"),
    ("b", "broadcast a message (text, then priority)"),
    ("c", "CHARON: d dialog, m DISPLAY/QUERY, Enter send"),
    ("y", "ship: s cycles status, Enter sets condition"),
    ("Esc", "back to the map; cancels a prompt"),
    ("mouse", "click selects, click on fog reveals, drag moves"),
    ("Ctrl-L", "repaint the screen"),
    ("q", "quit (asks first)"),
    ("?", "this help; any key closes it"),
  ]
}
