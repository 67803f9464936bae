import Foundation
import TermUI

/// The drawing part of each frame (view, present, and the recording's share), kept to check
/// that a feature such as `--record` leaves the frame budget alone, and how long each input
/// event waited from being read to the end of the frame that shows it (the key's answer):
/// with DROPVIZ_FRAME_TIMES set, the visualizer prints the means and the worst on stderr when
/// it ends.
struct FrameTimes {
    /// Input events read and not yet shown, by when they were read.
    private var unanswered: [(event: InputEvent, at: ContinuousClock.Instant)] = []
    private var keys = 0
    private var keyWorst: Duration = .zero
    /// The event that waited longest, and the events of the frame that read it.
    private var worstEvent = ""
    private var keysOver100ms = 0
    private var count = 0
    private var total: Duration = .zero
    private var worst: Duration = .zero
    private var recordingTotal: Duration = .zero
    private var recordingWorst: Duration = .zero
    private let enabled = ProcessInfo.processInfo.environment["DROPVIZ_FRAME_TIMES"] != nil

    /// `recording`: the part of `d` spent handing the frame to the recording.
    mutating func add(_ d: Duration, recording: Duration = .zero) {
        guard enabled else { return }
        count += 1
        total += d
        worst = max(worst, d)
        recordingTotal += recording
        recordingWorst = max(recordingWorst, recording)
    }

    /// An input event was read now.
    mutating func read(_ event: InputEvent, at instant: ContinuousClock.Instant) {
        guard enabled else { return }
        unanswered.append((event, instant))
    }

    /// A frame was presented now: it shows every event read before it.
    mutating func presented(at instant: ContinuousClock.Instant) {
        guard enabled else { return }
        for r in unanswered {
            let d = instant - r.at
            keys += 1
            if d > keyWorst {
                keyWorst = d
                worstEvent = "\(r.event) among \(unanswered.map { "\($0.event)" }.joined(separator: " "))"
            }
            if d > .milliseconds(100) { keysOver100ms += 1 }
        }
        unanswered.removeAll(keepingCapacity: true)
    }

    /// Call after the terminal is restored, or the line is lost with the screen.
    func report() {
        guard enabled, count > 0 else { return }
        let ms = { (d: Duration) in Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
        FileHandle.standardError.write(Data(String(format: "frames: %d, drawing mean %.3f ms, worst %.3f ms; of which recording mean %.3f ms, worst %.3f ms\n",
                                                   count, ms(total) / Double(count), ms(worst), ms(recordingTotal) / Double(count), ms(recordingWorst)).utf8))
        FileHandle.standardError.write(Data(String(format: "input events: %d, read to shown worst %.3f ms, %d over 100 ms\n",
                                                   keys, ms(keyWorst), keysOver100ms).utf8))
        if ProcessInfo.processInfo.environment["DROPVIZ_FRAME_TIMES"] == "events" {
            FileHandle.standardError.write(Data("worst: \(worstEvent)\n".utf8))
        }
    }
}
