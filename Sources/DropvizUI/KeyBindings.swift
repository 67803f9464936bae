/// Every key of the visualizer, as the help overlay and the README list them.
/// At 80×24 the help shows at most 36 rows (two columns of 18): related keys share a row.
public enum KeyBindings {
    public static let all: [(keys: String, action: String)] = [
        ("space", "pause / resume"),
        ("n", "one step (paused)"),
        ("↑ ↓  + -", "rate ±0.05 (see u)"),
        ("0 … 9", "rate 0.0 … 0.9"),
        ("u", "hidden rates linked / one"),
        ("← →  Tab", "select layer (or click)"),
        ("a", "rate to all hidden layers"),
        ("e", "train / eval view"),
        ("[ ]", "slower / faster"),
        ("PgUp PgDn", "time cursor ∓ ⅒ of the run"),
        ("Home End", "cursor to step 0 / live"),
        ("l  w", "log scale · w: recent part"),
        ("c", "loss / accuracy"),
        ("r  R", "reset · R: new seed"),
        ("v", "next dropout variant"),
        ("s", "next scaling"),
        ("t", "same-seed twin on / off"),
        ("T", "twin rate +0.2, restart"),
        ("p", "next panel"),
        (", .  j k", "prev / next example · unit"),
        ("< >  m", "MC passes ÷2 ×2 · m: map"),
        ("z", "large data view"),
        ("o  O", "val points / class map"),
        ("g G  b B", "standout α, β ∓0.5"),
        ("d", "next data set (restart)"),
        ("{ }", "train set ½ / ×2, restart"),
        ("( )", "noise ∓0.05 (restart)"),
        ("f  F", "input feature · F: on/off"),
        ("W", "start a rate sweep (panel)"),
        ("E", "ensemble: new masks"),
        ("Enter", "grid: cell view / back"),
        ("S", "show the state string"),
        ("x", "export SVG figures + CSV"),
        ("i", "lesson instructions"),
        ("?", "help; again: legend"),
        ("L", "English / 中文"),
        ("q  Ctrl-C", "quit"),
    ]

    /// The one-line hint at the bottom of the screen.
    public static let hint = "spc pause  n step  ↑↓ rate  ←→ layer  e eval  [] speed  r reset  ? help  q quit"
    public static let hintASCII = "spc pause  n step  +- rate  tab layer  e eval  [] speed  r reset  ? help  q quit"
}
