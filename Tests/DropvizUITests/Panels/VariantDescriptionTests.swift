import DropoutCore
import Foundation
@testable import DropvizUI
import TermUI
import Testing

/// One description per dense dropout variant (VariantDescription.swift): the formula line, the
/// maths panel and the diagram read it, and its quantities are the core's.
@Suite struct VariantDescriptionTests {
    /// Nothing else in the UI switches on the dense variant: adding one is one edit.
    @Test func onlyTheDescriptionSwitchesOnTheVariant() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/DropvizUI")
        let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        var found: [String] = []
        for file in files where !file.hasSuffix("VariantDescription.swift") {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for needle in ["case .gaussian", "case .dropconnect", "case .standout", "case .bernoulli"] where text.contains(needle) {
                found.append("\(file): \(needle)")
            }
        }
        #expect(found.isEmpty, "\(found)")
    }

    /// The diagram's marks come from the mask the core drew, with the core's σ for the gates.
    @Test func unitMarksFollowTheMaskAndTheCoresQuantities() throws {
        for variant in DropoutVariant.allCases {
            var s = try Fixtures.state(hidden: [8], variant: variant)
            for _ in 0..<3 { update(&s, .step) }
            let layer = s.trainer.mlp!.dropout[1]
            let d = VariantDescription.of(layer)
            for j in 0..<layer.width {
                let mark = d.unitState(layer, j, 0.5)
                let m = layer.mask[0, j]
                switch mark {
                case .dropped: #expect(d.dropsUnits && m == 0, "\(variant) unit \(j)")
                case .gate(let g, let sigma):
                    #expect(variant == .gaussian && g == Double(m))
                    #expect(sigma == Double(DropoutLayer.gaussianGateDeviation(rate: layer.rate)))
                case .keepProbability(let pi): #expect(variant == .standout && pi == Double(layer.keep[0, j]) && m != 0)
                case .inputsDropped(let f): #expect(variant == .dropconnect && f == Double(layer.droppedInputFraction(unit: j)))
                case .kept: #expect(variant == .bernoulli && m != 0, "\(variant) unit \(j)")
                }
            }
        }
    }
}
