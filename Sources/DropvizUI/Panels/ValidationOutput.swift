import DropoutCore

/// The model's eval-mode output for one validation example (the digit's verdict, the feature
/// strip's prediction, the sequence panel's curve), through the panel cache: computed on
/// another thread from a snapshot, never by `predict` on the live model in `view` (which
/// writes the model's scratch buffers). nil for the frames its first value takes.
enum ValidationOutput {
    static func of(_ s: AppState, row: Int, slot: String) -> Matrix? {
        s.panelCache.value(slot, s, inputs: [row], background: { trainer in
            trainer.model.predict(PanelSupport.rowMatrix(trainer.data.validation.features, row))
        })
    }
}
