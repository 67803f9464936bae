/// The state string of a run with changes: the configuration it started from and, in
/// `changes=`, every change made since (and any still scheduled) at its step, so that
/// `run --state` replays the run (branches included) to the same weights. A run without
/// changes gives the same string as before changes were recorded, and strings without
/// `changes=` read as before: their configuration from step 0.
extension StateString {
    public static func encode(_ t: Trainer, extras: [(String, String)] = []) -> String {
        let changes = t.timeline.changes + t.timeline.scheduled
        guard !changes.isEmpty else { return encode(t.config, extras: extras) }
        return encode(t.timeline.initialConfig, extras: extras + [("changes", RunChange.encode(changes))])
    }
}
