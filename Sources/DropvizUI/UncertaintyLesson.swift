/// The built-in lesson on Monte Carlo dropout (listed in `BuiltinLessons.all`).
extension BuiltinLessons {
    static let uncertainty = Lesson(
        name: "uncertainty",
        title: "Monte Carlo dropout: knowing what you don't know",
        caption: [
            "Keep dropout on at prediction time and run T stochastic passes: the spread of the answers is an estimate of the model's uncertainty (Gal & Ghahramani 2016).",
            "The panel shows, for one example, the Monte Carlo mean ± 2σ next to the plain prediction. Move between examples with , and . — the band is wider far from the training data. < and > change T.",
            "Headless, over a whole validation set: dropviz eval --load MODEL --mc-samples 30",
        ],
        options: ["--dataset", "sine", "--train-size", "40", "--hidden", "64,64", "--activation", "tanh", "--rate", "0.2"],
        panel: "uncertainty", speed: 10)
}
