/// Everything a trainer needs to carry on from a step exactly as it did: the weights, the
/// optimiser's moments and step count, every generator's state (masks and batch order), the
/// configuration of that moment, and what the screen shows of the run so far (history, drop
/// statistics, last evaluation). Taken after a step and before any change made at that step.
public struct TrainerCheckpoint {
    public let step: Int
    let config: TrainingConfig
    /// Value, first and second moment of each parameter, in `model.parameters` order.
    let parameters: [(value: [Float], first: [Float], second: [Float])]
    let maskStates: [Xoshiro]
    let optimizer: Optimizer
    let sampler: BatchSampler
    let diverged: Bool
    let history: History
    let lastEvaluation: Evaluation?
    let lastBatchLoss: Float?
    let smoothed: Double?
    let dropStatistics: DropStatistics
    /// The changes made before this step (the ones made at it come after the checkpoint).
    let changes: [RunChange]

    /// Floats held: what the memory bound counts (three per parameter value).
    public var floatCount: Int { parameters.reduce(0) { $0 + $1.value.count + $1.first.count + $1.second.count } }
}

/// A fresh array with the same elements: a checkpoint must never share a buffer with the live
/// network, whose kernels write into their matrices through pointers.
func detachedCopy(_ a: [Float]) -> [Float] {
    a.withUnsafeBufferPointer { Array($0) }
}

/// The checkpoints of a run, with bounded memory: one every `interval` steps until there are
/// `capacity` of them, then every second one is dropped and the interval doubles (as a
/// `Series` thins its points), so they cover the whole run evenly whatever its length and
/// rebuilding any step replays fewer than `interval` steps.
public struct CheckpointStore {
    public static let capacity = 64
    public static let firstInterval = 16
    public private(set) var interval = CheckpointStore.firstInterval
    public private(set) var items: [TrainerCheckpoint] = []
    /// A run loaded from a model file starts here: kept whatever the thinning does.
    public internal(set) var base: TrainerCheckpoint?

    public init() {}

    /// Whether a checkpoint is due after `step`.
    func isDue(_ step: Int) -> Bool {
        step > 0 && step % interval == 0 && step > (items.last?.step ?? 0)
    }

    mutating func add(_ checkpoint: TrainerCheckpoint) {
        items.append(checkpoint)
        if items.count > Self.capacity {
            interval *= 2
            items.removeAll { $0.step % interval != 0 }
        }
    }

    /// The last checkpoint strictly before `step` (nil: start from step 0, or from `base`).
    func latest(before step: Int) -> TrainerCheckpoint? {
        if let c = items.last(where: { $0.step < step }) { return c }
        if let base, base.step < step { return base }
        return nil
    }

    /// The store of a run that branches off at `step`: the checkpoints after it belong to the
    /// old future.
    func truncated(after step: Int) -> CheckpointStore {
        var s = self
        s.items.removeAll { $0.step > step }
        return s
    }
}
