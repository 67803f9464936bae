import DropoutCore
import Foundation
import TermUI

/// Monte Carlo dropout (Gal & Ghahramani 2016) on the current validation example: `T` passes
/// with dropout on, per class the mean probability with its spread beside the plain softmax
/// (eval mode), the predictive entropy and the mutual information; for regression the MC mean
/// ± 2σ against the eval prediction and the target; for a 1-D regression, above that example's
/// numbers, the MC mean and its ±2σ band over an x range well beyond the data.
enum UncertaintyPanel {
    /// The passes draw from streams of this seed (with the run's): the same network gives the
    /// same picture every frame, so the bars move only when the weights or the example do.
    static let seedSalt: UInt64 = 0x4D43_5F44_524F_50

    static let meanStyle = Style().fg(.cyan)
    static let spreadStyle = Style(dim: true).fg(.cyan)
    static let evalStyle = Style(bold: true).fg(.yellow)
    static let labelStyle = Style(dim: true)
    static let trueStyle = Style(bold: true).fg(.green)

    /// What the panel shows, computed once per frame from the state.
    struct Readout: Sendable {
        var row: Int
        var count: Int
        var samples: Int
        var mc: MCPrediction
        /// The eval-mode output: softmax probabilities (classification) or values.
        var eval: [Float]
        /// The label (classification) or the target values (regression).
        var label: Int?
        var target: [Float]

        /// The readout of `net`, the trainer's MLP (the panel is the MLP's).
        init(_ s: AppState, network net: MLPNetwork) {
            self.init(s.trainer, network: net, exampleIndex: s.exampleIndex, mcSamples: s.mcSamples)
        }

        /// From the trainer, its MLP and the panel's inputs alone, so that it can be computed
        /// on another thread.
        init(_ trainer: Trainer, network net: MLPNetwork, exampleIndex: Int, mcSamples: Int) {
            let set = trainer.data.validation
            count = set.count
            row = count == 0 ? 0 : ((exampleIndex % count) + count) % count
            samples = max(1, mcSamples)
            let k = set.featureCount
            var x = Matrix(rows: 1, cols: k)
            if count > 0 { for j in 0..<k { x[0, j] = set.features[row, j] } }
            mc = MonteCarloDropout.predict(net, x, samples: samples, seed: trainer.config.seed ^ UncertaintyPanel.seedSalt)
            let out = net.predict(x)
            let outputs = net.architecture.outputs
            switch set.targets {
            case .classes(let labels):
                let p = Softmax.probabilities(out)
                eval = (0..<outputs).map { p[0, $0] }
                label = count > 0 ? labels[row] : nil
                target = []
            case .values(let t):
                eval = (0..<outputs).map { out[0, $0] }
                label = nil
                let r = row
                target = count > 0 ? (0..<t.cols).map { t[r, $0] } : []
            }
        }

        var mean: [Float] { (0..<mc.mean.cols).map { mc.mean[0, $0] } }
        var std: [Float] { (0..<mc.std.cols).map { mc.std[0, $0] } }
    }

    static func render(_ s: AppState, area: Rect, into buffer: inout Buffer) {
        guard area.width >= 12, area.height >= 2 else { return }
        guard s.trainer.data.validation.count > 0 else {
            PanelLine(s.tr(.noValidationSet), labelStyle).draw(x: area.x, y: area.y, maxWidth: area.width, glyphs: s.glyphs, into: &buffer)
            return
        }
        let index = s.exampleIndex, samples = s.mcSamples
        // The snapshot is of the same MLP (the panel is offered for an MLP only): its readout is
        // never nil, but the type cannot say so.
        guard let computed = s.panelCache.value("uncertainty", s, inputs: [PanelSupport.exampleRow(s), s.mcSamples], background: { trainer in
            trainer.mlp.map { Readout(trainer, network: $0, exampleIndex: index, mcSamples: samples) }
        }), let r = computed else {
            ComputingPlaceholder.render(s, area: area, into: &buffer)
            return
        }
        if DataPanel.kind(s) == .regressionCurve {
            band(r, s: s, area: area, into: &buffer)
        } else if r.mc.isClassification {
            classification(r, s: s, area: area, into: &buffer)
        } else {
            regression(r, s: s, area: area, into: &buffer)
        }
    }

