/// The lessons that come with dropviz (`dropviz lesson --list`).
public enum BuiltinLessons {
    public static let all: [Lesson] = [overfitting, scaling, rate, uncertainty, variants, convDropout, recurrentDropout]

    public static func named(_ name: String) -> Lesson? { all.first { $0.name == name } }

    static let overfitting = Lesson(
        name: "overfitting",
        title: "Dropout against overfitting",
        caption: [
            "Two networks learn the same 80 noisy points: the same data, the same initial weights, the same batch order. Yours drops each hidden unit with p = 0.5 (magenta curve); the twin has no dropout (yellow).",
            "Watch the twin: its training loss falls towards zero while its validation loss turns and climbs. It is memorising the noise. Yours climbs far less. 'best' marks each network's early-stopping point.",
            "Try: ↑/↓ change your rate, 0 turns dropout off, 9 sets 0.9; r restarts both from the same weights. c shows accuracy: on this small noisy set look at the validation error (accuracy) first — it is usually best around p = 0.5–0.7 — because the validation loss is dominated by a few confidently wrong points and keeps falling with higher rates in long runs.",
        ],
        options: ["--dataset", "moons", "--noise", "0.35", "--train-size", "80", "--hidden", "128,128", "--optimizer", "adam", "--lr", "0.01", "--rate", "0.5"],
        twin: 0, panel: "data", speed: 10)

    static let scaling = Lesson(
        name: "scaling",
        title: "Why dropout rescales",
        caption: [
            "In training, a layer with rate p passes on only a fraction 1-p of its units. At evaluation nothing is dropped, so the next layer would see activations 1/(1-p) times larger than it learned on — unless one side is rescaled.",
            "Press s to cycle the scaling: inverted (train x·m/(1-p), eval x: what PyTorch and Keras do), vanilla (train x·r, eval (1-p)·x: the original paper), none (the mistake). With none, watch the train and val curves (eval mode) jump away from the batch loss (train mode) at the marker.",
            "e shows the network as evaluation sees it. The maths panel (p) shows the selected unit's x, m and x·m/(1-p).",
        ],
        options: ["--dataset", "moons", "--noise", "0.2", "--train-size", "200", "--hidden", "64,64", "--rate", "0.5"],
        panel: "maths", speed: 10)

    static let rate = Lesson(
        name: "rate",
        title: "What does the rate do?",
        caption: [
            "The rate p is the probability that a unit is dropped. Too low and the network overfits; too high and it cannot learn (underfits). Srivastava et al. (2014) found a U-shaped validation error with the best rates around 0.4–0.8 for hidden layers.",
            "Try 0 (digit key), then 3, 5, 7, 9, and compare the validation curves; each change is marked on the plot. For the whole curve at once, quit and run: dropviz sweep  (one network per rate, 3 seeds each, on every core).",
            "On this scenario the final validation loss keeps falling up to p = 0.9 in long runs, while the validation error is lowest around 0.5–0.7 and higher at both 0 and 0.9: the error is what a teacher should look at.",
        ],
        options: ["--dataset", "moons", "--noise", "0.35", "--train-size", "80", "--hidden", "128,128", "--rate", "0"],
        speed: 20)

    static let variants = Lesson(
        name: "variants",
        title: "Variants of dropout",
        caption: [
            "Press v to switch the variant on the running network; nothing is reset and the switch is marked on the plot. The line under the diagram says what each computes.",
            "bernoulli: units dropped with probability p. gaussian: every unit multiplied by g ~ N(1, p/(1-p)) — the same mean and variance, but nothing is ever exactly zero. dropconnect: weights are dropped instead of units. standout: each unit's keep probability depends on its own input (g/G and b/B change α and β).",
            "The maths panel shows the empirical drop frequency converging to p, and why dropout acts like an L2 penalty of strength p(1-p), largest at p = 0.5.",
        ],
        options: ["--dataset", "moons", "--noise", "0.3", "--train-size", "100", "--hidden", "64,64", "--rate", "0.5"],
        panel: "maths", speed: 10)
}
