import DropoutCore

/// Live data set controls. They rebuild the data, so they reset training (and say so). The new
/// run is built on another thread (TrainerBuild.swift): each key returns what to build.
extension AppState {
    /// The names `d` cycles through.
    public static var datasetNames: [String] { DatasetCatalog.entries.map(\.name) }

    /// Rebuilds the trainer (and the twin) from `config` on this thread; on a bad value keeps
    /// the run and returns false, the notice saying why. For a change that keeps a generated
    /// 2-D set (the input features), which builds in a few milliseconds.
    @discardableResult
    public mutating func rebuild(_ config: TrainingConfig, reason: String) -> Bool {
        do {
            install(try Trainer(config: config), reason: reason)
            return true
        } catch {
            notice = errorNotice(error)
            return false
        }
    }

    /// `d`: the next data set.
    mutating func nextDataset() -> TrainerBuild {
        var c = dataConfig
        let names = Self.datasetNames
        let i = ((names.firstIndex(of: c.dataset) ?? -1) + 1) % names.count
        c.dataset = names[i]
        c.noise = nil
        c.trainSize = TrainingConfig.defaultTrainSize(for: c.dataset)
        c.rates = [c.rates[0]] + c.hidden.indices.map { c.rates[$0 + 1] }
        let reason = tr(.dataSetNamed, c.dataset)
        // Input features go on to the next 2-D set; a set of another shape gets its own inputs.
        var plain = c
        plain.inputFeatures = nil
        return requestBuild(c.inputFeatures == nil ? [(c, reason)] : [(c, reason), (plain, reason)])
    }

    /// `{` `}`: halves or doubles the training set (between 10 examples and all of them).
    mutating func scaleTrainSize(up: Bool) -> TrainerBuild? {
        var c = trainer.config
        let current = trainer.data.train.count
        let pool = current + (c.trainSize == nil ? 0 : Int.max / 4)
        var n = up ? current * 2 : max(10, current / 2)
        if up, c.trainSize == nil { n = current }
        n = min(n, pool)
        guard n != current else { notice = tr(.trainingSetLimit, current); return nil }
        c.trainSize = n
        // More than the data set holds: use all of it.
        var all = c
        all.trainSize = nil
        return requestBuild([(c, tr(.trainingSetN, n)), (all, tr(.trainingSetAll))])
    }

    /// `(` `)`: changes the noise of a generated data set by `delta`.
    mutating func changeNoise(by delta: Double) -> TrainerBuild? {
        var c = trainer.config
        guard let e = DatasetCatalog.entry(c.dataset), e.isGenerated else {
            notice = tr(.noiseOnlyGenerated)
            return nil
        }
        let current = c.noise ?? e.defaultNoise ?? 0
        let next = max(0, ((current + delta) * 100).rounded() / 100)
        c.noise = next
        return requestBuild([(c, tr(.noiseN, String(format: "%.2f", next)))])
    }
}

import Foundation
