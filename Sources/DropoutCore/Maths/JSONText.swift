/// Text inside JSON output (model reports, predictions, asciicast recordings): one escaper
/// for every writer, so a label, a file name or a recorded frame full of ESC bytes always gives
/// valid JSON.
public enum JSONText {
    /// A JSON string: quotes, backslashes and control characters escaped (escape sequences
    /// are full of ESC), everything else as UTF-8.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
