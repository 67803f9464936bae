import DropoutCore
import Foundation
import TermUI
import Testing
@testable import DropvizUI

/// The diagram's last row gives each layer's dropped count ("dropped 151/300"), with "+272 more"
/// before it when the layer has more units than it draws and both fit its column; never cut.
@Suite struct DiagramCountLabelTests {
    static func state(width: Int, height: Int, lang: Language = .en) throws -> AppState {
        var c = TrainingConfig()
        c.dataset = "digits"
        c.hidden = [300, 300]
        c.rates = [0, 0.5, 0.5]
        var s = AppState(trainer: try Trainer(config: c), width: width, height: height)
        s.language = lang
        for _ in 0..<3 { update(&s, .step) }
        return s
    }

    /// The count row: the diagram's line with the output layer's "batch example" caption.
    static func countRow(_ s: AppState) -> String {
        Fixtures.render(s).lines().first { $0.contains("batch example") } ?? ""
    }

    @Test(arguments: [(80, 24), (160, 45)])
    func everyLayersCountIsWhole(width: Int, height: Int) throws {
        let s = try Self.state(width: width, height: height)
        let row = Self.countRow(s)
        // The input's 64 pixels and the hidden layers' 300 units, each count whole.
        for units in [64, 300] {
            #expect(row.range(of: #"dropped \d+/"# + "\(units)" + #"( |$)"#, options: .regularExpression) != nil, "\(units) in '\(row)'")
        }
        // "+N more" only whole, before its count.
        if row.contains("more") {
            #expect(row.range(of: #"\+\d+ more dropped \d+/\d+"#, options: .regularExpression) != nil, "'\(row)'")
        }
    }
}
