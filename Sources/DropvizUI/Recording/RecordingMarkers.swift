import DropoutCore

/// The chapters of a recording: what the plot marks (the run's events: rate, variant and
/// scaling changes and whatever else a feature records in `History.events`, with the plot's
/// labels), plus what the plot cannot show: a reset, a lesson page, a lesson's pause.
///
/// Called once a frame with the state just drawn; returns the labels new since the last call.
public struct RecordingMarkers {
    private var trainer: ObjectIdentifier?
    private var lastStep: Int?
    /// How many times each (step, label) event has been seen: the same change can happen twice
    /// at one step (v pressed round the cycle), and the history drops its oldest events.
    private var seen: [Key: Int] = [:]
    private var lessonPage: Int?
    private var pauseAt: Int?

    private struct Key: Hashable { let step: Int, label: String }

    public init() {}

    public mutating func new(in s: AppState) -> [String] {
        var labels: [String] = []
        let id = ObjectIdentifier(s.trainer)
        let step = s.trainer.currentStep
        if let last = lastStep, trainer != id || step < last {
            // Back at step 0 is a reset (r, R, and everything that restarts the run; its
            // history starts empty). A run rebuilt at a later step brings the events it had,
            // marked already, except those at its own step (what happened there: a branch).
            if step == 0 {
                if last > 0 { labels.append("reset") }
                seen = [:]
            } else {
                seen = Self.counts(s.trainer.history.events.filter { $0.step < step })
            }
        }
        trainer = id
        lastStep = step
        var occurrences: [Key: Int] = [:]
        for event in s.trainer.history.events {
            let key = Key(step: event.step, label: event.label)
            occurrences[key, default: 0] += 1
            if occurrences[key, default: 0] > seen[key, default: 0] { labels.append(event.label) }
        }
        seen = occurrences
        let page = s.showLesson && s.lesson != nil ? s.lessonPage : nil
        if let page, page != lessonPage, let lesson = s.lesson {
            let count = LessonOverlay.pageCount(lesson, width: s.width, height: s.height)
            labels.append("lesson \(lesson.name) \(page + 1)/\(count)")
        }
        lessonPage = page
        if let stop = pauseAt, s.pauseAtStep == nil, s.paused {
            labels.append("lesson pause at step \(stop)")
        }
        pauseAt = s.pauseAtStep
        return labels
    }

    private static func counts(_ events: [RunEvent]) -> [Key: Int] {
        events.reduce(into: [:]) { $0[Key(step: $1.step, label: $1.label), default: 0] += 1 }
    }
}
