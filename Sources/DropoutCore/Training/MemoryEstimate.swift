import Foundation
import Synchronization

/// How much memory a configuration will need, checked before the network is built: a width of
/// 10⁸ or 10⁵ channels used to die in "failed to allocate" (or swap for minutes) instead of
/// saying so. The estimate counts, in 4-byte floats, each parameter four times (value,
/// gradient, two Adam moments; twice more for DropConnect's weight masks) and each activation
/// a few times over the rows processed at once (a batch in training, a whole set at
/// evaluation). It is an upper bound within a small factor, which is all a refusal needs.
public enum MemoryEstimate {
    /// The limit in bytes: the machine's memory unless `--max-memory` set another.
    public static var limit: Int { limitStorage.load(ordering: .relaxed) }
    public static func setLimit(_ bytes: Int) { limitStorage.store(bytes, ordering: .relaxed) }
    /// Whether `setLimit` was used (the message then names --max-memory as the source).
    private static let limitSet = Atomic<Bool>(false)
    private static let limitStorage = Atomic<Int>(Int(clamping: ProcessInfo.processInfo.physicalMemory))

    public static func setUserLimit(_ bytes: Int) {
        setLimit(bytes)
        limitSet.store(true, ordering: .relaxed)
    }

    /// Bytes `config` needs on `data`, as a Double (a huge request must not overflow).
    public static func bytes(_ config: TrainingConfig, data: DataSplit) -> Double {
        let d = Double(data.train.featureCount)
        let outputs = Double(data.train.task.outputs)
        let batch = Double(config.batchSize == 0 ? data.train.count : min(config.batchSize, data.train.count))
        // An evaluation in passes holds one pass's activations (Trainer+EvaluationPasses.swift).
        let rows = max(batch, Double(Trainer.evaluationRows(config, rows: max(data.train.count, data.validation.count))))
        var parameters = 0.0
        var activationsPerRow = 0.0
        var denseInput = d
        if let conv = config.conv, let image = FeatureMapShape.squareImage(features: data.train.featureCount),
           let shapes = try? conv.shapes(input: image) {
            let k2 = Double(conv.kernel * conv.kernel)
            var cin = Double(image.channels)
            for s in shapes {
                let cout = Double(s.channels)
                let area = Double(s.height * s.width) * 4  // before the 2×2 pooling
                parameters += k2 * cin * cout + cout
                // conv output, activation, mask, pooled, and the im2col matrix of the input.
                activationsPerRow += area * cout * 4 + area * k2 * cin
                cin = cout
            }
            denseInput = shapes.last.map { Double($0.channels * $0.height * $0.width) } ?? d
        }
        if config.lstm != nil {
            let width = Double(SequenceDatasets.stepWidth(config.dataset) ?? 1)
            let steps = max(1, d / width)
            var input = width
            for h in config.hidden.map(Double.init) {
                parameters += 4 * h * (input + h + 1)
                activationsPerRow += steps * 10 * h  // gates, cell and state at every step
                input = h
            }
            parameters += input * outputs + outputs
            activationsPerRow += outputs * steps
        } else {
            let widths = [denseInput] + config.hidden.map(Double.init) + [outputs]
            for (a, b) in zip(widths, widths.dropFirst()) { parameters += a * b + b }
            // pre-activation, activation, mask and gradient of every layer.
            activationsPerRow += widths.reduce(0, +) * 4
        }
        let copiesPerParameter = config.variant == .dropconnect ? 6.0 : 4.0
        return 4 * (parameters * copiesPerParameter + rows * activationsPerRow + Double(data.train.count + data.validation.count) * d)
    }

    /// Throws one line when `config` would need more than the limit.
    public static func check(_ config: TrainingConfig, data: DataSplit) throws {
        let need = bytes(config, data: data)
        let limit = Self.limit
        guard need > Double(limit) else { return }
        let source: SettingWords = limitSet.load(ordering: .relaxed) ? "set by \(setting: .maxMemory)" : "the machine's memory; \(setting: .maxMemory) sets another"
        throw SettingError(.maxMemory, value: limit, sentence: "this network (\(setting: .hidden), \(setting: .convChannels), \(setting: .batchSize), the data set) needs about \(format(need)) of memory, more than the limit of \(format(Double(limit))) (\(source))")
    }

    /// "3.2 GB", "512 MB".
    public static func format(_ bytes: Double) -> String {
        let units = ["B", "KB", "MB", "GB", "TB", "PB", "EB"]
        var v = bytes
        var i = 0
        while v >= 1024 && i < units.count - 1 { v /= 1024; i += 1 }
        return i == 0 ? "\(Int(v)) B" : String(format: v < 10 ? "%.1f %@" : "%.0f %@", v, units[i])
    }

    /// Parses "512M", "2G", "1.5GB", "100000" (bytes); nil when it is not a size.
    public static func parse(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let k = 1024.0
        let suffixes: [(String, Double)] = [("TB", k * k * k * k), ("GB", k * k * k), ("MB", k * k), ("KB", k),
                                            ("T", k * k * k * k), ("G", k * k * k), ("M", k * k), ("K", k), ("B", 1)]
        var number = Substring(t)
        var scale = 1.0
        for (s, f) in suffixes where t.hasSuffix(s) {
            number = t.dropLast(s.count)
            scale = f
            break
        }
        guard let v = Double(number.trimmingCharacters(in: .whitespaces)), v.isFinite, v > 0 else { return nil }
        let bytes = v * scale
        guard bytes >= 1, bytes < 9e18 else { return nil }
        return Int(bytes)
    }
}
