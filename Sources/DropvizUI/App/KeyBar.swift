import TermUI

/// The bottom line of keys. The core keys always (they fit 80 columns); where the screen is
/// wider, the keys that change the network (h/H, M/N, A/Y) and pick the input features (f/F)
/// follow, each group whole or not at all, in order, for the models where they act.
enum KeyBar {
    static func text(_ s: AppState) -> String {
        var line = s.glyphs.isUnicode ? s.tr(.hint) : KeyBindings.hintASCII
        for group in groups(s) {
            let longer = line + "  " + group
            guard longer.displayWidth <= s.width else { break }
            line = longer
        }
        return line
    }

    /// The groups after the core keys: architecture keys on an MLP, feature keys on a 2-D set.
    static func groups(_ s: AppState) -> [String] {
        var groups: [String] = []
        if s.trainer.mlp != nil { groups += [s.tr(.keyBarLayer), s.tr(.keyBarUnits), s.tr(.keyBarActivation)] }
        if s.hasInputPlane { groups.append(s.tr(.keyBarFeature)) }
        return groups
    }
}
