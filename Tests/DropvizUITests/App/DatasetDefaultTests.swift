import DropoutCore
import Testing
@testable import DropvizUI

/// `d` gives each data set the training-set size the command line gives it.
@Suite struct DatasetDefaultTests {
    @Test func pressingDOntoASequenceSetTrainsOnAllOfIt() throws {
        var s = try Fixtures.state(hidden: [8])
        var seen: Set<String> = []
        for _ in DatasetCatalog.entries {
            settledUpdate(&s, .input(.char("d")))
            let name = s.trainer.config.dataset
            seen.insert(name)
            #expect(s.trainer.config.trainSize == TrainingConfig.defaultTrainSize(for: name), "\(name)")
        }
        #expect(seen.contains("adding"))
        #expect(seen.contains("moons"))
    }
}
