import Foundation

/// The panels' part of a frame (PanelCache.swift), for the loop and the benchmarks that
/// drive its pieces: the values a frame lacked go to the effect runner, which computes them
/// on other threads; their answers come back through `effects.poll()`.
extension Visualizer {
    /// After `view`: runs a `computePanel` effect for each value the frame requested.
    public static func requestPanels(_ state: AppState, effects: EffectRunner) {
        for request in state.panelCache.takeRequests() { _ = effects.run(.computePanel(request), state: state) }
    }

    /// Before a frame: everything background work has answered since the last one (panel
    /// values, the sweep's progress), through `update`.
    public static func receive(_ state: inout AppState, effects: EffectRunner) {
        for msg in effects.poll() { send(&state, msg, effects: effects) }
    }

    /// Waits until every panel value requested has been answered and stored (benchmarks).
    public static func waitForPanels(_ state: inout AppState, effects: EffectRunner) {
        while state.panelCache.isComputing {
            receive(&state, effects: effects)
            Thread.sleep(forTimeInterval: 0.001)
        }
    }
}
