extension TrainingConfig {
    /// Examples a generated point set trains on when no size is asked for: few enough that a
    /// network overfits them, which is what dropout is shown against.
    public static let generatedTrainSize = 80

    /// The training-set size `dataset` gets when none is asked for (nil: all of it), the one
    /// rule for the command line and the visualizer's `d`: a generated point set keeps
    /// `generatedTrainSize` examples; a real data set, and a sequence set (memory is hard to
    /// learn from 80 sequences), keep every one.
    public static func defaultTrainSize(for dataset: String) -> Int? {
        let generated = DatasetCatalog.entry(dataset)?.isGenerated ?? false
        return generated && SequenceDatasets.stepWidth(dataset) == nil ? generatedTrainSize : nil
    }
}
