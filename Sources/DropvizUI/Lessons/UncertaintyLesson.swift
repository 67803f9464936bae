/// The built-in lesson on Monte Carlo dropout (listed in `BuiltinLessons.all`).
extension BuiltinLessons {
    static let uncertainty = Lesson(
        name: "uncertainty",
        title: "Monte Carlo dropout: knowing what you don't know",
        caption: [
            "Keep dropout on at prediction time and run T stochastic passes: the spread of the answers is an estimate of the model's uncertainty (Gal & Ghahramani 2016).",
            "The MC dropout panel (right) plots x from far left to far right of the training data; ┊ marks where the data end. White line: the MC mean; cyan ░: the band mean ± 2σ; yellow (fit): the plain eval-mode prediction, under the white line where they agree; green dots: training points.",
            "Training pauses by itself at step \(UncertaintyLesson.steps). Among the data the band is narrow; beyond the ┊ marks it is at least twice as wide: the network does not know what happens where it has seen nothing.",
            "The top line is one validation example (◆ on the plot): , and . move it. < and > change T. m shows the band in the data panel too; on a 2-D data set m maps the MC σ over the plane.",
            "Headless, over a whole validation set: dropviz eval --load MODEL --mc-samples 30",
        ],
        options: UncertaintyLesson.options,
        panel: "uncertainty", speed: 10, pauseAt: UncertaintyLesson.steps)
}

/// What the lesson trains and for how long, chosen by measurement so that its claim holds.
enum UncertaintyLesson {
    /// The length the caption names.
    static let steps = 3000

    /// One hidden layer of ReLUs. Measured (σ at the narrower far end, the outer 10 % of the
    /// plotted range, over the mean σ among the training data; 120 points, T = 30, the panel's
    /// seed), seeds 1–5 at 3000 steps: 7.05 7.00 7.17 8.49 6.48 (seeds 6–10: 11.9 9.4 11.1 4.8
    /// 14.3); at 1000 steps 7.0–9.2, at 10000 steps 6.0–7.7. Far from the data every unit that
    /// is on grows linearly in x, and so does the spread dropout gives it; among the data the
    /// training loss (which includes the dropout noise) keeps it small.
    /// What did not work (ratios, seeds 1–5, 3000 steps): the earlier 64,64 tanh, 1.03–1.19
    /// (tanh saturates, so the far output and its spread level off); 64,64 relu, 0.51–0.77
    /// (on one side the second layer's units can all be off: a flat, certain extrapolation);
    /// 64,64 leaky-relu, 1.57–4.13; 64,64,64 relu, 1.18–4.03.
    /// Measured with Adam at 0.01 (the default for every model when it was measured); the MLP
    /// default is now 0.001, so the rate is given.
    static let options = ["--dataset", "sine", "--train-size", "40", "--hidden", "128", "--activation", "relu", "--lr", "0.01", "--rate", "0.2"]
}
