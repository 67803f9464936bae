/// A dense row-major matrix of `Float`: a row per example, a column per unit.
public struct Matrix: Equatable, Sendable {
    public private(set) var rows: Int
    public private(set) var cols: Int
    public var data: [Float]

    public init(rows: Int, cols: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && cols >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.cols = cols
        self.data = [Float](repeating: value, count: rows * cols)
    }

    public init(rows: Int, cols: Int, data: [Float]) {
        precondition(data.count == rows * cols, "matrix data does not match its shape")
        self.rows = rows
        self.cols = cols
        self.data = data
    }

    public var count: Int { rows * cols }

    public subscript(row: Int, col: Int) -> Float {
        get { data[row * cols + col] }
        set { data[row * cols + col] = newValue }
    }

    public func row(_ r: Int) -> ArraySlice<Float> {
        data[(r * cols)..<((r + 1) * cols)]
    }

    /// Changes the shape, keeping the allocation when it is large enough, so that buffers reused
    /// step after step never allocate in steady state. The contents are unspecified afterwards.
    public mutating func reshape(rows: Int, cols: Int) {
        let n = rows * cols
        self.rows = rows
        self.cols = cols
        if data.count != n {
            if data.capacity >= n {
                data.removeAll(keepingCapacity: true)
                data.append(contentsOf: repeatElement(0, count: n))
            } else {
                data = [Float](repeating: 0, count: n)
            }
        }
    }

    public mutating func fill(_ value: Float) {
        data.withUnsafeMutableBufferPointer { p in
            for i in 0..<p.count { p[i] = value }
        }
    }
}
