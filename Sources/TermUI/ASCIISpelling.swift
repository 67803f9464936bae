/// The one ASCII spelling of the non-ASCII characters the screens write in text (titles,
/// panels, formulas, the help), for terminals whose locale is not UTF-8. Before it, each view
/// had its own table and they disagreed (σ was "sd", "sigma", "sigmoid" or "noise").
extension Glyphs {
    /// Each character's spelling. σ is spelled by its name, since it means a standard
    /// deviation in one place and the sigmoid in another.
    public static let asciiSpellings: [Character: String] = [
        "σ": "sigma", "π": "pi", "α": "alpha", "β": "beta", "μ": "mu", "Σ": "sum", "⊙": "(.)",
        "·": "*", "×": "x", "−": "-", "–": "-", "÷": "/", "±": "+-", "∓": "-+", "²": "^2",
        "½": "1/2", "¼": "1/4", "≈": "~", "≥": ">=", "≤": "<=", "∈": "in",
        "…": "..", "⋯": "..", "←": "<-", "→": "->", "↑": "up", "↓": "down",
        "✓": "ok", "✗": "no", "✕": "x", "●": "o", "○": ".", "▲": "^", "△": "^",
        "█": "#", "▓": "#", "■": "#", "▒": "=", "░": "-",
        "│": "|", "┃": "|", "├": "|", "┤": "|", "─": "-", "━": "-",
    ]

    /// `text` as these glyphs show it: unchanged in Unicode; in ASCII each character of
    /// `asciiSpellings` spelled out and any other outside ASCII as "?", so that an ASCII
    /// terminal never receives a byte it cannot show. A middle dot next to a space separates
    /// parts of a line ("moons · adam", "· v: next"): a bar; between two symbols it multiplies
    /// ("x·m"): a star.
    public func spell(_ text: String) -> String {
        guard !isUnicode else { return text }
        let chars = Array(text)
        var out = ""
        for (i, ch) in chars.enumerated() {
            if ch.isASCII {
                out.append(ch)
            } else if ch == "·", (i > 0 && chars[i - 1] == " ") || (i + 1 < chars.count && chars[i + 1] == " ") {
                out += "|"
            } else {
                out += Self.asciiSpellings[ch] ?? "?"
            }
        }
        return out
    }
}
