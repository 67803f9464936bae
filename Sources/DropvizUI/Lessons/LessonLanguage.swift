extension Lesson {
    /// The instructions in `language`: its own captions when the lesson has them, else English.
    public func caption(in language: Language) -> [String] {
        guard language != .en, let own = captions?[language.rawValue], !own.isEmpty else { return caption }
        return own
    }

    /// The title in `language`, else the English one.
    public func title(in language: Language) -> String {
        guard language != .en, let own = titles?[language.rawValue], !own.isEmpty else { return title }
        return own
    }
}
