import DropoutCore
import Foundation

/// The asciicast v2 format (asciinema's recordings): newline-delimited JSON, a header object
/// on the first line, then one `[time, type, data]` array per event, times in seconds from the
/// start. Types used here: "o" output, "m" a marker (the player's chapters), "r" a resize.
public enum Asciicast {
    public static func header(width: Int, height: Int, timestamp: Int, title: String?, env: [String: String]) -> String {
        var fields = ["\"version\": 2", "\"width\": \(width)", "\"height\": \(height)", "\"timestamp\": \(timestamp)"]
        if let title { fields.append("\"title\": \(JSONText.quoted(title))") }
        let pairs = env.sorted { $0.key < $1.key }.map { "\(JSONText.quoted($0.key)): \(JSONText.quoted($0.value))" }
        fields.append("\"env\": {\(pairs.joined(separator: ", "))}")
        return "{" + fields.joined(separator: ", ") + "}\n"
    }

    public enum EventType: String, Sendable {
        case output = "o", marker = "m", resize = "r"
    }

    /// One event line. Times are printed to the microsecond, as asciinema does.
    public static func event(time: Double, _ type: EventType, _ data: String) -> String {
        "[" + String(format: "%.6f", max(0, time)) + ", \"\(type.rawValue)\", " + JSONText.quoted(data) + "]\n"
    }

}
