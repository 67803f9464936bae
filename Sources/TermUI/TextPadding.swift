extension String {
    /// The string clipped to `width` columns and filled with spaces up to exactly `width`:
    /// `padding(toLength:)` counts characters, so a Chinese label padded with it overflows.
    public func padded(toWidth width: Int) -> String {
        let clipped = clipped(toWidth: width)
        return clipped + String(repeating: " ", count: max(0, width - clipped.displayWidth))
    }
}
