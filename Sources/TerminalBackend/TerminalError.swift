/// Why the terminal could not be taken over; each reads as one line a user can act on.
public enum TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (`dropviz < file`, `dropviz > file`).
    case notATerminal(stream: String)
    /// ncurses knows no terminal of this type (TERM unset or misspelled).
    case unknownTerminal(term: String?)
    /// The terminal cannot move its cursor (TERM=dumb, a printing terminal): nothing can be drawn.
    case noCursorAddressing(term: String)

    public var description: String {
        switch self {
        case .notATerminal(let stream):
            return "standard \(stream) is not a terminal: the visualizer needs one (for headless training use 'dropviz train')"
        case .unknownTerminal(let term?):
            return "unknown terminal type TERM=\(term) (try TERM=xterm-256color, or 'dropviz train' for headless training)"
        case .unknownTerminal(nil):
            return "TERM is not set (try TERM=xterm-256color, or 'dropviz train' for headless training)"
        case .noCursorAddressing(let term):
            return "the terminal TERM=\(term) cannot move its cursor, so the visualizer cannot draw (use 'dropviz train' for headless training)"
        }
    }
}
