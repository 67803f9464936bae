import ArgumentParser
import DropvizUI
import Foundation

/// `--lang en|zh` of `run` and `lesson`: the language of the visualizer's screen. The command
/// line's own help and errors stay English.
struct LanguageOption: ParsableArguments {
    @Option(help: "Language of the screen: en or zh (default: $DROPVIZ_LANG, else zh for a zh_* locale, else en).")
    var lang: Language?

    /// The option, else `DROPVIZ_LANG`, else the locale; a bad value is an error naming it.
    func resolve() throws -> Language {
        try Language.resolve(option: lang, environment: ProcessInfo.processInfo.environment)
    }
}
