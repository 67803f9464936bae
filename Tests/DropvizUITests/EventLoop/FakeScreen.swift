import Foundation
import TermUI

/// A scripted `Screen` for driving the event loop in tests: it keeps every frame presented,
/// and after each frame hands the loop the keys its script returns for that frame.
/// A poll with nothing left waits its timeout (as the terminal does), so frames keep pace.
final class FakeScreen: Screen {
    let glyphs: Glyphs = .unicode
    let isUTF8 = true
    let colorCount = 256
    private(set) var width: Int
    private(set) var height: Int
    private(set) var frames: [Buffer] = []
    /// The timeout of every poll, and how many polls followed each frame.
    private(set) var timeouts: [Int] = []
    private(set) var pollsAfterFrame: [Int] = []
    private(set) var started = false
    private(set) var stopped = false
    /// How long each `present` takes (a slow frame).
    var presentDelay: Duration = .zero
    /// Frames after which the fake presses Ctrl-C by itself, so a broken loop still ends;
    /// `ranOut` then says the script did not finish.
    var maxFrames = 2000
    private(set) var ranOut = false
    /// The events read after frame `n` (counted from 0), given what it showed.
    private let script: (_ frame: Int, _ shown: Buffer) -> [InputEvent]
    private var queue: [InputEvent] = []

    init(width: Int = 80, height: Int = 24, script: @escaping (_ frame: Int, _ shown: Buffer) -> [InputEvent]) {
        self.width = width
        self.height = height
        self.script = script
    }

    /// Events frame by frame: `frames[n]` after frame n, then nothing.
    convenience init(width: Int = 80, height: Int = 24, frames script: [[InputEvent]]) {
        self.init(width: width, height: height) { n, _ in n < script.count ? script[n] : [] }
    }

    func start() throws { started = true }
    func stop() { stopped = true }
    func size() -> (width: Int, height: Int) { (width, height) }

    func present(_ buffer: Buffer) {
        if presentDelay > .zero { Thread.sleep(forTimeInterval: Double(presentDelay.components.attoseconds) / 1e18 + Double(presentDelay.components.seconds)) }
        frames.append(buffer)
        pollsAfterFrame.append(0)
        if frames.count > maxFrames {
            ranOut = true
            queue = [.ctrlC]
        } else {
            queue = script(frames.count - 1, buffer)
        }
    }

    func poll(timeoutMs: Int) -> InputEvent? {
        timeouts.append(timeoutMs)
        if !pollsAfterFrame.isEmpty { pollsAfterFrame[pollsAfterFrame.count - 1] += 1 }
        guard !queue.isEmpty else {
            if timeoutMs > 0 { Thread.sleep(forTimeInterval: Double(timeoutMs) / 1000) }
            return nil
        }
        let event = queue.removeFirst()
        if case .resize(let w, let h) = event {
            width = w
            height = h
        }
        return event
    }
}
