import DropoutCore

/// Live data set controls. They rebuild the data, so they reset training (and say so).
extension AppState {
    /// The names `d` cycles through.
    public static var datasetNames: [String] { DatasetCatalog.entries.map(\.name) }

    /// Rebuilds the trainer (and the twin) from `config`; on a bad value keeps the run and
    /// returns the error's message.
    @discardableResult
    public mutating func rebuild(_ config: TrainingConfig, reason: String) -> Bool {
        do {
            let t = try Trainer(config: config)
            t.recordsDropStatistics = true
            t.recordsCheckpoints = true
            trainer = t
            selectedLayer = min(selectedLayer, t.model.dropoutPositions.count - 1)
            selectedUnit = 0
            exampleIndex = 0
            if twin != nil { try startTwin() }
            notice = tr(.restartsNewData, reason)
            return true
        } catch {
            notice = errorNotice(error)
            return false
        }
    }

    public mutating func nextDataset() {
        var c = trainer.config
        let names = Self.datasetNames
        let i = ((names.firstIndex(of: c.dataset) ?? -1) + 1) % names.count
        c.dataset = names[i]
        c.noise = nil
        c.trainSize = TrainingConfig.defaultTrainSize(for: c.dataset)
        c.rates = [c.rates[0]] + c.hidden.indices.map { c.rates[$0 + 1] }
        // Input features go on to the next 2-D set; a set of another shape gets its own inputs.
        if !rebuild(c, reason: tr(.dataSetNamed, c.dataset)), c.inputFeatures != nil {
            c.inputFeatures = nil
            rebuild(c, reason: tr(.dataSetNamed, c.dataset))
        }
    }

    /// Halves or doubles the training set (between 10 examples and all of them).
    public mutating func scaleTrainSize(up: Bool) {
        var c = trainer.config
        let current = trainer.data.train.count
        let pool = current + (c.trainSize == nil ? 0 : Int.max / 4)
        var n = up ? current * 2 : max(10, current / 2)
        if up, c.trainSize == nil { n = current }
        n = min(n, pool)
        guard n != current else { notice = tr(.trainingSetLimit, current); return }
        c.trainSize = n
        if !rebuild(c, reason: tr(.trainingSetN, n)) {
            // More than the data set holds: use all of it.
            c.trainSize = nil
            rebuild(c, reason: tr(.trainingSetAll))
        }
    }

    /// Changes the noise of a generated data set by `delta`.
    public mutating func changeNoise(by delta: Double) {
        var c = trainer.config
        guard let e = DatasetCatalog.entry(c.dataset), e.isGenerated else {
            notice = tr(.noiseOnlyGenerated)
            return
        }
        let current = c.noise ?? e.defaultNoise ?? 0
        let next = max(0, ((current + delta) * 100).rounded() / 100)
        c.noise = next
        rebuild(c, reason: tr(.noiseN, String(format: "%.2f", next)))
    }
}

import Foundation
