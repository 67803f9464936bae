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
        VariantDescription.of(c.variant, scaling: c.scaling).formulaLine(c, l)
    }

    static func fmt(_ v: Float) -> String { String(format: "%g", Double(v)) }
}

import Foundation
