import Foundation
import Testing

@Suite struct LessonAndStateTests {
    @Test func lessonListAndPrint() throws {
        let list = try CLI.run(["lesson", "--list"])
        #expect(list.status == 0)
        for name in ["overfitting", "scaling", "rate", "uncertainty", "variants"] { #expect(list.stdout.contains(name)) }
        let printed = try CLI.run(["lesson", "--print", "overfitting"])
        let obj = try JSONSerialization.jsonObject(with: Data(printed.stdout.utf8)) as? [String: Any]
        #expect(obj?["name"] as? String == "overfitting")
        #expect((obj?["options"] as? [String])?.contains("--rate") == true)
    }

    @Test func badLessonsAndStatesGetOneLine() throws {
        func oneLine(_ args: [String], _ needle: String) throws {
            let r = try CLI.run(args)
            #expect(r.status != 0, "\(args)")
            #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains(needle), "\(args): \(r.stderr)")
        }
        try oneLine(["lesson", "nope"], "unknown lesson 'nope'")
        try oneLine(["run", "--lesson", "/nonexistent/lesson.json"], "cannot read lesson file")
        try oneLine(["run", "--state", "v1;rates=0,7,0.5"], "rate")
        try oneLine(["run", "--state", "garbage"], "not a dropviz state string")
        try oneLine(["run", "--twin-rate", "2"], "--twin-rate")
        let dir = CLI.temporaryDirectory()
        let bad = dir.appendingPathComponent("bad.json").path
        try "{\"name\": \"x\", \"title\": \"t\", \"caption\": [], \"options\": [\"--rate\", \"9\"]}".write(toFile: bad, atomically: true, encoding: .utf8)
        try oneLine(["run", "--lesson", bad], "--rate")
        // A typed choice's error stays one line, though the parser lists many values on lines of their own.
        let badVariant = dir.appendingPathComponent("variant.json").path
        try "{\"name\": \"x\", \"title\": \"t\", \"caption\": [], \"options\": [\"--variant\", \"zoneout\"]}".write(toFile: badVariant, atomically: true, encoding: .utf8)
        try oneLine(["run", "--lesson", badVariant], "lesson 'x': bad options: --variant: unknown value 'zoneout' (one of: bernoulli,")
        let notJSON = dir.appendingPathComponent("nojson.json").path
        try "hello".write(toFile: notJSON, atomically: true, encoding: .utf8)
        try oneLine(["run", "--lesson", notJSON], "not a valid lesson")
    }
}
