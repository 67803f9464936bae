/// Input as the app sees it, free of any terminal library so the app core can be tested
/// by feeding it these values.
public enum InputEvent: Sendable, Equatable, Hashable {
    case char(Character)
    case up, down, left, right
    case tab, backTab
    case enter, escape, backspace
    /// PgUp, PgDn, Home, End (the time cursor: Rewind.swift in DropvizUI).
    case pageUp, pageDown, home, end
    /// Ctrl-C typed, or SIGINT/SIGTERM received: the app should leave cleanly.
    case ctrlC
    case resize(width: Int, height: Int)
    /// A mouse click at a cell, 0-based from the top-left corner.
    case mouse(x: Int, y: Int)
    case unknown
}
