import DropoutCore

/// One line that says what the current variant computes, in training and at evaluation.
public enum Formula {
    /// The line that fits `width`: the full form, or a shorter one saying the same.
    public static func line(_ c: TrainingConfig, unicode: Bool = true, width: Int = .max) -> String {
        let forms = candidates(c).map { unicode ? $0 : ascii($0) }
        return forms.first { $0.count <= width } ?? forms[forms.count - 1]
    }

    /// Every form of the line, longest first; the last fits 79 columns.
    static func candidates(_ c: TrainingConfig) -> [String] {
        switch c.variant {
        case .bernoulli:
            switch c.scaling {
            case .inverted: return ["inverted dropout: train y = x·m/(1-p), m ~ Bernoulli(1-p) │ eval y = x"]
            case .vanilla: return ["vanilla dropout: train y = x·r, r ~ Bernoulli(1-p) │ eval y = (1-p)·x"]
            case .none: return ["NO rescaling (a mistake): train y = x·r │ eval y = x, so eval sees 1/(1-p)× larger inputs",
                                "NO rescaling (a mistake): train y = x·r │ eval y = x: inputs 1/(1-p)× too large"]
            }
        case .gaussian: return ["Gaussian dropout: train y = x·g, g ~ N(1, p/(1-p)) │ eval y = x"]
        case .dropconnect:
            let inference = c.dropConnectInference == .momentMatching
                ? "moment matching, Z=\(c.dropConnectSamples)" : "mean field a((1-p)Wv)"
            return ["DropConnect: train r = a((M⊙W)v), M ~ Bernoulli(1-p) per weight │ eval: \(inference)",
                    "DropConnect: train a((M⊙W)v), M ~ Bernoulli(1-p) per weight │ eval: \(inference)",
                    "DropConnect: train a((M⊙W)v), M per weight │ eval: \(inference)"]
        case .standout:
            let ab = "α=\(fmt(c.standoutAlpha)) β=\(fmt(c.standoutBeta))"
            return ["standout: keep π = σ(α·(w·x)+β), \(ab) │ train y = m·g(w·x), m ~ Bernoulli(π) │ eval y = π·g(w·x)",
                    "standout: keep π = σ(α·(w·x)+β), \(ab) │ train y = m·g(w·x) │ eval y = π·g(w·x)",
                    "standout: π = σ(α·(w·x)+β), \(ab) │ train m·g(w·x) │ eval π·g(w·x)"]
        }
    }

    static func fmt(_ v: Float) -> String { String(format: "%g", Double(v)) }

    static func ascii(_ s: String) -> String {
        var t = s
        for (a, b) in [("·", "*"), ("│", "|"), ("⊙", "(.)"), ("σ", "sigmoid"), ("π", "pi"), ("α", "a"), ("β", "b"), ("×", "x"), ("~", "~")] {
            t = t.replacingOccurrences(of: a, with: b)
        }
        return t
    }
}

import Foundation
