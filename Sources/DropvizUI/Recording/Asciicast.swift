import Foundation

/// The asciicast v2 format (asciinema's recordings): newline-delimited JSON, a header object
/// on the first line, then one `[time, type, data]` array per event, times in seconds from the
/// start. Types used here: "o" output, "m" a marker (the player's chapters), "r" a resize.
public enum Asciicast {
    public static func header(width: Int, height: Int, timestamp: Int, title: String?, env: [String: String]) -> String {
        var fields = ["\"version\": 2", "\"width\": \(width)", "\"height\": \(height)", "\"timestamp\": \(timestamp)"]
        if let title { fields.append("\"title\": \(quoted(title))") }
        let pairs = env.sorted { $0.key < $1.key }.map { "\(quoted($0.key)): \(quoted($0.value))" }
        fields.append("\"env\": {\(pairs.joined(separator: ", "))}")
        return "{" + fields.joined(separator: ", ") + "}\n"
    }

    public enum EventType: String, Sendable {
        case output = "o", marker = "m", resize = "r"
    }

    /// One event line. Times are printed to the microsecond, as asciinema does.
    public static func event(time: Double, _ type: EventType, _ data: String) -> String {
        "[" + String(format: "%.6f", max(0, time)) + ", \"\(type.rawValue)\", " + quoted(data) + "]\n"
    }

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
