import Foundation

/// The drawing part of each frame (view, present, and the recording's share), kept to check
/// that a feature such as `--record` leaves the frame budget alone: with DROPVIZ_FRAME_TIMES
/// set, the visualizer prints the mean and the worst on stderr when it ends.
struct FrameTimes {
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

    /// Call after the terminal is restored, or the line is lost with the screen.
    func report() {
        guard enabled, count > 0 else { return }
        let ms = { (d: Duration) in Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
        FileHandle.standardError.write(Data(String(format: "frames: %d, drawing mean %.3f ms, worst %.3f ms; of which recording mean %.3f ms, worst %.3f ms\n",
                                                   count, ms(total) / Double(count), ms(worst), ms(recordingTotal) / Double(count), ms(recordingWorst)).utf8))
    }
}
