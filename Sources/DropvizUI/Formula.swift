import DropoutCore

/// One line that says what the current variant computes, in training and at evaluation.
public enum Formula {
    public static func line(_ c: TrainingConfig, unicode: Bool = true) -> String {
        let text: String
        switch c.variant {
        case .bernoulli:
            switch c.scaling {
            case .inverted: text = "inverted dropout: train y = x·m/(1-p), m ~ Bernoulli(1-p) │ eval y = x"
            case .vanilla: text = "vanilla dropout: train y = x·r, r ~ Bernoulli(1-p) │ eval y = (1-p)·x"
            case .none: text = "NO rescaling (a mistake): train y = x·r │ eval y = x, so eval sees 1/(1-p)× larger inputs"
            }
        case .gaussian: text = "Gaussian dropout: train y = x·g, g ~ N(1, p/(1-p)) │ eval y = x"
        case .dropconnect:
            let inference = c.dropConnectInference == .momentMatching
                ? "moment matching, Z=\(c.dropConnectSamples)" : "mean field a((1-p)Wv)"
            text = "DropConnect: train r = a((M⊙W)v), M ~ Bernoulli(1-p) per weight │ eval: \(inference)"
        case .standout:
            text = "standout: keep π = σ(α·(w·x)+β), α=\(fmt(c.standoutAlpha)) β=\(fmt(c.standoutBeta)) │ train y = m·g(w·x) │ eval y = π·g(w·x)"
        }
        return unicode ? text : ascii(text)
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
