/// The built-in lesson on dropout in convolutional networks (listed in `BuiltinLessons.all`).
extension BuiltinLessons {
    static let convDropout = Lesson(
        name: "conv-dropout",
        title: "Dropout in a convolutional network",
        caption: [
            "A small CNN learns the UCI digits: conv 8 maps 3×3 → pool → conv 16 maps → pool → dense. The row of images is the first training example of the batch: the input digit and the 8 feature maps of conv 1, with what dropout removed in this step marked: red pixels, or a crossed-out (✕) dimmed map.",
            "It starts with element-wise dropout: scattered red pixels. Neighbouring pixels of a map carry nearly the same information, so the next layer reads a dropped pixel off its neighbours and the regularisation is weak. Press v for spatial dropout (whole maps ✕: a feature is gone everywhere), again for DropBlock (red 2×2 squares: contiguous regions gone), again for max-pooling dropout (units masked inside each pooling window; evaluation uses probabilistic weighted pooling).",
            "Same network, same data, nothing resets: each switch is marked on the plot, so compare the gap between the train and val curves after each. ←/→ select conv 2 (16 maps of 4×4) and the dense layers; ↑/↓ change the selected layer's rate. For all variants over rates and seeds: dropviz sweep --model cnn --dataset digits --variant spatial (then elementwise, dropblock).",
        ],
        options: ["--model", "cnn", "--dataset", "digits", "--train-size", "400", "--conv-variant", "elementwise", "--conv-rate", "0.3", "--rate", "0.5"],
        panel: "confusion", speed: 5)
}
