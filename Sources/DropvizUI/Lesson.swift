import DropoutCore
import Foundation
import TermUI

/// A prepared scenario: the options to train with, what to show, and a caption that says what
/// to try and what to look for. Lessons are small JSON files, so a teacher can write their own
/// (`dropviz run --lesson FILE`); the built-in ones are in `BuiltinLessons`.
public struct Lesson: Codable, Equatable, Sendable {
    public var name: String
    public var title: String
    /// The instructions, one paragraph per element.
    public var caption: [String]
    /// Training options as on the command line, e.g. ["--dataset", "moons", "--rate", "0.5"].
    public var options: [String]
    /// Start the same-seed twin with this hidden rate.
    public var twin: Float?
    /// The panel to open (none, data, maths, coadaptation, uncertainty, confusion).
    public var panel: String?
    /// Steps per frame (1, 2, 5, 10, 20, 50, …).
    public var speed: Int?

    public init(name: String, title: String, caption: [String], options: [String], twin: Float? = nil, panel: String? = nil, speed: Int? = nil) {
        self.name = name
        self.title = title
        self.caption = caption
        self.options = options
        self.twin = twin
        self.panel = panel
        self.speed = speed
    }

    public static func load(path: String) throws -> Lesson {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DropvizError("cannot read lesson file '\(path)'")
        }
        do {
            let lesson = try JSONDecoder().decode(Lesson.self, from: data)
            try lesson.check(source: path)
            return lesson
        } catch let e as DropvizError {
            throw e
        } catch let DecodingError.keyNotFound(key, _) {
            throw DropvizError("lesson file '\(path)': missing \"\(key.stringValue)\"")
        } catch {
            throw DropvizError("lesson file '\(path)' is not a valid lesson (JSON with name, title, caption, options)")
        }
    }

    public func check(source: String) throws {
        if let p = panel, Panel(rawValue: p) == nil {
            throw DropvizError("\(source): unknown panel '\(p)' (one of: \(Panel.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if let v = speed, !AppState.speeds.contains(v) {
            throw DropvizError("\(source): speed must be one of \(AppState.speeds.map(String.init).joined(separator: ", "))")
        }
        if let t = twin, !(t >= 0 && t < 1) {
            throw DropvizError("\(source): twin rate must be in [0, 1)")
        }
    }

    public func json() -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}


/// The lesson's instructions in a box over the screen.
public enum LessonOverlay {
    public static func render(_ lesson: Lesson, glyphs: Glyphs, in area: Rect, into buffer: inout Buffer) {
        let width = min(area.width - 4, 76)
        var lines: [String] = []
        for paragraph in lesson.caption {
            lines += wrap(paragraph, width: width - 4)
            lines.append("")
        }
        lines.append("any key closes · i opens again")
        let height = min(area.height, lines.count + 2)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - height) / 2), width: width, height: height)
        buffer.fill(box, " ")
        HelpOverlay.drawBox(box, title: " \(lesson.title) ", glyphs: glyphs, into: &buffer)
        for (i, line) in lines.enumerated() where i < box.height - 2 {
            _ = buffer.put(line, x: box.x + 2, y: box.y + 1 + i, maxWidth: box.width - 4)
        }
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
