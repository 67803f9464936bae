extension CaseIterable where Self: Equatable {
    /// The case after this one in declaration order, wrapping round: what the keys that cycle a
    /// setting (`v`, `s`, `p`, `L`) step to. `allCases` holds `self`, so it is never empty.
    public var next: Self {
        let all = Array(Self.allCases)
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }
}
