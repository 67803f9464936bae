/// The built-in lesson on dropout in a recurrent network (listed in `BuiltinLessons.all`).
extension BuiltinLessons {
    static let recurrentDropout = Lesson(
        name: "recurrent-dropout",
        title: "Dropout in a recurrent network (LSTM)",
        caption: [
            "An LSTM of 16 units learns the adding problem: 30 random values, two of them marked (one in each half); the answer is the sum of the two marked values. The network must remember the first one for up to 30 steps: predicting the mean scores an MSE of about 0.17. The grid is the network unrolled over time (steps left to right, units top to bottom, ✕ a unit dropped at that step, first sequence of the batch); beside it the first validation sequence with its marked steps (dotted) and the target against the prediction.",
            "It starts with naive per-step dropout on the cell state, p = 0.5: a fresh mask at every step, so the grid is noise and a value survives t steps with probability 0.5^t. The memory is erased: the validation loss stays near the mean's, while the twin (no dropout, same weights and batches) learns in a few hundred steps.",
            "Press v (nothing resets; each switch is marked on the plot): RNNDrop (one cell mask per sequence: unbroken rows; a kept cell keeps its memory, so it learns, if more slowly at this rate), recurrent dropout (only the candidate g is dropped: the memory itself never is), variational (z_h on h[t-1], one mask per sequence), naive (a fresh mask on h[t-1] at every step). Look at the val curve after each switch. Worth discussing: naive on h barely hurts here, because an LSTM's memory lives in c, not in h.",
            "Try ↑/↓ for the recurrent rate, ← then ↑ for the input's z_x (variational only), r to restart. Headless: dropviz train --model lstm --dataset adding --seq-len 30 --rnn-variant rnndrop --rate 0.5",
        ],
        options: ["--model", "lstm", "--dataset", "adding", "--seq-len", "30", "--hidden", "16", "--rnn-variant", "naive-cell", "--rate", "0.5"],
        twin: 0, speed: 10)
}
