/// A series of (step, value) points with bounded memory: when full, every second point is
/// dropped and only every second new point is kept from then on (the stride doubles), so a
/// series covers the whole run at an even resolution whatever its length.
public struct Series: Sendable, Equatable, Codable {
    public private(set) var points: [Point]
    public let capacity: Int
    public private(set) var stride: Int = 1
    private var offered: Int = 0

    public struct Point: Sendable, Equatable, Codable {
        public var step: Int
        public var value: Double
        public init(step: Int, value: Double) { self.step = step; self.value = value }
    }

    public init(capacity: Int = 2048) {
        precondition(capacity >= 2)
        self.capacity = capacity
        points = []
        points.reserveCapacity(capacity)
    }

    public mutating func append(step: Int, value: Double) {
        defer { offered += 1 }
        guard offered % stride == 0 else { return }
        points.append(Point(step: step, value: value))
        if points.count >= capacity {
            var kept: [Point] = []
            kept.reserveCapacity(capacity)
            for i in Swift.stride(from: 0, to: points.count, by: 2) { kept.append(points[i]) }
            points = kept
            stride *= 2
        }
    }

    public var last: Point? { points.last }
    public var isEmpty: Bool { points.isEmpty }
}

/// Something that happened to a run between two steps (a rate change, a variant switch…):
/// the plot draws a marker there.
public struct RunEvent: Sendable, Equatable, Codable {
    public var step: Int
    public var label: String
    /// What it was, for a UI to word in its language (nil: only the label is known).
    public var kind: RunEventKind?
    public init(step: Int, label: String) { self.step = step; self.label = label }
}

/// The curves of a run.
public struct History: Sendable, Equatable, Codable {
    /// Loss of each training mini-batch, in train mode (noisy: dropout is on).
    public var batchLoss = Series()
    /// Exponential moving average of the batch loss.
    public var smoothedLoss = Series()
    /// Loss and accuracy on the full sets in eval mode, at every evaluation.
    public var trainLoss = Series()
    public var valLoss = Series()
    public var trainAccuracy = Series()
    public var valAccuracy = Series()
    public var events: [RunEvent] = []
    /// Events kept at most (older ones are dropped first).
    public static let maxEvents = 256

    public init() {}

    public mutating func record(event: RunEvent) {
        events.append(event)
        if events.count > Self.maxEvents { events.removeFirst(events.count - Self.maxEvents) }
    }
}
