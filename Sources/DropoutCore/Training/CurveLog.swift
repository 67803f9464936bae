import Foundation

/// The curves of a run as CSV: one row per evaluation step with the losses and accuracies on
/// the full sets (eval mode), and the twin's when there is one. Written atomically.
public enum CurveLog {
    public static let header = "step,train_loss,val_loss,train_acc,val_acc"
    public static let twinHeader = ",twin_train_loss,twin_val_loss,twin_train_acc,twin_val_acc"

    public static func csv(_ history: History, twin: History? = nil) -> String {
        var lines = [header + (twin == nil ? "" : twinHeader)]
        func byStep(_ s: Series) -> [Int: Double] {
            Dictionary(s.points.map { ($0.step, $0.value) }, uniquingKeysWith: { _, last in last })
        }
        let columns = [history.trainLoss, history.valLoss, history.trainAccuracy, history.valAccuracy].map(byStep)
        let twinColumns = twin.map { t in [t.trainLoss, t.valLoss, t.trainAccuracy, t.valAccuracy].map(byStep) } ?? []
        for step in history.valLoss.points.map(\.step) {
            let cells = (columns + twinColumns).map { $0[step].map { String(format: "%.6g", $0) } ?? "" }
            lines.append(([String(step)] + cells).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func write(_ history: History, twin: History? = nil, to path: String) throws {
        try write(text: csv(history, twin: twin), to: path)
    }

    /// Writes a CSV text made by `csv` (atomically).
    public static func write(text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw DropvizError("cannot write '\(path)': \((error as NSError).localizedDescription)")
        }
    }
}
