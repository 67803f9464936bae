import DropoutCore
import DropvizUI
import Foundation
import TermUI
import Testing

/// `--record`: the asciicast file, its markers, and that it replays to the screens recorded.
@Suite struct RecordingTests {
    static func temporaryPath(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dropviz-rec-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    /// A session as the visualizer drives it: a frame, the keys, the marks, the next frame.
    @Test func recordsFramesAndMarksEveryChangeTheRunMarks() throws {
        let path = Self.temporaryPath("demo.cast")
        let recorder = try CastRecorder(path: path)
        var s = try Fixtures.state(hidden: [8, 8])
        recorder.begin(width: s.width, height: s.height, colorCount: 256, utf8: true, title: "dropviz")
        var last = Buffer(width: 0, height: 0)
        func frame(_ keys: [InputEvent], steps: Int = 5) {
            for _ in 0..<steps { update(&s, .step) }
            last = Fixtures.render(s)
            recorder.record(last)
            for key in keys { update(&s, .input(key)) }
            recorder.mark(s)
        }
        frame([])
        frame([.up])
        frame([.char("v")])
        frame([.char("s")])
        frame([.char("r")])
        frame([], steps: 3)
        // Nothing replaces the target until the recording is finished.
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(recorder.finish() == nil)
        let cast = try AsciicastReader(text: String(contentsOfFile: path, encoding: .utf8))
        #expect(cast.header["version"] as? Int == 2)
        #expect(cast.header["width"] as? Int == 80 && cast.header["height"] as? Int == 24)
        #expect((cast.header["timestamp"] as? Int ?? 0) > 1_600_000_000)
        #expect(cast.header["env"] is [String: String])
        let times = cast.events.map(\.time)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 }, "\(times)")
        #expect(cast.events.allSatisfy { ["o", "m"].contains($0.type) })
        #expect(cast.events.filter { $0.type == "m" }.map(\.data)
                == ["h1-h2 p 0.5→0.55", "variant gaussian", "scaling vanilla", "reset"])
        // The replay ends on the last screen drawn, cell by cell, with its colours.
        let screen = cast.replay()
        for y in 0..<last.height {
            for x in 0..<last.width {
                guard let cell = last.cell(atX: x, y: y), !cell.isContinuation else { continue }
                #expect(screen[y][x].symbol == cell.symbol, "(\(x), \(y))")
                #expect(screen[y][x].fg == cell.style.fg.paletteIndex, "(\(x), \(y)) \(cell.symbol)")
            }
        }
    }

    /// The plot's markers, whatever records them (another feature's events included), become
    /// chapters with the plot's labels; the same change twice at one step is marked twice.
    @Test func markersComeFromTheRunsEvents() throws {
        var s = try Fixtures.state(hidden: [8])
        var markers = RecordingMarkers()
        #expect(markers.new(in: s) == [])
        s.trainer.history.record(event: RunEvent(step: 0, label: "branch at 0"))
        update(&s, .input(.char("v")))
        #expect(markers.new(in: s) == ["branch at 0", "variant gaussian"])
        for _ in 0..<3 { update(&s, .input(.char("v"))) }
        update(&s, .input(.char("v")))
        #expect(markers.new(in: s) == ["variant dropconnect", "variant standout", "variant bernoulli", "variant gaussian"])
        #expect(markers.new(in: s) == [])
        for _ in 0..<4 { update(&s, .step) }
        #expect(markers.new(in: s) == [])
        update(&s, .input(.char("r")))
        #expect(markers.new(in: s) == ["reset"])
    }

    @Test func lessonPagesAndTheLessonsPauseAreMarked() throws {
        var s = try Fixtures.state(hidden: [8])
        var lesson = try #require(BuiltinLessons.named("rate"))
        lesson.pauseAt = 3
        try s.apply(lesson: lesson)
        var markers = RecordingMarkers()
        let pages = LessonOverlay.pageCount(lesson, width: s.width, height: s.height)
        #expect(markers.new(in: s) == ["lesson rate 1/\(pages)"])
        for _ in 0..<pages { update(&s, .input(.char("x"))) }
        #expect(markers.new(in: s) == (pages > 1 ? ["lesson rate \(pages)/\(pages)"] : []))
        for _ in 0..<3 { update(&s, .step) }
        #expect(markers.new(in: s) == ["lesson pause at step 3"])
    }

    @Test func aPathThatCannotBeWrittenFailsAtOnceAndAnUnstartedRecordingLeavesNothing() throws {
        #expect(throws: DropvizError.self) { try CastRecorder(path: "/nonexistent-dir/x.cast") }
        let path = Self.temporaryPath("never.cast")
        let recorder = try CastRecorder(path: path)
        #expect(recorder.finish() == nil)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: AtomicFile.temporaryPath(for: path)))
    }

    /// A resize is an "r" event, then the whole screen at its new size.
    @Test func aResizeIsRecordedWithTheNewSize() throws {
        let path = Self.temporaryPath("resize.cast")
        let recorder = try CastRecorder(path: path)
        recorder.begin(width: 80, height: 24, colorCount: 8, utf8: true, title: nil)
        var s = try Fixtures.state(hidden: [8])
        recorder.record(Fixtures.render(s))
        update(&s, .resize(width: 100, height: 30))
        recorder.record(Fixtures.render(s))
        #expect(recorder.finish() == nil)
        let cast = try AsciicastReader(text: String(contentsOfFile: path, encoding: .utf8))
        #expect(cast.events.filter { $0.type == "r" }.map(\.data) == ["100x30"])
        // 8 colours: no 256-colour codes.
        #expect(!cast.events.contains { $0.data.contains("38;5;") })
    }
}
