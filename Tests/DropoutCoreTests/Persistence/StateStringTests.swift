import Testing
@testable import DropoutCore

@Suite struct StateStringTests {
    @Test func defaultAndChangedConfigsRoundTrip() throws {
        var c = TrainingConfig()
        c.noise = 0.35
        c.trainSize = 80
        #expect(try StateString.decode(StateString.encode(c)).config == c)
        c.dataset = "digits"
        c.noise = nil
        c.trainSize = nil
        c.hidden = [64, 32, 16]
        c.rates = [0.2, 0.55, 0.3, 0.1]
        c.activation = .tanh
        c.scaling = .vanilla
        c.variant = .dropconnect
        c.dropConnectInference = .meanField
        c.dropConnectSamples = 7
        c.optimizer = .momentum
        c.learningRate = 0.003
        c.batchSize = 0
        c.seed = 123_456_789_012
        c.dataSeed = 5
        c.weightDecay = 1e-4
        c.l1 = 2e-5
        c.standoutAlpha = 0.5
        c.standoutBeta = -1
        c.evalEvery = 7
        c.valFraction = 0.25
        let text = StateString.encode(c, extras: [("step", "1200"), ("twin", "0")])
        let (back, extras) = try StateString.decode(text, extraKeys: ["step", "twin"])
        #expect(back == c)
        #expect(extras == ["step": "1200", "twin": "0"])
        #expect(!text.contains(" "), "one word, easy to paste")
    }

    @Test func badStringsNameTheProblem() {
        func message(_ s: String) -> String {
            do { _ = try StateString.decode(s); return "no error" } catch { return "\(error)" }
        }
        #expect(message("hello").contains("not a dropviz state string"))
        #expect(message("v1;rates=0,x").contains("bad value '0,x' for 'rates'"))
        #expect(message("v1;colour=red").contains("unknown key 'colour'"))
        // Keys the caller did not name are unknown to the core, the visualizer's included.
        #expect(message("v1;step=20").contains("unknown key 'step'"))
        #expect(message("v1;rates=0,1.5,0.5").contains("rate"))
    }
}
