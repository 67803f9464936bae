import DropoutCore
import TermUI

/// A new run on new data (`d`, `{` `}`, `(` `)`), built on another thread.
///
/// Why: building a trainer makes its data set, and a real one is read from disk: `d` onto
/// Fashion-MNIST took a second on the loop's thread, and a paste of `d`s held every key for
/// as long. So the key only says what to build (`Effect.buildTrainer`); the event loop builds
/// it elsewhere and hands it back as `Msg.trainerBuilt`, which `update` installs. Until then
/// the old run goes on and the notice says what is loading; more `d`s change the request
/// (the newest wins), the other keys wait and are replayed in order once it is installed, so
/// that none of them acts on the run about to be replaced.
public struct TrainerBuild: Sendable, Equatable {
    /// Which request this is: an answer to an older one is dropped.
    public let id: Int
    /// The settings to try in order, each with the notice's reason: the first that builds is
    /// the new run (a fallback: the same set without input features, or all of its examples).
    public let attempts: [(config: TrainingConfig, reason: String)]

    /// The settings the newest key asked for: a further `d` starts from them.
    public var config: TrainingConfig { attempts[0].config }

    public static func == (a: TrainerBuild, b: TrainerBuild) -> Bool { a.id == b.id }

    /// The key that changes a build on its way: `d` moves on from the set asked for. The other
    /// data keys wait like the rest: halving the training set or changing the noise needs the
    /// new set's own size and noise, known once it is built.
    static let keys: Set<InputEvent> = [.char("d")]

    /// Builds the trainer on this thread: the first attempt that builds, or the last error.
    public func build() -> BuiltTrainer {
        var failure: Error = DropvizError("nothing to build")
        for attempt in attempts {
            do {
                let t = try Trainer(config: attempt.config)
                return BuiltTrainer(id: id, outcome: .success((t, attempt.reason)))
            } catch { failure = error }
        }
        return BuiltTrainer(id: id, outcome: .failure(failure))
    }
}

/// The answer to a `TrainerBuild`: the new trainer and the reason of the attempt that built
/// it, or why none did. Equal when it answers the same request.
///
/// `@unchecked Sendable`: it carries a `Trainer` (a class) from the thread that built it to
/// the loop's; the building thread keeps no reference, so one thread at a time uses it.
public final class BuiltTrainer: @unchecked Sendable, Equatable {
    public let id: Int
    let outcome: Result<(trainer: Trainer, reason: String), Error>

    init(id: Int, outcome: Result<(trainer: Trainer, reason: String), Error>) {
        self.id = id
        self.outcome = outcome
    }

    public static func == (a: BuiltTrainer, b: BuiltTrainer) -> Bool { a.id == b.id }
}

extension AppState {
    /// The settings `d` starts from: those of the run being built, else the run's.
    var dataConfig: TrainingConfig { pendingBuild?.config ?? trainer.config }

    /// Asks for a new run of the first of `attempts` that builds (the event loop builds it).
    mutating func requestBuild(_ attempts: [(config: TrainingConfig, reason: String)]) -> TrainerBuild {
        buildCount += 1
        let b = TrainerBuild(id: buildCount, attempts: attempts)
        pendingBuild = b
        notice = tr(.loadingData, attempts[0].reason)
        return b
    }

    /// The answer to the newest request: the new run replaces the old, or the notice says
    /// why it could not be built and the old run goes on. An older answer is dropped.
    mutating func install(_ built: BuiltTrainer) -> Bool {
        guard built.id == pendingBuild?.id else { return false }
        pendingBuild = nil
        switch built.outcome {
        case .success(let (t, reason)):
            install(t, reason: reason)
        case .failure(let error):
            notice = errorNotice(error)
        }
        return true
    }

    /// Makes `t` the run: selection reset, the twin rebuilt beside it, the notice says why.
    mutating func install(_ t: Trainer, reason: String) {
        t.recordsDropStatistics = true
        t.recordsCheckpoints = true
        trainer = t
        selectedLayer = min(selectedLayer, t.model.dropoutPositions.count - 1)
        selectedUnit = 0
        exampleIndex = 0
        do {
            if twin != nil { try startTwin() }
            notice = tr(.restartsNewData, reason)
        } catch { notice = errorNotice(error) }
    }
}

/// `update`, with the new runs it asks for built on the spot: for callers without an event
/// loop (tests, headless renders), as `settledView` computes the panels on the spot. Returns
/// the other effects.
@discardableResult
public func settledUpdate(_ s: inout AppState, _ msg: Msg) -> [Effect] {
    var rest: [Effect] = []
    var queue = update(&s, msg)
    while !queue.isEmpty {
        let effect = queue.removeFirst()
        if case .buildTrainer(let b) = effect {
            queue += update(&s, .trainerBuilt(b.build()))
        } else {
            rest.append(effect)
        }
    }
    return rest
}
