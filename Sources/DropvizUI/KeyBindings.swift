/// Every key of the visualizer, as the help overlay and the README list them.
public enum KeyBindings {
    public static let all: [(keys: String, action: String)] = [
        ("space", "pause / resume training"),
        ("n", "one step (while paused)"),
        ("↑ ↓  + -", "selected layer's rate ±0.05"),
        ("0 … 9", "set the selected layer's rate to 0.0 … 0.9"),
        ("← →  Tab", "select a layer (or click it)"),
        ("a", "apply the selected rate to every hidden layer"),
        ("e", "train / eval view of the network"),
        ("[ ]", "slower / faster (steps per frame)"),
        ("l", "log scale on the plot"),
        ("c", "plot loss / accuracy"),
        ("r", "reset to the same initial weights"),
        ("R", "reset with a new seed"),
        ("p", "panel: data, maths, co-adaptation, MC dropout, confusion"),
        ("?", "this help"),
        ("q  Ctrl-C", "quit"),
    ]

    /// The one-line hint at the bottom of the screen.
    public static let hint = "spc pause  n step  ↑↓ rate  ←→ layer  e eval  [] speed  r reset  ? help  q quit"
    public static let hintASCII = "spc pause  n step  +- rate  tab layer  e eval  [] speed  r reset  ? help  q quit"
}
