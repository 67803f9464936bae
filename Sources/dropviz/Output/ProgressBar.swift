import Foundation

/// A one-line progress bar on stderr, drawn only when stderr is a terminal.
struct ProgressBar {
    let total: Int
    let enabled: Bool
    private var lastDrawn = -1
    private let width = 30

    init(total: Int, enabled: Bool = Console.stderrIsTerminal) {
        self.total = max(1, total)
        self.enabled = enabled
    }

    mutating func update(_ done: Int, note: String = "") {
        guard enabled else { return }
        // Redraw at most 200 times a run: a bar drawn every step would cost more than a step.
        let permille = done * 200 / total
        guard permille != lastDrawn || done == total else { return }
        lastDrawn = permille
        let filled = done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        Console.stderr("\r\(bar) \(done)/\(total) \(note)\u{1B}[K")
    }

    func finish() {
        guard enabled else { return }
        Console.stderr("\r\u{1B}[K")
    }
}
