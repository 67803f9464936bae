import DropoutCore
import Foundation
import TermUI

/// Prints a sweep as a table with a chart, CSV or JSON.
enum SweepReport {
    static func pm(_ s: RateSweep.Stat, _ digits: Int = 3) -> String {
        String(format: "%.\(digits)f±%.\(digits)f", s.mean, s.std)
    }

    /// The report of a sweep's runs (in the plan's order) in `format`; `timing` says how
    /// long it took, in the table only, so that CSV and JSON depend on the results alone.
    static func report(_ runs: [RateSweep.Run], plan: RateSweep.Plan, timing: String, format: SweepCommand.SweepFormat) {
        let rows = RateSweep.summarize(runs)
        switch format {
        case .table: table(rows, base: plan.config, steps: plan.steps, seeds: plan.seeds, timing: timing)
        case .csv: csv(rows)
        case .json: json(rows, runs: runs)
        }
    }

    /// What was swept, for the table's first line and the figure's caption.
    static func caption(base: TrainingConfig, steps: Int) -> String {
        "sweep: \(base.dataset), hidden \(base.hidden.map(String.init).joined(separator: ",")), \(steps) steps"
    }

    static func table(_ rows: [RateSweep.Row], base: TrainingConfig, steps: Int, seeds: Int, timing: String) {
        print("\(caption(base: base, steps: steps)), \(seeds) seed(s) per rate, \(timing)")
        print("(mean ± std over seeds; losses on the full sets in eval mode; gap = final val − train loss)")
        let header = ["rate", "final val loss", "best val loss", "final val acc", "best val acc", "gap"]
        var lines = [header]
        for r in rows {
            lines.append([String(format: "%.2f", r.rate), pm(r.finalValLoss), pm(r.bestValLoss),
                          r.finalValAccuracy.map { pm($0) } ?? "-", r.bestValAccuracy.map { pm($0) } ?? "-",
                          pm(r.gap) + (r.diverged > 0 ? " (\(r.diverged) diverged)" : "")])
        }
        let widths = header.indices.map { c in lines.map { $0[c].count }.max() ?? 0 }
        for (i, l) in lines.enumerated() {
            print(l.enumerated().map { c, s in String(repeating: " ", count: widths[c] - s.count) + s }.joined(separator: "  "))
            if i == 0 { print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        if let b = RateSweep.bestByLoss(rows) {
            print(String(format: "best rate by final validation loss: %.2f (%.3f)", b.rate, b.finalValLoss.mean))
        }
        if let b = RateSweep.bestByAccuracy(rows), let a = b.finalValAccuracy {
            print(String(format: "best rate by final validation accuracy: %.2f (%.1f%%, error %.1f%%)", b.rate, a.mean * 100, (1 - a.mean) * 100))
        }
        guard rows.count >= 2 else { return }
        print("")
        for line in chart(rows, width: 72, height: 12) { print(line) }
    }

    /// Validation loss and accuracy against the rate, drawn with the app's own plot widget.
    static func chart(_ rows: [RateSweep.Row], width: Int, height: Int) -> [String] {
        let utf8 = ["LC_ALL", "LC_CTYPE", "LANG"].compactMap { ProcessInfo.processInfo.environment[$0] }
            .first { !$0.isEmpty }.map { $0.uppercased().contains("UTF-8") || $0.uppercased().contains("UTF8") } ?? false
        let glyphs: Glyphs = utf8 ? .unicode : .ascii
        var out: [String] = []
        var loss = LinePlot(series: [.init(points: rows.map { (Double($0.rate), $0.finalValLoss.mean) }, label: "final val loss", color: .magenta),
                                     .init(points: rows.map { (Double($0.rate), $0.bestValLoss.mean) }, label: "best val loss", color: .cyan)],
                            title: "validation loss vs rate", glyphs: glyphs)
        loss.xRange = Double(rows.first?.rate ?? 0)...Double(rows.last?.rate ?? 1)
        var buffer = Buffer(width: width, height: height)
        loss.render(area: buffer.area, into: &buffer)
        out += buffer.lines()
        if rows.allSatisfy({ $0.finalValAccuracy != nil }) {
            var acc = LinePlot(series: [.init(points: rows.map { (Double($0.rate), $0.finalValAccuracy?.mean ?? 0) }, label: "final val acc", color: .magenta)],
                               title: "validation accuracy vs rate", glyphs: glyphs)
            acc.xRange = loss.xRange
            var b2 = Buffer(width: width, height: height)
            acc.render(area: b2.area, into: &b2)
            out += [""] + b2.lines()
        }
        return out.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
    }

    static func csv(_ rows: [RateSweep.Row]) {
        print("rate,runs,final_val_loss_mean,final_val_loss_std,best_val_loss_mean,best_val_loss_std,final_val_acc_mean,final_val_acc_std,best_val_acc_mean,best_val_acc_std,gap_mean,gap_std,diverged")
        for r in rows {
            let f: (Double) -> String = { String(format: "%.6g", $0) }
            let a = r.finalValAccuracy, b = r.bestValAccuracy
            print([String(format: "%.2f", r.rate), String(r.runs), f(r.finalValLoss.mean), f(r.finalValLoss.std),
                   f(r.bestValLoss.mean), f(r.bestValLoss.std), a.map { f($0.mean) } ?? "", a.map { f($0.std) } ?? "",
                   b.map { f($0.mean) } ?? "", b.map { f($0.std) } ?? "", f(r.gap.mean), f(r.gap.std), String(r.diverged)].joined(separator: ","))
        }
    }

    static func json(_ rows: [RateSweep.Row], runs: [RateSweep.Run]) {
        struct Report: Encodable {
            var rows: [RateSweep.Row]
            var bestRateByLoss: Float?
            var bestRateByAccuracy: Float?
            var runs: [RateSweep.Run]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let report = Report(rows: rows, bestRateByLoss: RateSweep.bestByLoss(rows)?.rate,
                            bestRateByAccuracy: RateSweep.bestByAccuracy(rows)?.rate, runs: runs)
        if let data = try? encoder.encode(report) { print(String(decoding: data, as: UTF8.self)) }
    }
}
