import DropoutCore
import Foundation

/// What the diagram shows for the current state: for the first example of the last
/// mini-batch, each unit dropped or kept with its activation (train view), or the eval-mode
/// activations of the same example (eval view).
extension NetworkDiagram {
    public init(state s: AppState) {
        let net = s.trainer.network
        let arch = net.architecture
        var units: [[UnitState]] = []
        var labels: [(name: String, rate: String, count: String)] = []
        let trained = s.trainer.currentStep > 0 && net.dropout[0].mask.rows > 0
        // The example shown: row 0 of the last batch, or the first training example.
        var input = Matrix(rows: 1, cols: arch.inputs)
        if trained {
            let x = net.dropoutInput(0)
            for j in 0..<arch.inputs { input[0, j] = x[0, j] }
        } else {
            for j in 0..<arch.inputs { input[0, j] = s.trainer.data.train.features[0, j] }
        }
        let evalMode = s.evalView || !trained
        let output = net.predict(input)
        for d in 0..<net.dropout.count {
            let layer = net.dropout[d]
            let activations = evalMode ? net.evalDropoutInput(d) : net.dropoutInput(d)
            let width = layer.width
            let values = (0..<width).map { abs(activations[0, $0]) }
            let scale = max(values.max() ?? 0, 1e-6)
            var states: [UnitState] = []
            var dropped = 0
            for j in 0..<width {
                if !evalMode && layer.mask[0, j] == 0 {
                    states.append(.dropped)
                    dropped += 1
                } else {
                    states.append(.kept(level: Double(values[j] / scale)))
                }
            }
            units.append(states)
            let name = d == 0 ? "input \(width)" : "hidden\(d) \(width)"
            let rate = String(format: "p=%.2f", layer.rate)
            let count: String
            if evalMode {
                count = s.trainer.config.scaling == .vanilla && layer.rate > 0 ? String(format: "eval ×%.2f", 1 - layer.rate) : "eval: none dropped"
            } else {
                count = "dropped \(dropped)/\(width)"
            }
            labels.append((name, rate, count))
        }
        // The output layer: class probabilities (or the regression value).
        var out: [UnitState] = []
        let k = arch.outputs
        if arch.task.isClassification {
            let maxZ = (0..<k).map { output[0, $0] }.max() ?? 0
            let e = (0..<k).map { exp(Double(output[0, $0] - maxZ)) }
            let total = e.reduce(0, +)
            out = e.map { .kept(level: $0 / total) }
        } else {
            out = (0..<k).map { _ in .kept(level: 1) }
        }
        units.append(out)
        labels.append(("output \(k)", arch.task.isClassification ? "softmax" : "linear", ""))
        let caption = evalMode ? "eval: none dropped" : "1st example of batch"
        self.init(units: units, labels: labels, selected: s.selectedLayer, glyphs: s.glyphs, caption: caption)
    }
}
