/// What a saved model says about new examples: the eval-mode prediction and, when asked,
/// Monte Carlo dropout's mean and spread over `T` passes (`dropviz predict`).
public struct PredictionResult {
    /// Classification: the softmax probabilities; regression: the outputs. A row per example.
    public var outputs: Matrix
    /// The eval-mode predicted class of each row (classification only, else empty).
    public var classes: [Int]
    /// Monte Carlo dropout over the same rows, when asked.
    public var monteCarlo: MCPrediction?
    /// The MC mean's predicted class of each row (classification with MC only, else empty).
    public var monteCarloClasses: [Int]
}

public enum Prediction {
    /// Standardises raw feature rows with the statistics a model file saved from its training
    /// set, as the model saw its inputs in training.
    public static func standardise(_ x: inout Matrix, with model: ModelFile, source: String) throws {
        guard model.featureMean.count == x.cols, model.featureStd.count == x.cols else {
            throw DropvizError("model file '\(source)' stores the standardisation of \(model.featureMean.count) features, the input has \(x.cols)")
        }
        guard model.featureStd.allSatisfy({ $0.isFinite && $0 > 0 }), model.featureMean.allSatisfy(\.isFinite) else {
            throw DropvizError("model file '\(source)' has a non-positive or non-finite feature standard deviation")
        }
        DataSplit.standardise(&x, mean: model.featureMean, std: model.featureStd)
    }

    /// The prediction of `trainer`'s model for standardised rows `x`. Monte Carlo passes draw
    /// from their own streams seeded by `seed` (`MonteCarloDropout`), so the same seed gives the
    /// same numbers; they need the MLP and are refused for other kinds.
    public static func predict(_ trainer: Trainer, _ x: Matrix, mcSamples: Int?, seed: UInt64) throws -> PredictionResult {
        let classification = trainer.task.isClassification
        let raw = trainer.model.predict(x)
        let outputs = classification ? Softmax.probabilities(raw) : raw
        var result = PredictionResult(outputs: outputs, classes: classification ? argmaxes(outputs) : [],
                                      monteCarlo: nil, monteCarloClasses: [])
        if let t = mcSamples {
            guard let mlp = trainer.mlp else {
                throw SettingError(.mcSamples, value: trainer.model.kind.rawValue, ": Monte Carlo dropout is not for this model kind (\(trainer.model.kind.rawValue))")
            }
            let mc = MonteCarloDropout.predict(mlp, x, samples: t, seed: seed)
            result.monteCarlo = mc
            if classification { result.monteCarloClasses = argmaxes(mc.mean) }
        }
        return result
    }

    private static func argmaxes(_ m: Matrix) -> [Int] {
        (0..<m.rows).map { Softmax.argmax(m, row: $0) }
    }
}
