import DropoutCore
@testable import DropvizUI
import TermUI
import Testing

/// The bottom key bar uses the width it has: the core keys at 80 columns (as before), and at
/// 160 the architecture keys (h/H, M/N, A/Y) and the input-feature keys (f/F) after them, on
/// the models where they act. Checked cell by cell: every character and its style.
@Suite struct KeyBarTests {
    static let core = "spc pause  n step  ↑↓ rate  ←→ layer  e eval  [] speed  r reset  ? help  q quit"

    /// The bottom row, cell by cell: `expected` from column 0 in the hint's dim style, then blanks.
    func expectBottomRow(_ s: AppState, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let b = Fixtures.render(s)
        let y = s.height - 1
        #expect(b.lines()[y] == expected.padded(toWidth: s.width), sourceLocation: sourceLocation)
        let used = expected.displayWidth
        for x in 0..<s.width {
            guard let cell = b.cell(atX: x, y: y) else { Issue.record("no cell \(x)", sourceLocation: sourceLocation); return }
            if x < used {
                #expect(cell.style == Style(dim: true), "column \(x)", sourceLocation: sourceLocation)
            } else {
                #expect(cell.symbol == " ", "column \(x) beyond the bar", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func at80ColumnsTheBarIsTheCoreKeys() throws {
        expectBottomRow(try Fixtures.state(width: 80, height: 24), Self.core)
        expectBottomRow(try Fixtures.state(width: 80, height: 24, glyphs: .ascii), KeyBindings.hintASCII)
    }

    @Test func at160ColumnsTheNetworkAndFeatureKeysFollow() throws {
        let s = try Fixtures.state(width: 160, height: 45)
        expectBottomRow(s, Self.core + "  h/H layer  M/N units  A/Y act  f/F feature")
        #expect((Self.core + "  h/H layer  M/N units  A/Y act  f/F feature").displayWidth <= 160)
    }

    @Test func inChineseToo() throws {
        var s = try Fixtures.state(width: 160, height: 45)
        s.language = .zh
        expectBottomRow(s, Language.zh.text(.hint) + "  h/H 增删层  M/N 单元  A/Y 激活  f/F 特征")
        s.width = 80
        s.height = 24
        expectBottomRow(s, Language.zh.text(.hint))
    }

    /// Only whole groups, in order: a width between shows the groups that fit before the first that does not.
    @Test func onlyWholeGroupsThatFit() throws {
        let s = try Fixtures.state(width: 105, height: 30)
        expectBottomRow(s, Self.core + "  h/H layer  M/N units")
    }

    /// Keys that would only answer "not for this model" are not offered.
    @Test func aCNNShowsNoArchitectureOrFeatureKeys() throws {
        var s = try ConvDiagramTests.state(.spatial, width: 160, height: 45)
        s.notice = nil
        expectBottomRow(s, Self.core)
        var iris = try Fixtures.state(width: 160, height: 45)
        var c = iris.trainer.config
        c.dataset = "iris"
        c.trainSize = nil
        iris = AppState(trainer: try Trainer(config: c), width: 160, height: 45)
        expectBottomRow(iris, Self.core + "  h/H layer  M/N units  A/Y act")
    }
}
