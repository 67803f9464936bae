import DropoutCore

/// `v` on a CNN or an LSTM: the model kind's next dropout variant (the MLP's is in Update.swift).
/// Kept with the other key handlers rather than in the views that draw the variants.
extension AppState {
    /// A CNN: elementwise → spatial → dropblock → maxpool.
    mutating func cycleConvVariant() {
        guard let current = trainer.config.conv?.variant else { return }
        let v = current.next
        changeVariant(notice: tr(.convVariantNotice, v.rawValue)) { try $0.setConvVariant(v) }
    }

    /// An LSTM: naive → rnndrop → recurrent → variational.
    mutating func cycleRecurrentVariant() {
        guard let current = trainer.config.lstm?.variant else { return }
        let v = current.next
        changeVariant(notice: tr(.recurrentVariantNotice, v.rawValue)) { try $0.setRecurrentVariant(v) }
    }

    /// Applies `change` and evaluates (on the background evaluator in the visualizer), so the
    /// plot's marker has the new variant's loss beside it; a refused change is the notice instead.
    private mutating func changeVariant(notice: String, _ change: (Trainer) throws -> Void) {
        do {
            try change(trainer)
            trainer.evaluateSoon()
            self.notice = notice
        } catch { self.notice = errorNotice(error) }
    }
}
