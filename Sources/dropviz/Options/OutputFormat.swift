import ArgumentParser
import DropoutCore
import Foundation

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, jsonl
}

/// One line per evaluation, as an aligned table, CSV or JSON lines.
struct EvaluationPrinter {
    let format: OutputFormat
    let classification: Bool

    static let columns = ["step", "epoch", "train_loss", "val_loss", "train_acc", "val_acc"]

    func header() -> String? {
        switch format {
        case .csv: return Self.columns.joined(separator: ",")
        case .table: return Self.columns.map { pad($0) }.joined(separator: " ")
        case .jsonl: return nil
        }
    }

    func line(_ e: Evaluation, epoch: Double) -> String {
        let values: [String] = [
            String(e.step), Self.fixed(epoch, 2), Self.number(e.trainLoss), Self.number(e.valLoss),
            e.trainAccuracy.map { Self.fixed(Double($0), 4) } ?? "", e.valAccuracy.map { Self.fixed(Double($0), 4) } ?? "",
        ]
        switch format {
        case .csv:
            return values.joined(separator: ",")
        case .table:
            return values.map { pad($0.isEmpty ? "-" : $0) }.joined(separator: " ")
        case .jsonl:
            var fields = ["\"step\":\(e.step)", "\"epoch\":\(values[1])",
                          "\"train_loss\":\(Self.json(e.trainLoss))", "\"val_loss\":\(Self.json(e.valLoss))"]
            if let a = e.trainAccuracy, let b = e.valAccuracy {
                fields += ["\"train_acc\":\(values[4])", "\"val_acc\":\(values[5])"]
                _ = (a, b)
            }
            return "{" + fields.joined(separator: ",") + "}"
        }
    }

    private func pad(_ s: String) -> String {
        s.count >= 10 ? s : String(repeating: " ", count: 10 - s.count) + s
    }

    /// Six significant digits: enough to compare runs, and the same bytes on every run.
    static func number(_ v: Float) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
        return String(format: "%.6g", Double(v))
    }

    static func json(_ v: Float) -> String {
        v.isFinite ? number(v) : "null"
    }

    static func fixed(_ v: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", v)
    }
}
