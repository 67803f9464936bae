/// The built-in lesson on dropout in a recurrent network (listed in `BuiltinLessons.all`).
extension BuiltinLessons {
    static let recurrentDropout = Lesson(
        name: "recurrent-dropout",
        title: "Dropout in a recurrent network (LSTM)",
        caption: [
            "An LSTM (16 units) learns the adding problem: 30 random values, two of them marked; the answer is their sum, so the first must be remembered for up to 30 steps (predicting the mean: MSE about 0.17). The grid is the network unrolled over time: steps left to right, units top to bottom, ✕ a unit dropped at that step. Beside it, the first validation sequence (marked steps dotted) and its prediction.",
            "It starts with naive per-step dropout on the cell, p = 0.5: a fresh mask every step (the grid is noise), a value survives t steps with probability 0.5^t, and the memory is erased: val stays near the mean's while the twin (no dropout, same weights and batches) learns. l gives a log scale.",
            "Press v (nothing resets; marked on the plot): RNNDrop (one cell mask per sequence: unbroken rows; kept cells keep their memory), recurrent dropout (the candidate g only), variational (h[t-1], one mask per sequence), naive (h[t-1], a fresh mask every step). Watch val after each switch. Discuss: naive on h barely hurts, because an LSTM's memory lives in c, not in h.",
            "↑/↓ the recurrent rate, ← then ↑ the input's z_x (variational), r restarts. Headless: dropviz sweep --model lstm --dataset adding --seq-len 30 --rnn-variant rnndrop",
        ],
        options: ["--model", "lstm", "--dataset", "adding", "--seq-len", "30", "--hidden", "16", "--rnn-variant", "naive-cell", "--rate", "0.5"],
        twin: 0, speed: 10)
}
