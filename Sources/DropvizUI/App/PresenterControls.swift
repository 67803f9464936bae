import TermUI

/// What a presenter (a lesson, or `run --present`) takes away from the screen and the keyboard:
/// the key bar, and every key but a chosen few, so that a class sees the demo and a stray key
/// cannot derail it. `q`, Ctrl-C, `?` and `i` always act: the presenter can always leave, and
/// the class can always see the keys and the instructions.
public struct PresenterControls: Equatable, Sendable {
    /// The key bar at the bottom is left empty (notices still show there).
    public var hideKeyBar = false
    /// The keys that act; nil: all of them.
    public var allowedKeys: Set<InputEvent>? = nil

    public init(hideKeyBar: Bool = false, allowedKeys: Set<InputEvent>? = nil) {
        self.hideKeyBar = hideKeyBar
        self.allowedKeys = allowedKeys
    }

    public static let alwaysActive: Set<InputEvent> = [.char("q"), .ctrlC, .char("?"), .char("i")]
    public static let lockedNotice = L10n.keyLocked.rawValue

    /// Whether `event` acts. Mouse clicks select like ← and →, so they are locked with those.
    public func allows(_ event: InputEvent) -> Bool {
        guard let allowed = allowedKeys, event != .unknown else { return true }
        if Self.alwaysActive.contains(event) { return true }
        if case .mouse = event { return allowed.contains(.left) || allowed.contains(.right) }
        return allowed.contains(event)
    }

    /// Whether every key of a row of the help (`KeyBindings.all`) is locked.
    public func locks(row keys: String) -> Bool {
        guard allowedKeys != nil else { return false }
        let events = Self.events(ofHelpKeys: keys)
        return !events.isEmpty && events.allSatisfy { !allows($0) }
    }

    /// The keys a lesson's "keys" field names: words separated by spaces, each one key, either
    /// a single character ("r", "+", "↑") or a name ("space", "tab", "backtab", "enter", "esc",
    /// "up", "down", "left", "right"). Returns the first word that is neither, if any.
    public static func parse(keys text: String) -> (keys: Set<InputEvent>, unknown: String?) {
        var keys: Set<InputEvent> = []
        for word in text.split(separator: " ") {
            if let key = named[word.lowercased()] {
                keys.insert(key)
            } else if word.count == 1, let c = word.first {
                keys.insert(.char(c))
            } else {
                return (keys, String(word))
            }
        }
        return (keys, nil)
    }

    private static let named: [String: InputEvent] = [
        "space": .char(" "), "tab": .tab, "backtab": .backTab, "enter": .enter, "esc": .escape,
        "up": .up, "down": .down, "left": .left, "right": .right,
        "↑": .up, "↓": .down, "←": .left, "→": .right, "ctrl-c": .ctrlC,
    ]

    /// The events a help row's key column names ("↑ ↓  + -", "0 … 9", "q  Ctrl-C", "← →  Tab").
    static func events(ofHelpKeys keys: String) -> [InputEvent] {
        let words = keys.split(separator: " ").map(String.init)
        var events: [InputEvent] = []
        for (i, word) in words.enumerated() {
            if word == "…", i > 0, i + 1 < words.count, let a = words[i - 1].first?.asciiValue, let b = words[i + 1].first?.asciiValue, a < b {
                for v in (a + 1)..<b { events.append(.char(Character(UnicodeScalar(v)))) }
            } else if let e = named[word.lowercased()] {
                events.append(e)
            } else if word.count == 1, let c = word.first {
                events.append(.char(c))
            }
        }
        return events
    }
}
