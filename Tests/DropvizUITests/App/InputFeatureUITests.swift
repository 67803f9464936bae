import DropoutCore
@testable import DropvizUI
import Testing
import TermUI

/// `f` and `F` (InputFeatureControls.swift) and the input column's names
/// (NetworkDiagram+InputLabels.swift).
@Suite struct InputFeatureUITests {
    static func state(dataset: String = "moons", width: Int = 80, height: Int = 24, glyphs: Glyphs = .unicode) throws -> AppState {
        var c = TrainingConfig()
        c.dataset = dataset
        c.trainSize = dataset == "moons" ? 80 : nil
        c.hidden = [8, 6]
        c.rates = [0, 0.5, 0.5]
        c.evalEvery = 10
        c.seed = 7
        return AppState(trainer: try Trainer(config: c), width: width, height: height, glyphs: glyphs)
    }

    static func press(_ s: inout AppState, _ keys: String) {
        for k in keys { settledUpdate(&s, .input(.char(k))) }
    }

    @Test func fSelectsAndCapitalFTurnsOnWithARestartFromTheSameSeed() throws {
        var s = try Self.state()
        for _ in 0..<5 { update(&s, .step) }
        Self.press(&s, "f")
        #expect(s.selectedFeature == .x1)
        #expect(s.notice == "input feature x₁: on · F turns it off")
        Self.press(&s, "ff")
        #expect(s.selectedFeature == .x1Squared)
        #expect(s.notice == "input feature x₁²: off · F turns it on")
        Self.press(&s, "F")
        #expect(s.trainer.config.inputFeatures == [.x1, .x2, .x1Squared])
        #expect(s.notice == "input features x₁, x₂, x₁²: training restarts (same seed)")
        #expect(s.trainer.currentStep == 0)
        #expect(s.trainer.mlp!.architecture.inputs == 3)
        #expect(s.trainer.config.seed == 7)
        // The same run as one started with these features.
        let fresh = try Trainer(config: s.trainer.config)
        #expect(fresh.mlp!.weights == s.trainer.mlp!.weights)
        // Off again: the coordinates alone, which is the run without features.
        Self.press(&s, "F")
        #expect(s.trainer.config.inputFeatures == nil)
        #expect(s.trainer.mlp!.architecture.inputs == 2)
    }

    @Test func theLastFeatureStaysOn() throws {
        var s = try Self.state()
        Self.press(&s, "fF")
        #expect(s.trainer.config.inputFeatures == [.x2])
        for _ in 0..<3 { update(&s, .step) }
        Self.press(&s, "fF")
        #expect(s.selectedFeature == .x2)
        #expect(s.notice == "x₂ is the only input feature: one stays on")
        #expect(s.trainer.config.inputFeatures == [.x2])
        #expect(s.trainer.currentStep == 3, "no restart")
        // Before any f, F acts on x₁.
        var t = try Self.state()
        Self.press(&t, "F")
        #expect(t.trainer.config.inputFeatures == [.x2])
    }

    @Test func dataSetsThatAreNotAPlaneSayWhy() throws {
        var s = try Self.state(dataset: "iris")
        let before = s.trainer.config
        for k in "fF" {
            Self.press(&s, String(k))
            #expect(s.notice == "f F: input features are for 2-D data sets (moons, circle, xor…)")
        }
        #expect(s.trainer.config == before)
        #expect(NetworkDiagram(state: s, network: s.trainer.mlp!).inputLabels.isEmpty)
    }

    /// Every input unit is named, right-aligned one cell left of it; the selected one reversed.
    @Test func theInputColumnNamesEachFeatureCellByCell() throws {
        var s = try Self.state()
        Self.press(&s, "fffF")
        for _ in 0..<3 { update(&s, .step) }
        Self.press(&s, "ff")
        #expect(s.selectedFeature == .x1x2)
        Self.press(&s, "F")
        // x₁, x₂, x₁², x₁x₂; x₁x₂ selected.
        #expect(s.activeFeatures == [.x1, .x2, .x1Squared, .x1x2])
        let b = Fixtures.render(s)
        let f = NetworkDiagram.layout(widths: s.trainer.mlp!.architecture.widths,
                                      in: ScreenLayout(width: s.width, height: s.height).diagram, thumbnails: false)[0]
        #expect(f.count == 4 && f.perRow == 1)
        for (u, name) in ["x₁", "x₂", "x₁²", "x₁x₂"].enumerated() {
            let (x, y) = f.cell(ofUnit: u)
            #expect(b.symbol(atX: x - 1, y: y) == " ", "unit \(u): a blank before the unit")
            let chars = Array(name)
            for (i, c) in chars.enumerated() {
                let cx = x - 1 - chars.count + i
                #expect(b.symbol(atX: cx, y: y) == c, "unit \(u) label cell \(i)")
                let style = b.style(atX: cx, y: y)
                #expect(style?.reverse == (u == 3), "unit \(u): only the selected name is reversed")
                #expect(style?.dim == (u != 3))
            }
            #expect(b.style(atX: x, y: y)?.reverse == (u == 3), "unit \(u): the selected unit is reversed")
        }
        #expect(Fixtures.text(b).contains("input 4"))
    }

    /// `d` keeps the features on the next 2-D set and drops them for a set of another shape.
    @Test func nextDataSetKeepsThemWhileTheDataIsAPlane() throws {
        var s = try Self.state()
        Self.press(&s, "fffF")
        Self.press(&s, "d")
        #expect(s.trainer.config.dataset == "circle")
        #expect(s.trainer.config.inputFeatures == [.x1, .x2, .x1Squared])
        Self.press(&s, "dddd")
        #expect(s.trainer.config.dataset == "sine")
        #expect(s.trainer.config.inputFeatures == nil)
        #expect(s.notice == "data set sine: training restarts (new data)")
    }

    @Test func asciiNamesAreTheCommandLineOnes() throws {
        var s = try Self.state(glyphs: .ascii)
        Self.press(&s, "fffF")
        #expect(NetworkDiagram(state: s, network: s.trainer.mlp!).inputLabels == ["x1", "x2", "x1^2"])
        #expect(s.notice == "input features x1, x2, x1^2: training restarts (same seed)")
    }

    /// At 160×45 the grown units leave room too, and the data map still covers the plane.
    @Test func roomyScreensNameThemToo() throws {
        var s = try Self.state(width: 160, height: 45)
        Self.press(&s, "fffffffF")
        #expect(s.activeFeatures == [.x1, .x2, .sinX2])
        let text = Fixtures.text(Fixtures.render(s))
        #expect(text.contains("sin x₂ "))
        #expect(DataPanel.kind(s) == .boundary)
    }
}
