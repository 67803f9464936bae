import Foundation

/// The generated data sets: 2-D classification toys (as in TensorFlow Playground and
/// scikit-learn) and a 1-D noisy sine for regression. `noise` is the standard deviation of
/// Gaussian noise added to each point, in the data's own units.
public enum ToyDatasets {
    public static func moons(count n: Int, noise: Double, rng: inout Xoshiro) -> Dataset {
        // scikit-learn's make_moons: two interleaving half circles.
        classify(name: "moons", count: n, classes: 2) { i, label in
            let t = Double.pi * rng.uniformDouble()
            let (x, y) = label == 0 ? (cos(t), sin(t)) : (1 - cos(t), 0.5 - sin(t))
            return (x + noise * Double(rng.normal()), y + noise * Double(rng.normal()))
        }
    }

    public static func circle(count n: Int, noise: Double, rng: inout Xoshiro) -> Dataset {
        // An inner disc (class 0) inside a ring (class 1).
        classify(name: "circle", count: n, classes: 2) { _, label in
            let r = label == 0 ? 0.5 * rng.uniformDouble() : 0.7 + 0.3 * rng.uniformDouble()
            let a = 2 * Double.pi * rng.uniformDouble()
            return (r * cos(a) + noise * Double(rng.normal()), r * sin(a) + noise * Double(rng.normal()))
        }
    }

    public static func xor(count n: Int, noise: Double, rng: inout Xoshiro) -> Dataset {
        // Quadrants: the class is whether x and y have the same sign; a small margin keeps the
        // noiseless problem separable.
        classify(name: "xor", count: n, classes: 2) { _, label in
            var x = 0.05 + 0.95 * rng.uniformDouble()
            var y = 0.05 + 0.95 * rng.uniformDouble()
            let flip = rng.uniformDouble() < 0.5
            if flip { x = -x; if label == 0 { y = -y } } else if label == 1 { y = -y }
            return (x + noise * Double(rng.normal()), y + noise * Double(rng.normal()))
        }
    }

    public static func gaussian(count n: Int, noise: Double, rng: inout Xoshiro) -> Dataset {
        // Two Gaussian clusters; noise widens them into each other.
        classify(name: "gaussian", count: n, classes: 2) { _, label in
            let c: Double = label == 0 ? -1 : 1
            let s = 0.4 + noise
            return (c + s * Double(rng.normal()), c + s * Double(rng.normal()))
        }
    }

    public static func spiral(count n: Int, noise: Double, rng: inout Xoshiro) -> Dataset {
        // Two arms of an Archimedean spiral, 1.75 turns each.
        classify(name: "spiral", count: n, classes: 2) { _, label in
            let t = rng.uniformDouble()
            let r = t
            let a = 1.75 * 2 * Double.pi * t + Double(label) * Double.pi
            return (r * cos(a) + noise * Double(rng.normal()), r * sin(a) + noise * Double(rng.normal()))
        }
    }

    public static func sine(count n: Int, noise: Double, rng: inout Xoshiro) -> Dataset {
        var x = Matrix(rows: n, cols: 1)
        var y = Matrix(rows: n, cols: 1)
        for i in 0..<n {
            let v = -3 + 6 * rng.uniformDouble()
            x[i, 0] = Float(v)
            y[i, 0] = Float(sin(v) + noise * Double(rng.normal()))
        }
        return Dataset(name: "sine", features: x, targets: .values(y), task: .regression(outputs: 1), featureNames: ["x"])
    }

    /// Half the points of each class, alternating, so that any prefix is balanced.
    private static func classify(name: String, count n: Int, classes: Int, point: (Int, Int) -> (Double, Double)) -> Dataset {
        var x = Matrix(rows: n, cols: 2)
        var labels = [Int](repeating: 0, count: n)
        for i in 0..<n {
            let label = i % classes
            let (a, b) = point(i, label)
            x[i, 0] = Float(a)
            x[i, 1] = Float(b)
            labels[i] = label
        }
        return Dataset(name: name, features: x, targets: .classes(labels), task: .classification(classes: classes),
                       classNames: (0..<classes).map { String($0) }, featureNames: ["x1", "x2"])
    }
}
