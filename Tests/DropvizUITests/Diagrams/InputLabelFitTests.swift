import DropoutCore
@testable import DropvizUI
import Testing
import TermUI

/// The input column's names where the full ones do not all fit (NetworkDiagram+InputLabels.swift):
/// each unit gets its full name, else its short form, else its number; never a cut name.
@Suite struct InputLabelFitTests {
    static func state(_ features: [InputFeature], width: Int, height: Int, glyphs: Glyphs) throws -> AppState {
        // InputFeatureUITests' run, with these features.
        var c = try InputFeatureUITests.state().trainer.config
        c.inputFeatures = features
        return AppState(trainer: try Trainer(config: c), width: width, height: height, glyphs: glyphs)
    }

    /// The input layer's frame as drawn, and the room left of its units.
    static func inputFrame(_ s: AppState) -> (NetworkDiagram.LayerFrame, room: Int) {
        let f = NetworkDiagram.layout(widths: s.trainer.mlp!.architecture.widths,
                                      in: ScreenLayout(width: s.width, height: s.height).diagram, thumbnails: UnitThumbnails.available(s))[0]
        return (f, f.block.x - f.frame.x - 2)
    }

    /// `name` right-aligned one blank cell left of unit `u`, and nothing of a name left of it.
    static func expectName(_ b: Buffer, _ f: NetworkDiagram.LayerFrame, unit u: Int, _ name: String?,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        let at = "\(b.width)×\(b.height) unit \(u)"
        let (x, y) = f.cell(ofUnit: u)
        #expect(b.symbol(atX: x - 1, y: y) == " ", "\(at): a blank before the unit", sourceLocation: sourceLocation)
        let chars = Array(name ?? "")
        for (i, c) in chars.enumerated() {
            #expect(b.symbol(atX: x - 1 - chars.count + i, y: y) == c, "\(at) cell \(i) of '\(name ?? "")'", sourceLocation: sourceLocation)
            #expect(b.style(atX: x - 1 - chars.count + i, y: y)?.dim == true, "\(at)", sourceLocation: sourceLocation)
        }
        // Left of the name up to the column's edge: no other text of the input names.
        for cx in stride(from: f.frame.x, to: x - 1 - chars.count, by: 1) {
            #expect(b.symbol(atX: cx, y: y) == " ", "\(at): cell \(cx) left of the name is blank", sourceLocation: sourceLocation)
        }
    }

    /// The issue's case: ASCII at 80 columns, where `sin(x1)` (7 cells) hid every name.
    @Test func asciiAt80ColumnsNamesEveryUnitThatFits() throws {
        let s = try Self.state([.x1, .x2, .sinX1], width: 80, height: 24, glyphs: .ascii)
        let (f, room) = Self.inputFrame(s)
        #expect(f.perRow == 1 && f.count == 3)
        #expect(room >= 2 && room < 7, "the full name does not fit here (room \(room))")
        let b = Fixtures.render(s)
        Self.expectName(b, f, unit: 0, "x1")
        Self.expectName(b, f, unit: 1, "x2")
        Self.expectName(b, f, unit: 2, room >= 5 ? "s(x1)" : "f3")
    }

    /// Each unit its own choice: the longest that fits in the room, full, short, number, none.
    @Test func theLongestNameThatFitsIsChosen() throws {
        let s = try Self.state([.x1, .x2, .sinX1], width: 80, height: 24, glyphs: .ascii)
        let d = NetworkDiagram(state: s, network: s.trainer.mlp!)
        #expect(d.inputShortLabels == ["x1", "x2", "s(x1)"])
        #expect((0...8).map { d.inputLabel(2, room: $0) } == [nil, nil, "f3", "f3", "f3", "s(x1)", "s(x1)", "sin(x1)", "sin(x1)"])
        #expect((0...3).map { d.inputLabel(0, room: $0) } == [nil, nil, "x1", "x1"])
        let u = try Self.state([.x1, .x2, .sinX2], width: 80, height: 24, glyphs: .unicode)
        #expect(NetworkDiagram(state: u, network: u.trainer.mlp!).inputShortLabels == ["x₁", "x₂", "s x₂"])
    }

    /// Every size from 60 to 160 columns, both glyph sets: whatever is drawn left of each unit
    /// is one whole name of it, never a cut one.
    @Test func namesAreWholeAtEveryWidth() throws {
        for glyphs in [Glyphs.ascii, .unicode] {
            for width in stride(from: 60, through: 160, by: 10) {
                let s = try Self.state([.x1, .x2, .x1Squared, .x1x2, .sinX1, .sinX2], width: width, height: 30, glyphs: glyphs)
                let (f, room) = Self.inputFrame(s)
                guard !s.isTooSmall, f.perRow == 1 else { continue }
                let d = NetworkDiagram(state: s, network: s.trainer.mlp!)
                let b = Fixtures.render(s)
                for u in 0..<f.count {
                    Self.expectName(b, f, unit: u, d.inputLabel(u, room: room))
                }
            }
        }
    }
}
