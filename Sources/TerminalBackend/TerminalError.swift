public enum TerminalError: Error, Sendable, Equatable {
    /// ncurses could not set up the terminal (not a tty, unknown TERM…).
    case cannotInitialize(term: String?)
}