    static func name(_ s: AppState, _ c: Int, max length: Int) -> String {
        let names = s.trainer.data.validation.classNames
        let n = c < names.count ? names[c] : String(c)
        return n.clipped(toWidth: length)
    }

    static func argmax(_ v: [Float]) -> Int {
        v.indices.max { v[$0] < v[$1] } ?? 0
    }

    static func classification(_ r: Readout, s: AppState, area: Rect, into buffer: inout Buffer) {
        let mean = r.mean, std = r.std, k = mean.count
        let mcBest = argmax(mean), evalBest = argmax(r.eval)
        let ok = { (c: Int) in r.label == c ? "✓" : "✗" }
        var head = PanelLine([(s.tr(.valRow, r.row), .plain), (s.tr(.trueLabel, r.label.map { name(s, $0, max: 6) } ?? "?"), trueStyle),
                              (" T=\(r.samples)", labelStyle)])
        let verdict = PanelLine([("MC→\(name(s, mcBest, max: 4))\(ok(mcBest)) ", meanStyle), (s.tr(.evalArrow) + "\(name(s, evalBest, max: 4))\(ok(evalBest))", evalStyle)])
        let separateVerdict = head.width + 1 + verdict.width > area.width
        if !separateVerdict {
            head.segments.append((text: " ", style: .plain))
            head.segments += verdict.segments
        }
        let info = PanelLine([("H ", labelStyle), (PanelText.num(r.mc.entropy.first ?? 0), meanStyle),
                              ("/\(PanelText.num(log(Double(k)))) ", labelStyle),
                              ("MI ", labelStyle), (PanelText.num(r.mc.mutualInformation.first ?? 0, digits: 3), meanStyle), (" nats", labelStyle)])
        let legend = PanelLine([("█", meanStyle), (s.tr(.mcMean), labelStyle), ("░", spreadStyle), (" ±σ ", labelStyle),
                                ("┃", evalStyle), (s.tr(.evalSoftmax), labelStyle)])
        // Horizontal bars when one row a class fits with the header and the entropies.
        let horizontal = k + 2 <= area.height
        var y = area.y
        head.draw(x: area.x, y: y, maxWidth: area.width, glyphs: s.glyphs, into: &buffer)
        y += 1
        if separateVerdict, horizontal ? k + 3 <= area.height : area.height >= 7 {
            verdict.draw(x: area.x, y: y, maxWidth: area.width, glyphs: s.glyphs, into: &buffer)
            y += 1
        }
        if horizontal {
            let nameWidth = min(6, (0..<k).map { name(s, $0, max: 6).displayWidth }.max() ?? 1)
            let numbers = 15  // " 0.71±0.12 0.80": mean±std, eval
            let barWidth = max(4, area.width - nameWidth - 1 - numbers)
            for c in 0..<k where y < area.bottom - 1 {
                let label = name(s, c, max: nameWidth).padded(toWidth: nameWidth)
                _ = buffer.put(s.glyphs.spell(label), x: area.x, y: y, style: r.label == c ? trueStyle : labelStyle)
                let barX = area.x + nameWidth + 1
                drawBar(mean: Double(mean[c]), std: Double(std[c]), eval: Double(r.eval[c]), x: barX, y: y, width: barWidth, glyphs: s.glyphs, into: &buffer)
                let text = PanelLine([(" " + prob(mean[c]) + "±" + prob(std[c]), meanStyle), (" " + prob(r.eval[c]), evalStyle)])
                text.draw(x: barX + barWidth, y: y, maxWidth: area.right - barX - barWidth, glyphs: s.glyphs, into: &buffer)
                y += 1
            }
            if y < area.bottom { info.draw(x: area.x, y: y, maxWidth: area.width, glyphs: s.glyphs, into: &buffer); y += 1 }
            if y < area.bottom { legend.draw(x: area.x, y: y, maxWidth: area.width, glyphs: s.glyphs, into: &buffer) }
        } else {
            // Many classes in few rows: a column a class, MC mean (with ±σ above it) and the
            // eval softmax side by side, class names underneath.
            let rows = max(1, area.bottom - y - 2)
            let step = area.width >= 3 * k ? 3 : 2
            for c in 0..<k {
                let x = area.x + c * step
                guard x + 1 < area.right else { break }
                drawColumn(mean: Double(mean[c]), std: Double(std[c]), x: x, bottom: y + rows - 1, rows: rows, style: meanStyle, glyphs: s.glyphs, into: &buffer)
                drawColumn(mean: Double(r.eval[c]), std: 0, x: x + 1, bottom: y + rows - 1, rows: rows, style: evalStyle, glyphs: s.glyphs, into: &buffer)
                let label = name(s, c, max: 1)
                _ = buffer.put(s.glyphs.spell(label), x: x, y: y + rows, style: r.label == c ? trueStyle.underline() : labelStyle)
            }
            let legendX = area.x + min(k * step, area.width)
            if area.right - legendX >= 8 {
                // Beside the columns: which is which.
                PanelLine([("█", meanStyle), (" MC", labelStyle)]).draw(x: legendX, y: y, maxWidth: area.right - legendX, glyphs: s.glyphs, into: &buffer)
                PanelLine([("░", spreadStyle), (" ±σ", labelStyle)]).draw(x: legendX, y: y + 1, maxWidth: area.right - legendX, glyphs: s.glyphs, into: &buffer)
                PanelLine([("█", evalStyle), (s.tr(.evalWord), labelStyle)]).draw(x: legendX, y: y + 2, maxWidth: area.right - legendX, glyphs: s.glyphs, into: &buffer)
            }
            info.draw(x: area.x, y: y + rows + 1, maxWidth: area.width, glyphs: s.glyphs, into: &buffer)
        }
    }

