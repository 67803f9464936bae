import DropoutCore
import Foundation
import TermUI

/// What a frame asks to have computed for a panel (PanelCache.swift): the value of `slot`
/// for the trainer as it was when the frame was drawn (`snapshot`), by `compute`. Equal when
/// it is the same request (its `id`).
public struct PanelRequest: Sendable, Equatable {
    public let id: Int
    public let slot: String
    let key: PanelCache.Key
    /// The training step of the snapshot.
    let step: Int
    let snapshot: EvaluationSnapshot
    let compute: @Sendable (Trainer) -> any Sendable

    public static func == (a: PanelRequest, b: PanelRequest) -> Bool { a.id == b.id && a.slot == b.slot }
}

extension PanelRequest: CustomStringConvertible {
    /// Short: the snapshot (all the weights and data) would fill a test's failure message.
    public var description: String { "PanelRequest(\(id), \(slot), step \(step))" }
}

extension PanelRequest {

    /// The value, computed on this thread on a trainer rebuilt from the snapshot; nil when
    /// `token` is cancelled before or during it (a result cut short is dropped), or if the
    /// snapshot did not rebuild (a snapshot of a valid trainer always does).
    func compute(token: CancellationToken = CancellationToken(), background: Bool) -> PanelResult {
        let value: (any Sendable)? = Cancellation.$current.withValue(token) {
            guard !token.isCancelled, let trainer = try? snapshot.makeTrainer(), !token.isCancelled else { return nil }
            let v = compute(trainer)
            return token.isCancelled ? nil : v
        }
        return PanelResult(id: id, slot: slot, value: value, background: background)
    }
}

/// The answer to a `PanelRequest` (`Msg.panelValue`): its value, or nil when the computation
/// was cancelled. Equal when it answers the same request the same way (the value itself is
/// not compared: it is whatever the panel computes).
public struct PanelResult: Sendable, Equatable {
    public let id: Int
    public let slot: String
    public let value: (any Sendable)?
    /// Computed on another thread (the loop), not on the spot (`settledView`).
    public let background: Bool

    public static func == (a: PanelResult, b: PanelResult) -> Bool {
        a.id == b.id && a.slot == b.slot && a.background == b.background && (a.value == nil) == (b.value == nil)
    }
}

/// Draws the screen with every panel value it needs: draws, computes on the spot whatever
/// the frame requested (`PanelRequest`), stores it through `update` and draws again, until
/// nothing is missing. For renders without an event loop (tests, golden screens, the
/// benchmarks): the same frame the visualizer shows once its background values arrived.
public func settledView(_ s: AppState, into buffer: inout Buffer) {
    var state = s
    update(&state, .frame)
    view(state, into: &buffer)
    // A frame requests every value it lacks at once; a second round only when a value
    // changed what is drawn enough to need another (bounded, never a loop).
    for _ in 0..<4 {
        let requests = state.panelCache.takeRequests()
        guard !requests.isEmpty else { return }
        for r in requests { _ = update(&state, .panelValue(r.compute(background: false))) }
        view(state, into: &buffer)
    }
}
