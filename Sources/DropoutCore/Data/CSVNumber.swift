/// A CSV cell's number from its UTF-8 bytes, with the result `Float(String)` gives.
///
/// The common cell (`-0.1234`, `12`, `3.5e-2`: at most 7 significant digits) takes a fast path
/// with no string: its digits as a whole number below 2^24 and a power of ten up to 10^10 are
/// both exact in a `Float`, so one IEEE multiplication or division rounds the exact value
/// correctly (Clinger's fast path), which is what `Float(String)` returns too. Anything else
/// (more digits, a larger exponent, `inf`, hexadecimal, rubbish) goes to `Float(String)`
/// itself, on a short string.
enum CSVNumber {
    /// Powers of ten exact in a Float (5^10 < 2^24).
    private static let powers: [Float] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10]

    /// The value, or nil when the fast path does not apply (not that the cell is bad).
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Float? {
        var i = 0
        let n = b.count
        var negative = false
        if i < n && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt32 = 0
        var digits = 0          // significant digits taken (leading zeros not counted)
        var anyDigit = false
        var scale = 0           // the power of ten the mantissa is multiplied by
        var seenPoint = false
        while i < n {
            let c = b[i]
            if c >= 48 && c <= 57 {
                anyDigit = true
                if mantissa != 0 || c != 48 {
                    digits += 1
                    guard digits <= 7 else { return nil }
                    mantissa = mantissa * 10 + UInt32(c - 48)
                }
                if seenPoint { scale -= 1 }
            } else if c == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                break
            }
            i += 1
        }
        guard anyDigit else { return nil }
        if i < n {
            guard b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") else { return nil }
            i += 1
            var expNegative = false
            if i < n && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) {
                expNegative = b[i] == UInt8(ascii: "-")
                i += 1
            }
            guard i < n else { return nil }
            var e = 0
            while i < n {
                let c = b[i]
                guard c >= 48 && c <= 57 else { return nil }
                e = e * 10 + Int(c - 48)
                guard e < 100 else { return nil }
                i += 1
            }
            scale += expNegative ? -e : e
        }
        let m = Float(mantissa)  // exact: below 10^7 < 2^24
        let value: Float
        if mantissa == 0 {
            value = 0
        } else if scale >= 0 {
            guard scale < powers.count else { return nil }
            value = m * powers[scale]
        } else {
            guard -scale < powers.count else { return nil }
            value = m / powers[-scale]
        }
        return negative ? -value : value
    }

    /// The standard library's reading, for the cells the fast path leaves.
    static func parseSlowly(_ text: String) -> Float? { Float(text) }
}
