import DropoutCore
import Testing

/// One rule for the training-set size when none is given (the CLI and the visualizer's `d`).
@Suite struct TrainingSetDefaultTests {
    @Test func generatedPointSetsKeep80AndRealAndSequenceSetsKeepAll() {
        #expect(TrainingConfig.defaultTrainSize(for: "moons") == 80)
        #expect(TrainingConfig.defaultTrainSize(for: "xor") == 80)
        #expect(TrainingConfig.defaultTrainSize(for: "iris") == nil)
        #expect(TrainingConfig.defaultTrainSize(for: "digits") == nil)
        #expect(TrainingConfig.defaultTrainSize(for: "adding") == nil)
        #expect(TrainingConfig.defaultTrainSize(for: "sine-seq") == nil)
        // Every data set of the catalogue: 80 exactly for the generated sets that are not sequences.
        for entry in DatasetCatalog.entries {
            let pointSet = entry.isGenerated && SequenceDatasets.stepWidth(entry.name) == nil
            #expect(TrainingConfig.defaultTrainSize(for: entry.name) == (pointSet ? 80 : nil), "\(entry.name)")
        }
    }
}
