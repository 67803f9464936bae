/// The lessons that come with dropviz (`dropviz lesson --list`).
public enum BuiltinLessons {
    public static let all: [Lesson] = [overfitting, scaling, rate, uncertainty, variants, convDropout, recurrentDropout, grid].map(withChinese)

    public static func named(_ name: String) -> Lesson? { all.first { $0.name == name } }

    /// The default scenario with its twin. Measured (`dropviz sweep`, 10 seeds, 3000 steps):
    /// twin (p = 0) final validation loss 1.82, yours (p = 0.6) 0.53 — at least 2.35× on every
    /// seed; yours ends at 1.4× its own best. The test `LessonClaimTests` keeps this true.
    static let overfitting = Lesson(
        name: "overfitting",
        title: "Dropout against overfitting",
        caption: [
            "Two networks learn the same 80 noisy points, from the same initial weights in the same batch order. Yours drops each hidden unit with p = 0.6 (train cyan, val magenta); the twin has no dropout (twin train green, twin val yellow). Training waits while this box is open, and pauses by itself at step 3000.",
            "Watch the twin: its training loss falls towards zero while its validation loss turns and climbs: it memorises the noise. Yours stays close to its best validation loss. 'best' and 'twin best' mark where each validation loss was lowest (the early-stopping point). The data panel shows your network's decision map over the points.",
            "Then: ↑/↓ change the rate of both hidden layers (linked; u unlinks them), T gives the twin another rate, r restarts both from the same weights, c shows accuracy. Go on past step 3000 (space) and your network overfits too, only later and less: dropout delays and reduces overfitting, it does not abolish it.",
        ],
        options: ["--dataset", "moons", "--noise", "0.35", "--train-size", "80", "--hidden", "128,128", "--optimizer", "adam", "--lr", "0.001", "--rate", "0.6"],
        twin: 0, panel: "data", speed: 5, pauseAt: 3000)

    static let scaling = Lesson(
        name: "scaling",
        title: "Why dropout rescales",
        caption: [
            "In training, a layer with rate p passes on only a fraction 1-p of its units. At evaluation nothing is dropped, so the next layer would see activations 1/(1-p) times larger than it learned on, unless one side is rescaled.",
            "It starts with vanilla scaling, the original paper's (train x·r with r ~ Bernoulli(1-p), eval (1-p)·x). Press s once for none, the mistake: training computes the same x·r, but evaluation now passes x, 1/(1-p) times what training saw, so the train and val curves (both eval mode) jump up at the marker while the batch curve (train mode) does not.",
            "Press s again for inverted scaling, what PyTorch and Keras do (train x·m/(1-p), eval x): now training changes and the batch curve moves, and the curves settle as the weights adapt.",
            "e shows the network as evaluation sees it. The maths panel opens on an active unit of hidden1: its x, m and x·m/(1-p); j/k choose another unit.",
        ],
        options: ["--dataset", "moons", "--noise", "0.2", "--train-size", "200", "--hidden", "64,64", "--lr", "0.001", "--rate", "0.5", "--scaling", "vanilla"],
        panel: "maths", speed: 10)

    /// Measured (`dropviz sweep --hidden 16,16 --lr 0.003`, 3000 steps, 5 seeds): final
    /// validation loss 1.41 at p = 0, 0.45 at 0.8, 0.61 at 0.9; error 19 %, 16 % at 0.6, 29 %
    /// at 0.9. With the panel's 1500 steps and 3 seeds: 1.00, 0.42 at 0.7, 0.65 at 0.9.
    static let rate = Lesson(
        name: "rate",
        title: "What does the rate do?",
        caption: [
            "The rate p is the probability that a unit is dropped. Too low and the network overfits (validation loss climbs); too high and it cannot learn (underfits); in between lies a U. Two hidden layers of 16 units here: yours starts at p = 0.5, the twin (green and yellow) has p = 0.",
            "Try: 9 sets every hidden layer to 0.9 (the rates are linked: 'p linked' in the status line), then r restarts both from the same weights. With about 2 of 16 units left, your training loss stays above the twin's: underfitting. 0 then r: you overfit like the twin. 5 then r: in between.",
            "W trains 30 networks in the background (rates 0 … 0.9, 3 seeds, 1500 steps each) and the sweep panel draws validation loss against the rate: the U, lowest around p = 0.4–0.7 here; c shows accuracy. Headless: dropviz sweep --hidden 16,16 --lr 0.003",
        ],
        options: ["--dataset", "moons", "--noise", "0.35", "--train-size", "80", "--hidden", "16,16", "--lr", "0.003", "--rate", "0.5"],
        twin: 0, speed: 10)

    static let variants = Lesson(
        name: "variants",
        title: "Variants of dropout",
        caption: [
            "Press v to switch the variant on the running network; nothing is reset and the switch is marked on the plot. The line under the diagram says what each computes.",
            "bernoulli: units dropped with probability p. gaussian: every unit multiplied by g ~ N(1, p/(1-p)) — the same mean and variance, but nothing is ever exactly zero. dropconnect: weights are dropped instead of units. standout: each unit's keep probability depends on its own input (g/G and b/B change α and β).",
            "The maths panel shows the empirical drop frequency converging to p, and why dropout acts like an L2 penalty of strength p(1-p), largest at p = 0.5.",
        ],
        options: ["--dataset", "moons", "--noise", "0.3", "--train-size", "100", "--hidden", "64,64", "--lr", "0.001", "--rate", "0.5"],
        panel: "maths", speed: 10)

    /// Measured (`scripts/measure-grid-lesson.py` on `dropviz sweep --dataset moons --noise 0.35
    /// --train-size 80 --hidden 16,16 --lr 0.003 --sweep-rates 0,0.3,0.6,0.9 --seeds 6 --steps
    /// 3000 --format json`): on each of the 6 seeds the final training loss rises with the rate
    /// (seed 1: 0.12, 0.29, 0.46, 0.67) and p = 0's validation loss is at least 1.4 times every
    /// other cell's (seed 1: 1.01 against 0.45, 0.44, 0.66; the smallest ratio, seed 5, 1.46).
    static let grid: Lesson = {
        var l = Lesson(
            name: "grid",
            title: "A grid of rates",
            caption: [
                "Four networks learn the same 80 noisy points from the same initial weights in the same batch order; only the hidden rate differs: p = 0, 0.3, 0.6 and 0.9, stepped together on both cores. Each cell shows its decision map, its validation and training loss, and its train (cyan) and validation (magenta) curves as sparklines on one scale shared by every cell. Training pauses by itself at step 3000.",
                "At step 3000 (measured on 6 seeds; it held on each): the training loss rises with the rate (p = 0 fits the 80 points best, p = 0.9 worst), but p = 0 has the highest validation loss of the four, at least 1.4 times any other cell's: it memorised the noise, and its map bends around single points.",
                "←/→ select a cell, Enter opens its full view (diagram, curves, panels) and Enter comes back; the rate keys change the selected cell's rate; r restarts every cell from the same weights.",
            ],
            options: ["--dataset", "moons", "--noise", "0.35", "--train-size", "80", "--hidden", "16,16", "--lr", "0.003"],
            speed: 20, pauseAt: 3000)
        l.grid = [0, 0.3, 0.6, 0.9]
        return l
    }()
}
