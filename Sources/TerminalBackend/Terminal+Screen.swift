import TermUI

/// The ncurses terminal is the program's `Screen` (its members already have the protocol's shape).
extension Terminal: Screen {}
