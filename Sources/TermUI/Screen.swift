/// What the event loop draws on and reads keys from: the ncurses `Terminal` in the program, a
/// scripted fake in the tests (DropvizUITests/FakeScreen.swift), so the loop itself is tested
/// without a terminal.
public protocol Screen: AnyObject {
    /// The characters widgets should draw with (ASCII where the locale is not UTF-8).
    var glyphs: Glyphs { get }
    var isUTF8: Bool { get }
    /// 8, 16 or 256; 0 when colour is off.
    var colorCount: Int { get }
    /// Takes over the screen; throws when it cannot (no terminal, an unknown one).
    func start() throws
    /// Gives the screen back as it was; safe to call more than once.
    func stop()
    func size() -> (width: Int, height: Int)
    /// Shows `buffer`, drawing only what changed since the last one.
    func present(_ buffer: Buffer)
    /// Waits up to `timeoutMs` milliseconds for a key, click or resize; nil when none came.
    func poll(timeoutMs: Int) -> InputEvent?
}
