import ArgumentParser
import DropoutCore

/// `--task` of a FILE.csv: class labels or real-valued targets.
enum DataTask: String, ExpressibleByArgument, CaseIterable {
    case classification, regression
}

extension TrainingOptions {
    /// `--task regression [--targets K]` as the configuration stores it: K, or nil for labels.
    func regressionTargets() throws -> Int? {
        switch task {
        case .classification:
            if targets != nil { throw DropvizError("--targets needs --task regression") }
            return nil
        case .regression:
            return targets ?? 1
        }
    }
}
