import DropoutCore

/// Live architecture keys (MLP only): `h` adds a hidden layer after the selected one (same
/// width), `H` removes the selected hidden layer, `M`/`N` double/halve its width, `A` gives it
/// the next activation and `Y` gives every hidden layer the activation after the selected
/// one's. Each change is a new run: training restarts from the same seed, the twin follows the
/// new architecture, rates are kept where their layer still exists, and the time cursor's
/// history starts again (a new Trainer has a new history and timeline, so the state string's
/// `changes=` describe the new run only).
extension AppState {
    /// Widths `M` and `N` keep to: one unit still draws, 512 is as wide as a class needs and
    /// stays far below the memory estimate's limit on the built-in data sets.
    public static let layerWidths = 1...512
    /// More hidden layers than this no longer fit the diagram at 80 columns.
    public static let maxHiddenLayers = 6

    /// The selected hidden layer (0-based), or nil with the notice saying why there is none.
    private mutating func selectedHidden(_ key: Character) -> Int? {
        guard trainer.mlp != nil, grid == nil else {
            notice = tr(grid == nil ? .archMLPOnly : .archGrid, String(key))
            return nil
        }
        guard selectedLayer >= 1 else {
            notice = tr(.archSelectHidden)
            return nil
        }
        return selectedLayer - 1
    }

    /// `h`: a hidden layer after the selected one (after the input when it is selected), as
    /// wide as the selected layer, with its rate and activation.
    public mutating func addHiddenLayer() {
        guard trainer.mlp != nil, grid == nil else {
            notice = tr(grid == nil ? .archMLPOnly : .archGrid, "h")
            return
        }
        var c = trainer.config
        guard c.hidden.count < Self.maxHiddenLayers else {
            notice = tr(.archLayerLimit, Self.maxHiddenLayers)
            return
        }
        let from = max(selectedLayer - 1, 0)  // the layer copied
        let at = selectedLayer                // the new layer's index among the hidden ones
        c.hidden.insert(c.hidden[from], at: at)
        c.rates.insert(c.rates[from + 1], at: at + 1)
        if c.activations.count > 1 { c.activations.insert(c.activations[from], at: at) }
        restartNetwork(c, select: at + 1, change: tr(.archLayerAdded, at + 1, c.hidden[at]))
    }

    /// `H`: removes the selected hidden layer; the last one stays.
    public mutating func removeHiddenLayer() {
        guard let k = selectedHidden("H") else { return }
        var c = trainer.config
        guard c.hidden.count > 1 else {
            notice = tr(.archLastLayer)
            return
        }
        c.hidden.remove(at: k)
        c.rates.remove(at: k + 1)
        if c.activations.count > 1 { c.activations = Self.compact(c.activations.enumerated().filter { $0.offset != k }.map(\.element)) }
        restartNetwork(c, select: min(k + 1, c.hidden.count), change: tr(.archLayerRemoved, k + 1))
    }

    /// `M` (wider: ×2) and `N` (narrower: ÷2), within `layerWidths`.
    public mutating func scaleHiddenLayer(wider: Bool) {
        guard let k = selectedHidden(wider ? "M" : "N") else { return }
        var c = trainer.config
        let old = c.hidden[k]
        let new = min(max(wider ? old * 2 : old / 2, Self.layerWidths.lowerBound), Self.layerWidths.upperBound)
        guard new != old else {
            notice = tr(.archWidthLimit, k + 1, old, Self.layerWidths.lowerBound, Self.layerWidths.upperBound)
            return
        }
        c.hidden[k] = new
        restartNetwork(c, select: k + 1, change: tr(.archWidth, k + 1, new))
    }

    /// `A`: the selected layer's next activation; `Y` (`all`): every hidden layer the
    /// activation after the selected layer's (one value again in the configuration).
    public mutating func cycleActivation(all: Bool) {
        guard let k = selectedHidden(all ? "Y" : "A") else { return }
        var c = trainer.config
        let next = c.activation(ofLayer: k).next
        if all {
            c.activations = [next]
        } else {
            var list = c.hidden.indices.map { c.activation(ofLayer: $0) }
            list[k] = next
            c.activations = Self.compact(list)
        }
        restartNetwork(c, select: k + 1, change: all ? tr(.archActivationAll, next.rawValue) : tr(.archActivation, k + 1, next.rawValue))
    }

    /// One value when every layer agrees: the state string and the title stay as short as
    /// before (`act=relu`, not `act=relu,relu`).
    private static func compact(_ list: [Activation]) -> [Activation] {
        Set(list).count == 1 ? [list[0]] : list
    }

    /// A new run of `config` on the same data (same seed), the twin rebuilt beside it; on an
    /// error (the memory estimate) the run goes on and the notice says why.
    private mutating func restartNetwork(_ config: TrainingConfig, select layer: Int, change: String) {
        do {
            let t = try Trainer(config: config, data: trainer.data)
            t.recordsDropStatistics = true
            t.recordsCheckpoints = true
            trainer = t
            selectedLayer = min(layer, t.model.dropoutPositions.count - 1)
            clampSelectedUnit()
            if twin != nil { try startTwin() }
            notice = tr(.archRestart, change, t.model.summary)
        } catch {
            notice = errorNotice(error)
        }
    }
}
