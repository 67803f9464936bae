/// Mini-batch order: each epoch a fresh shuffle from the batch stream; a batch that runs past
/// the end of an epoch continues into the next shuffle, so every batch has the same size.
public struct BatchSampler: Sendable, Codable, Equatable {
    public private(set) var order: [Int]
    public private(set) var cursor: Int
    public var rng: Xoshiro
    public let batchSize: Int

    public init(count: Int, batchSize: Int, rng: Xoshiro) {
        self.rng = rng
        self.batchSize = batchSize
        order = Array(0..<count)
        cursor = 0
        if batchSize < count { order.seededShuffle(using: &self.rng) }
    }

    /// Writes the next batch's indices into `indices` (reused, no allocation).
    public mutating func next(into indices: inout [Int]) {
        indices.removeAll(keepingCapacity: true)
        if batchSize >= order.count {
            indices.append(contentsOf: order)
            return
        }
        while indices.count < batchSize {
            if cursor == order.count {
                order.seededShuffle(using: &rng)
                cursor = 0
            }
            indices.append(order[cursor])
            cursor += 1
        }
    }
}
