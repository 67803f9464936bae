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
    /// The instructions in other languages, by language code ("zh"); `caption` is English.
    public var captions: [String: [String]]?
    /// The title in other languages, by language code.
    public var titles: [String: String]?
    /// Training options as on the command line, e.g. ["--dataset", "moons", "--rate", "0.5"].
    public var options: [String]
    /// Start the same-seed twin with this hidden rate.
    public var twin: Float?
    /// The panel to open (none, data, maths, coadaptation, uncertainty, confusion).
    public var panel: String?
    /// Steps per frame (1, 2, 5, 10, 20, 50, …).
    public var speed: Int?
    /// Slow motion instead: steps per second (1, 2 or 5).
    public var slow: Int?
    /// The dropout position to select (0 = input, 1 = the first hidden layer, …).
    public var layer: Int?
    /// The unit of the selected layer the maths panel opens on.
    public var unit: Int?
    /// Training pauses by itself at this step: the length the caption's claims are made for.
    public var pauseAt: Int?
    /// Open the grid of these rates (`--grid`) instead of a single network.
    public var grid: [Float]? = nil
    /// Presenter controls: no key bar; only these keys act (see `PresenterControls.parse`);
    /// training starts paused.
    public var hideKeyBar: Bool?
    public var keys: String?
    public var startPaused: Bool?

    public init(name: String, title: String, caption: [String], options: [String], twin: Float? = nil, panel: String? = nil,
                speed: Int? = nil, slow: Int? = nil, layer: Int? = nil, unit: Int? = nil, pauseAt: Int? = nil,
                hideKeyBar: Bool? = nil, keys: String? = nil, startPaused: Bool? = nil) {
        self.name = name
        self.title = title
        self.caption = caption
        self.options = options
        self.twin = twin
        self.panel = panel
        self.speed = speed
        self.slow = slow
        self.layer = layer
        self.unit = unit
        self.pauseAt = pauseAt
        self.hideKeyBar = hideKeyBar
        self.keys = keys
        self.startPaused = startPaused
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
        } catch let e as SettingError {
            throw e
        } catch let DecodingError.keyNotFound(key, _) {
            throw DropvizError("lesson file '\(path)': missing \"\(key.stringValue)\"")
        } catch {
            throw DropvizError("lesson file '\(path)' is not a valid lesson (JSON with name, title, caption, options)")
        }
    }

    public func check(source: String) throws {
        for code in Array((captions ?? [:]).keys) + Array((titles ?? [:]).keys) where Language(rawValue: code) == nil {
            throw DropvizError("\(source): unknown language '\(code)' in captions or titles (one of: \(Language.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if let p = panel, Panel(rawValue: p) == nil {
            throw DropvizError("\(source): unknown panel '\(p)' (one of: \(Panel.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if let v = speed, !AppState.speeds.contains(v) {
            throw DropvizError("\(source): speed must be one of \(AppState.speeds.map(String.init).joined(separator: ", "))")
        }
        if let t = twin, !(t >= 0 && t < 1) {
            throw DropvizError("\(source): twin rate must be in [0, 1)")
        }
        if let v = slow, !AppState.slowSpeeds.contains(v) {
            throw DropvizError("\(source): slow must be one of \(AppState.slowSpeeds.map(String.init).joined(separator: ", ")) (steps a second)")
        }
        if let v = layer, v < 0 || v > 64 { throw DropvizError("\(source): layer must be a dropout position (0 = input, 1 = hidden1, …)") }
        if let v = unit, v < 0 || v > 100_000 { throw DropvizError("\(source): unit must be 0 or more") }
        if let g = grid { try RateGrid.check(g) }
        if let v = pauseAt, v < 1 || v > 10_000_000 { throw DropvizError("\(source): pauseAt must be a step from 1 to 10000000") }
        if let k = keys, let word = PresenterControls.parse(keys: k).unknown {
            throw DropvizError("\(source): keys: '\(word)' is not a key (one character, or space, tab, backtab, enter, esc, up, down, left, right; separated by spaces)")
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
    /// The caption wrapped to the box and cut into pages that fit the screen; a paragraph
    /// moves to the next page whole when it fits one.
    static func pages(_ lesson: Lesson, language: Language = .en, in area: Rect) -> (box: Rect, pages: [[String]]) {
        let caption = lesson.caption(in: language)
        let width = min(area.width - 4, 76)
        // Two border rows and the footer.
        let perPage = max(1, area.height - 3)
        var pages: [[String]] = [[]]
        for (k, paragraph) in caption.enumerated() {
            let lines = wrap(paragraph, width: width - 4) + (k + 1 < caption.count ? [""] : [])
            if !pages[pages.count - 1].isEmpty && pages[pages.count - 1].count + lines.count > perPage { pages.append([]) }
            for line in lines {
                if pages[pages.count - 1].count == perPage { pages.append([]) }
                pages[pages.count - 1].append(line)
            }
        }
        // A blank row above the footer where there is room.
        let rows = (pages.map(\.count).max() ?? 0) + 4
        let height = min(area.height, rows)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - height) / 2), width: width, height: height)
        return (box, pages)
    }

    public static func pageCount(_ lesson: Lesson, language: Language = .en, width: Int, height: Int) -> Int {
        pages(lesson, language: language, in: Rect(x: 0, y: 1, width: width, height: height - 2)).pages.count
    }

    public static func render(_ lesson: Lesson, page: Int = 0, glyphs: Glyphs, language: Language = .en, in area: Rect, into buffer: inout Buffer) {
        let (box, pages) = pages(lesson, language: language, in: area)
        let index = min(max(page, 0), pages.count - 1)
        buffer.fill(box, " ")
        Box(title: " \(lesson.title(in: language)) ", glyphs: glyphs).render(area: box, into: &buffer)
        for (i, line) in pages[index].enumerated() where i < box.height - 3 {
            _ = buffer.put(line, x: box.x + 2, y: box.y + 1 + i, maxWidth: box.width - 4)
        }
        let footer = index + 1 < pages.count
            ? language.text(.lessonNextPage, index + 1, pages.count)
            : (pages.count > 1 ? language.text(.pageOf, index + 1, pages.count) : "") + language.text(.lessonCloses)
        _ = buffer.put(glyphs.spell(footer), x: box.x + 2, y: box.bottom - 2, style: Style(dim: true), maxWidth: box.width - 4)
    }

    /// Lines of at most `width` columns: broken at spaces, and between any two characters of
    /// Chinese (which has no spaces); a character is never cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        let words = text.split(separator: " ").joined(separator: " ")
        return words.isEmpty ? [] : words.wrapped(toWidth: width)
    }
}

