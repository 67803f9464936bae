#if canImport(Glibc)
import Glibc
#endif
import CNCurses
import TermUI

/// The real terminal, through ncurses: shows `Buffer`s and reads `InputEvent`s. Everything
/// else in the program works on those two types and never sees ncurses.
///
/// Only one `Terminal` can run at a time (ncurses has one screen per process here).
public final class Terminal {
    /// Unicode when the locale is UTF-8, ASCII otherwise; widgets should draw with these.
    public private(set) var glyphs: Glyphs = .ascii
    public private(set) var isUTF8 = false
    /// 8, 16 or 256; 0 when colour is off (NO_COLOR set, or a monochrome terminal).
    public private(set) var colorCount = 0
    public private(set) var isRunning = false

    private var screen: OpaquePointer?
    /// What is on screen now, to draw only what changed; nil forces a full redraw.
    private var onScreen: Buffer?
    private var pairs = ColorPairs(colorCount: 0, hasDefaultColors: false, pairCount: 0)
    private var attributes: (bold: attr_t, dim: attr_t, reverse: attr_t, underline: attr_t) = (0, 0, 0, 0)

    public init() {}

    deinit { stop() }

    /// Takes over the terminal: alternate screen, raw keys, no cursor, mouse clicks, colours.
    public func start() throws {
        guard !isRunning else { return }
        setlocale(LC_ALL, "")
        isUTF8 = cn_locale_is_utf8() != 0
        glyphs = isUTF8 ? .unicode : .ascii

        // Keys come from standard input: a file or /dev/null there would end every read at
        // once and the loop would spin, so refuse before touching the terminal.
        guard isatty(0) == 1 else { throw TerminalError.notATerminal(stream: "input") }
        guard isatty(1) == 1 else { throw TerminalError.notATerminal(stream: "output") }
        let term = getenv("TERM").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        // Without cursor addressing (TERM=dumb) every frame would print as a stream of glyphs.
        switch cn_term_can_address() {
        case 1: break
        case 0: throw TerminalError.noCursorAddressing(term: term ?? "")
        default: throw TerminalError.unknownTerminal(term: term)
        }
        SignalGuard.install()
        guard let screen = cn_newterm_stdio() else {
            SignalGuard.restore()
            throw TerminalError.unknownTerminal(term: term)
        }
        self.screen = screen
        SignalGuard.cursesActive = true
        isRunning = true

        // raw, not cbreak: Ctrl-C arrives as a key and ends the app through its normal path.
        raw()
        noecho()
        keypad(cn_stdscr(), true)
        curs_set(0)
        // ESC is otherwise held for a second waiting for the rest of an escape sequence.
        set_escdelay(25)
        // Report presses at once instead of waiting to see whether they become clicks.
        mouseinterval(0)
        mousemask(cn_button1_pressed(), nil)

        attributes = (cn_a_bold(), cn_a_dim(), cn_a_reverse(), cn_a_underline())
        setUpColors()
        onScreen = nil
    }

    /// Gives the terminal back as it was. Safe to call more than once, or without `start()`.
    public func stop() {
        guard isRunning else { return }
        isRunning = false
        mousemask(0, nil)
        endwin()
        SignalGuard.cursesActive = false
        if let screen { delscreen(screen) }
        screen = nil
        onScreen = nil
        SignalGuard.restore()
    }

    /// Whether SIGINT, SIGTERM, SIGHUP, SIGUSR1 or SIGPIPE has arrived since `start()`.
    public var interruptRequested: Bool { SignalGuard.interrupted }

    /// The first of those signals to arrive since `start()`, or 0. The app ends through its
    /// normal path either way; a caller may then exit with the signal's conventional status.
    public static var receivedSignal: Int32 { SignalGuard.receivedSignal }

    public func size() -> (width: Int, height: Int) {
        guard isRunning else { return (0, 0) }
        return (Int(cn_maxx(cn_stdscr())), Int(cn_maxy(cn_stdscr())))
    }

