#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Short number labels for axes: "0.25", "1.2e-3", "1.2k", "30k". Axis labels have only a
/// few columns, so this trades precision for width, keeping just enough digits to tell
/// neighbouring ticks apart.
public enum CompactNumber {
    /// Formats `value`. With `step` (the distance between neighbouring ticks), uses as many
    /// significant digits as the step needs, else 3.
    public static func format(_ value: Double, step: Double? = nil) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let magnitude = abs(value)
        if let step, step > 0, magnitude < step * 1e-9 { return "0" }
        if magnitude == 0 { return "0" }
        let exponent = Int(floor(log10(magnitude)))
        var significant = 3
        if let step, step > 0, step.isFinite {
            significant = min(max(exponent - Int(floor(log10(step))) + 1, 1), 6)
        }
        let sign = value < 0 ? "-" : ""
        if magnitude >= 1000 {
            let suffixes = ["k", "M", "G", "T", "P"]
            let group = min(exponent / 3, suffixes.count)
            let scaled = magnitude / pow(10, Double(group * 3))
            return sign + decimal(scaled, significant: significant) + suffixes[group - 1]
        }
        if magnitude >= 0.01 {
            return sign + decimal(magnitude, significant: significant)
        }
        let mantissa = magnitude / pow(10, Double(exponent))
        return sign + decimal(mantissa, significant: significant) + "e" + String(exponent)
    }

    /// A non-negative number with `significant` digits, trailing zeros removed.
    static func decimal(_ magnitude: Double, significant: Int) -> String {
        let exponent = magnitude > 0 ? Int(floor(log10(magnitude))) : 0
        let decimals = max(0, significant - 1 - exponent)
        let scale = pow(10, Double(decimals))
        let scaled = (magnitude * scale).rounded()
        guard scaled < 9e15 else { return String(Int(magnitude.rounded())) }
        let units = Int(scaled)
        let divisor = Int(scale)
        var text = String(units / divisor)
        if decimals > 0 {
            var fraction = String(units % divisor)
            fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
            while fraction.last == "0" { fraction.removeLast() }
            if !fraction.isEmpty { text += "." + fraction }
        }
        return text
    }
}