extension AppState {
    /// Opens `lesson` on this state: its twin, panel, speed, selection and pause step, with
    /// the instructions shown (training waits while they are open).
    public mutating func apply(lesson: Lesson) throws {
        self.lesson = lesson
        showLesson = true
        lessonPage = 0
        if let p = lesson.panel.flatMap(Panel.init(rawValue:)) { panel = p }
        if let t = lesson.twin {
            twinRate = t
            try startTwin()
        }
        if let g = lesson.grid { try startGrid(rates: g) }
        if let v = lesson.speed, let i = AppState.speedSettings.firstIndex(of: .perFrame(v)) { speedIndex = i }
        if let v = lesson.slow, let i = AppState.speedSettings.firstIndex(of: .perSecond(v)) { speedIndex = i }
        if let d = lesson.layer {
            guard d < dropoutLayerCount else {
                throw DropvizError("lesson '\(lesson.name)': layer \(d) does not exist (this model has \(dropoutLayerCount) dropout positions)")
            }
            selectedLayer = d
        }
        if let u = lesson.unit {
            selectedUnit = u
            clampSelectedUnit()
        } else {
            selectsActiveUnit = panel == .maths
        }
        pauseAtStep = lesson.pauseAt
        presenter = PresenterControls(hideKeyBar: lesson.hideKeyBar ?? false, allowedKeys: lesson.keys.map { PresenterControls.parse(keys: $0).keys })
        if lesson.startPaused == true { paused = true }
    }
}
