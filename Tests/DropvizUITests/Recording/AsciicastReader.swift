import Foundation
import TermUI

/// A small reader of asciicast v2 files for the tests: the header object and the events, and a
/// toy terminal that replays the output events (cursor moves, SGR colours, clearing, text)
/// into a grid, to compare with the screen that was recorded.
struct AsciicastReader {
    struct Event { let time: Double, type: String, data: String }
    let header: [String: Any]
    let events: [Event]

    enum Failure: Error { case malformed(String) }

    init(text: String) throws {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.last == "" else { throw Failure.malformed("the file does not end with a newline (cut mid-event?)") }
        lines.removeLast()
        guard let first = lines.first, let header = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any] else {
            throw Failure.malformed("no header object")
        }
        self.header = header
        events = try lines.dropFirst().map { line in
            guard let array = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any], array.count == 3,
                  let time = (array[0] as? NSNumber)?.doubleValue, let type = array[1] as? String, let data = array[2] as? String else {
                throw Failure.malformed("not an event: \(line)")
            }
            return Event(time: time, type: type, data: data)
        }
    }

    /// The screen after every output event: (symbol, foreground palette index or nil) per cell.
    func replay() -> [[(symbol: Character, fg: Int?)]] {
        let width = header["width"] as? Int ?? 0, height = header["height"] as? Int ?? 0
        var grid = Array(repeating: Array(repeating: (symbol: Character(" "), fg: Int?.none), count: width), count: height)
        var x = 0, y = 0
        var fg: Int? = nil
        for event in events where event.type == "o" {
            var scalars = Array(event.data.unicodeScalars)[...]
            while let s = scalars.popFirst() {
                if s == "\u{1B}", scalars.first == "[" {
                    scalars.removeFirst()
                    var parameters = ""
                    while let c = scalars.first, !(c.properties.isAlphabetic) { parameters.unicodeScalars.append(c); scalars.removeFirst() }
                    let final = scalars.popFirst()
                    let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
                    switch final {
                    case "H":
                        y = max(0, (numbers.first.flatMap { $0 } ?? 1) - 1)
                        x = max(0, (numbers.count > 1 ? numbers[1] ?? 1 : 1) - 1)
                    case "J":
                        grid = Array(repeating: Array(repeating: (Character(" "), nil), count: width), count: height)
                    case "m":
                        var i = 0
                        while i < numbers.count {
                            let n = numbers[i] ?? 0
                            switch n {
                            case 0: fg = nil
                            case 30...37: fg = n - 30
                            case 90...97: fg = n - 90 + 8
                            case 38: fg = numbers.count > i + 2 ? numbers[i + 2] : nil; i += 2
                            case 48: i += 2
                            default: break
                            }
                            i += 1
                        }
                    default: break
                    }
                } else if y < height, x < width {
                    grid[y][x] = (Character(s), fg)
                    x += DisplayWidth.of(s) == 2 ? 2 : 1
                }
            }
        }
        return grid
    }
}
