/// A run with input features (InputFeatures.swift): the network's inputs are functions of the
/// 2-D points, standardised column by column on the training set; the plane keeps the points
/// themselves, standardised as a run without features would have them, so that the data panel
/// draws the same picture and maps every pixel of it through the same features.
public struct InputPlane: Sendable {
    public var features: [InputFeature]
    /// The points as 2-D examples (standardised coordinates), in the split's order.
    public var train: Dataset
    public var validation: Dataset
    /// The standardisation of the coordinates (training set).
    public var mean: [Float]
    public var std: [Float]
}

extension DataSplit {
    /// The split of `data` whose network inputs are `features`; nil: the data's own features.
    /// A list needs a 2-D data set; the coordinates alone (`InputFeature.standard`) give
    /// exactly the split without features. The shuffle is the same either way: the same
    /// examples are trained on.
    public init(_ data: Dataset, features: [InputFeature]?, valFraction: Double, trainSize: Int?, rng: inout Xoshiro) throws {
        if let features, data.featureCount != 2 {
            throw SettingError(.features, value: InputFeature.names(features), "\(InputFeature.names(features)) applies to 2-D data sets only; '\(data.name)' has \(data.featureCount) features")
        }
        let points = try DataSplit(data, valFraction: valFraction, trainSize: trainSize, rng: &rng)
        guard let features, features != InputFeature.standard else { self = points; return }
        try InputFeature.validate(features)
        var expanded = data
        expanded.features = InputFeature.expand(data.features, features)
        expanded.featureNames = features.map(\.rawValue)
        var train = expanded.subset(points.trainRows)
        var validation = expanded.subset(points.validationRows)
        let (mean, std) = Self.statistics(train.features)
        Self.standardise(&train.features, mean: mean, std: std)
        Self.standardise(&validation.features, mean: mean, std: std)
        self.init(train: train, validation: validation, mean: mean, std: std)
        trainRows = points.trainRows
        validationRows = points.validationRows
        plane = InputPlane(features: features, train: points.train, validation: points.validation, mean: points.mean, std: points.std)
    }

    /// The training examples as points of the plane: what the data panel draws.
    public var planeTrain: Dataset { plane?.train ?? train }
    public var planeValidation: Dataset { plane?.validation ?? validation }

    /// The network's input for points of the plane (two columns, standardised coordinates):
    /// the points themselves without features, else their features standardised as in training.
    public func networkInput(plane points: Matrix) -> Matrix {
        guard let plane else { return points }
        var raw = points
        DataSplit.unstandardise(&raw, mean: plane.mean, std: plane.std)
        var x = InputFeature.expand(raw, plane.features)
        DataSplit.standardise(&x, mean: mean, std: std)
        return x
    }

    /// The inverse of `standardise`.
    static func unstandardise(_ x: inout Matrix, mean: [Float], std: [Float]) {
        for r in 0..<x.rows {
            for j in 0..<x.cols { x[r, j] = x[r, j] * std[j] + mean[j] }
        }
    }
}