    /// Shows a buffer, writing only the cells that differ from the last one shown (everything
    /// after a resize or a change of buffer size). Cells beyond the screen are dropped.
    public func present(_ buffer: Buffer) {
        guard isRunning else { return }
        let (width, height) = size()
        let changes: [(x: Int, y: Int, cell: Cell)]
        if let onScreen, onScreen.width == buffer.width, onScreen.height == buffer.height {
            changes = buffer.diff(from: onScreen)
        } else {
            // Clears whatever the old layout left where the new buffer does not reach.
            werase(cn_stdscr())
            changes = buffer.diff(from: Buffer(width: 0, height: 0))
        }
        for change in changes where change.x < width && change.y < height {
            // The diff never lists continuations (a wide cell draws both columns). A wide cell
            // the screen cuts in half would wrap or be refused: a space keeps the row aligned.
            var cell = change.cell
            if change.x + cell.width > width { cell = Cell(scalar: " ", style: cell.style) }
            draw(cell, x: change.x, y: change.y)
        }
        wrefresh(cn_stdscr())
        onScreen = buffer
    }

    /// Waits up to `timeoutMs` (negative: forever) for input. Nil means the time ran out.
    /// Returns `.ctrlC` once an interrupting signal (see `interruptRequested`) has arrived, and
    /// keeps returning it.
    public func poll(timeoutMs: Int) -> InputEvent? {
        guard isRunning else { return nil }
        if SignalGuard.interrupted { return .ctrlC }
        wtimeout(cn_stdscr(), Int32(clamping: timeoutMs))
        var code: wint_t = 0
        let result = wget_wch(cn_stdscr(), &code)
        // The signal may have cut the wait short (get_wch then returns ERR).
        if SignalGuard.interrupted { return .ctrlC }
        switch result {
        case cn_ok():
            return KeyDecoder.decode(character: UInt32(code))
        case cn_key_code_yes():
            return decodeKey(Int32(bitPattern: UInt32(code)))
        default:
            return nil
        }
    }

    // MARK: - Private

    private func decodeKey(_ code: Int32) -> InputEvent {
        if code == cn_key_resize() {
            // ncurses has already resized stdscr; the terminal's contents are now unknown.
            onScreen = nil
            let (width, height) = size()
            return .resize(width: width, height: height)
        }
        if code == cn_key_mouse() {
            var x: Int32 = 0, y: Int32 = 0
            return cn_get_click(&x, &y) != 0 ? .mouse(x: Int(x), y: Int(y)) : .unknown
        }
        return KeyDecoder.decode(key: code)
    }

    private func setUpColors() {
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        guard !noColor, has_colors(), start_color() != cn_err() else {
            colorCount = 0
            pairs = ColorPairs(colorCount: 0, hasDefaultColors: false, pairCount: 0)
            return
        }
        let hasDefaults = use_default_colors() != cn_err()
        let count = Int(cn_colors())
        colorCount = count >= 256 ? 256 : (count >= 16 ? 16 : (count >= 8 ? 8 : 0))
        pairs = ColorPairs(colorCount: colorCount, hasDefaultColors: hasDefaults, pairCount: Int(cn_color_pairs()))
    }

    private func draw(_ cell: Cell, x: Int, y: Int) {
        var attrs: attr_t = 0
        if cell.style.bold { attrs |= attributes.bold }
        if cell.style.dim { attrs |= attributes.dim }
        if cell.style.reverse { attrs |= attributes.reverse }
        if cell.style.underline { attrs |= attributes.underline }
        let pair = pairs.pair(fg: cell.style.fg, bg: cell.style.bg)
        // Outside UTF-8 a non-ASCII character prints as garbage and can shift the rest of the
        // row, so it becomes '?' (widgets should have used ASCII glyphs anyway); a wide one
        // becomes "??" to fill both its columns.
        if !isUTF8 && cell.width == 2 {
            let narrow = Cell(scalar: "?", style: cell.style)
            draw(narrow, x: x, y: y)
            draw(narrow, x: x + 1, y: y)
            return
        }
        // A base that takes no column (a lone joiner or mark) would merge into the cell to its
        // left in ncurses and shift the row: it becomes a space.
        let drawable = DisplayWidth.of(cell.scalar) > 0
        var wide: [wchar_t] = drawable ? cell.symbol.unicodeScalars.compactMap { scalar in
            if !isUTF8 && !scalar.isASCII { return nil }
            if scalar.value < 0x20 || scalar.value == 0x7f { return nil }
            return wchar_t(bitPattern: scalar.value)
        } : []
        if wide.isEmpty { wide = [wchar_t(cell.symbol.isASCII || isUTF8 || !drawable ? 0x20 : 0x3f)] }
        wide.append(0)
        // Writing the bottom-right cell reports ERR (the cursor cannot advance) but draws it.
        _ = wide.withUnsafeBufferPointer { text in
            cn_put_cell(Int32(y), Int32(x), text.baseAddress, attrs, pair)
        }
    }
}