    static func prob(_ v: Float) -> String { String(format: "%.2f", v) }

    /// A horizontal bar: solid to the MC mean, shaded on to mean + σ, the eval softmax a mark.
    static func drawBar(mean: Double, std: Double, eval: Double, x: Int, y: Int, width: Int, glyphs: Glyphs, into buffer: inout Buffer) {
        let eighths: [Character] = glyphs.isUnicode ? [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"] : [" ", " ", " ", " ", "#", "#", "#", "#", "#"]
        let full = mean * Double(width)
        let spreadEnd = min(1, mean + std) * Double(width)
        for c in 0..<width {
            let cover = full - Double(c)
            if cover >= 1 {
                buffer.set(x: x + c, y: y, eighths[8], style: meanStyle)
            } else if cover > 0, Int((cover * 8).rounded()) > 0 {
                buffer.set(x: x + c, y: y, eighths[Int((cover * 8).rounded())], style: meanStyle)
            } else if Double(c) < spreadEnd - 0.25 {
                buffer.set(x: x + c, y: y, glyphs.isUnicode ? "░" : "-", style: spreadStyle)
            } else {
                buffer.set(x: x + c, y: y, glyphs.isUnicode ? "·" : ".", style: Style(dim: true))
            }
        }
        let e = min(width - 1, max(0, Int(eval * Double(width))))
        buffer.set(x: x + e, y: y, glyphs.isUnicode ? "┃" : "|", style: evalStyle)
    }

    /// A vertical bar from `bottom` up, `rows` high: eighth blocks to the mean, shade on to
    /// mean + σ.
    static func drawColumn(mean: Double, std: Double, x: Int, bottom: Int, rows: Int, style: Style, glyphs: Glyphs, into buffer: inout Buffer) {
        let eighths: [Character] = glyphs.isUnicode ? [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] : [" ", " ", " ", " ", "#", "#", "#", "#", "#"]
        let full = mean * Double(rows)
        let spreadEnd = min(1, mean + std) * Double(rows)
        for r in 0..<rows {
            let cover = full - Double(r)
            let y = bottom - r
            if cover >= 1 {
                buffer.set(x: x, y: y, eighths[8], style: style)
            } else if cover > 0, Int((cover * 8).rounded()) > 0 {
                buffer.set(x: x, y: y, eighths[Int((cover * 8).rounded())], style: style)
            } else if Double(r) < spreadEnd - 0.25 {
                buffer.set(x: x, y: y, glyphs.isUnicode ? "░" : "-", style: spreadStyle)
            } else if r == 0 {
                // An empty class still has a foot, so the columns read as a chart.
                buffer.set(x: x, y: y, glyphs.isUnicode ? "▁" : "_", style: Style(dim: true))
            }
        }
    }

    /// A 1-D regression: the example's numbers on one line, the band over x below.
    static func band(_ r: Readout, s: AppState, area: Rect, into buffer: inout Buffer) {
        let x = PanelSupport.raw(s, s.trainer.data.validation.features[r.row, 0], feature: 0)
        PanelLine([(s.tr(.valRow, r.row) + "x=\(PanelText.num(x)) ", .plain), ("MC ", labelStyle), (PanelText.num(r.mean[0]), meanStyle),
                   (" ±2σ ", labelStyle), (PanelText.num(2 * r.std[0]), meanStyle), (s.tr(.evalSpaced), labelStyle), (PanelText.num(r.eval[0]), evalStyle),
                   (" T=\(r.samples)", labelStyle)])
            .draw(x: area.x, y: area.y, maxWidth: area.width, glyphs: s.glyphs, into: &buffer)
        RegressionFitView.render(s, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1), mc: true, example: r.row, into: &buffer)
    }

