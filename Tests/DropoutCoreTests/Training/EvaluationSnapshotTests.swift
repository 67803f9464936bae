import Testing
@testable import DropoutCore

/// A snapshot rebuilds a model that predicts exactly what the trained one does, after the
/// settings eval mode reads were changed live.
struct EvaluationSnapshotTests {
    @Test(arguments: [DropoutVariant.bernoulli, .standout, .dropconnect])
    func rebuiltModelPredictsTheSame(_ variant: DropoutVariant) throws {
        var c = TrainingConfig()
        c.hidden = [24, 16]
        c.rates = [0.1, 0.5, 0.4]
        c.variant = variant
        c.evalEvery = 1000
        let trainer = try Trainer(config: c)
        for _ in 0..<40 { trainer.step() }
        try trainer.setRate(0.3, layer: 2)
        trainer.setScaling(.vanilla)
        for _ in 0..<5 { trainer.step() }
        let x = trainer.data.validation.features
        let copy = try EvaluationSnapshot(trainer).makeTrainer()
        #expect(copy.model.predict(x) == trainer.model.predict(x))
        #expect(copy.model.parameters.map(\.value) == trainer.model.parameters.map(\.value))
        // The copy is its own: training the original leaves it as it was.
        let before = copy.model.predict(x)
        trainer.step()
        #expect(copy.model.predict(x) == before)
        #expect(trainer.model.predict(x) != before)
    }
}
