import DropoutCore
import TermUI

/// One line that says what the current variant computes, in training and at evaluation.
public enum Formula {
    /// The line that fits `width`: the full form, or a shorter one saying the same.
    public static func line(_ c: TrainingConfig, unicode: Bool = true, width: Int = .max, language: Language = .en) -> String {
        let forms = candidates(c, language).map { unicode ? $0 : Glyphs.ascii.spell($0) }
        return forms.first { $0.displayWidth <= width } ?? forms[forms.count - 1]
    }

    /// Every form of the line, longest first; the last fits 79 columns.
    static func candidates(_ c: TrainingConfig, _ l: Language = .en) -> [String] {
        switch c.variant {
        case .bernoulli:
            switch c.scaling {
            case .inverted: return [l.text(.formulaInverted)]
            case .vanilla: return [l.text(.formulaVanilla)]
            case .none: return [l.text(.formulaNone), l.text(.formulaNoneShort)]
            }
        case .gaussian: return [l.text(.formulaGaussian)]
        case .dropconnect:
            let inference = c.dropConnectInference == .momentMatching
                ? l.text(.momentMatching, c.dropConnectSamples) : l.text(.meanFieldFormula)
            return [L10n.formulaDropConnect, .formulaDropConnect2, .formulaDropConnect3].map { l.text($0, inference) }
        case .standout:
            let ab = "α=\(fmt(c.standoutAlpha)) β=\(fmt(c.standoutBeta))"
            return [L10n.formulaStandout, .formulaStandout2, .formulaStandout3].map { l.text($0, ab) }
        }
    }

    static func fmt(_ v: Float) -> String { String(format: "%g", Double(v)) }
}

import Foundation