    static func regression(_ r: Readout, s: AppState, area: Rect, into buffer: inout Buffer) {
        let mean = r.mean, std = r.std
        var lines: [PanelLine] = [PanelLine([(s.tr(.valRow, r.row), .plain), (s.tr(.targetLabel), labelStyle),
                                             (r.target.prefix(3).map { PanelText.num($0) }.joined(separator: ","), trueStyle),
                                             (" T=\(r.samples)", labelStyle)])]
        let outputs = min(mean.count, max(1, (area.height - 2) / 3))
        for o in 0..<outputs {
            let tag = mean.count > 1 ? "y\(o) " : ""
            lines.append(PanelLine([(tag + "MC ", labelStyle), (PanelText.num(mean[o]), meanStyle), (" ± 2σ ", labelStyle),
                                    (PanelText.num(2 * std[o]), meanStyle),
                                    (s.tr(.evalLabelSpaced), labelStyle), (PanelText.num(r.eval[o]), evalStyle)]))
            lines.append(PanelLine(""))  // the number line goes here
        }
        var y = area.y
        for (i, line) in lines.enumerated() where y < area.bottom {
            if i > 0 && i % 2 == 0 {
                let o = i / 2 - 1
                numberLine(mean: Double(mean[o]), std: Double(std[o]), eval: Double(r.eval[o]),
                           target: o < r.target.count ? Double(r.target[o]) : nil, x: area.x, y: y, width: area.width, glyphs: s.glyphs, into: &buffer)
            } else {
                line.draw(x: area.x, y: y, maxWidth: area.width, glyphs: s.glyphs, into: &buffer)
            }
            y += 1
        }
        if y < area.bottom {
            PanelLine([("├─●─┤", meanStyle), (" MC ±2σ ", labelStyle), ("┃", evalStyle), (s.tr(.evalSpaced), labelStyle), ("T", trueStyle), (s.tr(.targetWord), labelStyle)])
                .draw(x: area.x, y: y, maxWidth: area.width, glyphs: s.glyphs, into: &buffer)
        }
    }

    /// The band mean ± 2σ, the eval prediction and the target on one row, scaled to fit all.
    static func numberLine(mean: Double, std: Double, eval: Double, target: Double?, x: Int, y: Int, width: Int, glyphs: Glyphs, into buffer: inout Buffer) {
        let lo0 = min(mean - 2 * std, eval, target ?? eval), hi0 = max(mean + 2 * std, eval, target ?? eval)
        let pad = max(1e-6, (hi0 - lo0) * 0.1)
        let lo = lo0 - pad, hi = hi0 + pad
        let cell = { (v: Double) in min(width - 1, max(0, Int((v - lo) / (hi - lo) * Double(width - 1)))) }
        let a = cell(mean - 2 * std), b = cell(mean + 2 * std)
        for c in 0..<width { buffer.set(x: x + c, y: y, glyphs.isUnicode ? "·" : ".", style: Style(dim: true)) }
        for c in a...b { buffer.set(x: x + c, y: y, glyphs.horizontal, style: meanStyle) }
        if b > a {
            buffer.set(x: x + a, y: y, glyphs.isUnicode ? "├" : "[", style: meanStyle)
            buffer.set(x: x + b, y: y, glyphs.isUnicode ? "┤" : "]", style: meanStyle)
        }
        buffer.set(x: x + cell(mean), y: y, glyphs.isUnicode ? "●" : "o", style: meanStyle.bold())
        if let target { buffer.set(x: x + cell(target), y: y, "T", style: trueStyle) }
        buffer.set(x: x + cell(eval), y: y, glyphs.isUnicode ? "┃" : "|", style: evalStyle)
    }
}
