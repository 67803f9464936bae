#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a plot maps data to the screen: the data ranges (y in log10 units on a log scale) and
/// the cells of the plotting area, at braille resolution (2×4 dots per cell).
public struct PlotProjection: Sendable, Equatable {
    public enum Scale: Sendable, Equatable { case linear, log }

    /// The cells the curves are drawn in.
    public let plot: Rect
    public let xLow: Double, xHigh: Double
    /// In log10 units when `scale` is `.log`.
    public let yLow: Double, yHigh: Double
    public let scale: Scale

    public init(plot: Rect, xLow: Double, xHigh: Double, yLow: Double, yHigh: Double, scale: Scale) {
        self.plot = plot
        self.xLow = xLow
        self.xHigh = xHigh
        self.yLow = yLow
        self.yHigh = yHigh
        self.scale = scale
    }

    /// `y` as it is laid out on the axis, or nil when it cannot be shown (NaN, inf, ≤0 on log).
    public func transformed(y: Double) -> Double? {
        guard y.isFinite else { return nil }
        switch scale {
        case .linear: return y
        case .log: return y > 0 ? log10(y) : nil
        }
    }

    /// The dot for a data point, relative to the plot's top-left; may lie outside the plot
    /// when the point is outside the ranges. Nil when the point cannot be shown.
    public func dot(x: Double, y: Double) -> (x: Int, y: Int)? {
        guard x.isFinite, let ty = transformed(y: y) else { return nil }
        let dotsWide = Double(max(plot.width * 2 - 1, 1))
        let dotsHigh = Double(max(plot.height * 4 - 1, 1))
        let fx = (x - xLow) / (xHigh - xLow) * dotsWide
        let fy = (yHigh - ty) / (yHigh - yLow) * dotsHigh
        // Clamping keeps Int() from trapping on a wild value; anything this far out is off-plot anyway.
        let clamp = { (v: Double) in Int(min(max(v, -1e6), 1e6).rounded()) }
        return (clamp(fx), clamp(fy))
    }

    /// The buffer cell a data point falls in (absolute coordinates), or nil if off the plot.
    public func cell(x: Double, y: Double) -> (x: Int, y: Int)? {
        guard let d = dot(x: x, y: y), d.x >= 0, d.y >= 0 else { return nil }
        let cell = (x: plot.x + d.x / 2, y: plot.y + d.y / 4)
        return plot.contains(x: cell.x, y: cell.y) ? cell : nil
    }

    /// The column of an x value (absolute), or nil if off the plot.
    public func column(x: Double) -> Int? {
        guard x.isFinite, x >= xLow, x <= xHigh else { return nil }
        let fx = (x - xLow) / (xHigh - xLow) * Double(max(plot.width * 2 - 1, 1))
        return plot.x + Int(fx.rounded()) / 2
    }

    /// The row of a y value already in axis units (log10 on a log scale), or nil if off the plot.
    public func row(axisY ty: Double) -> Int? {
        guard ty.isFinite, ty >= yLow - 1e-12 * abs(yLow), ty <= yHigh + 1e-12 * abs(yHigh) else { return nil }
        let fy = (yHigh - ty) / (yHigh - yLow) * Double(max(plot.height * 4 - 1, 1))
        return plot.y + min(max(Int(fy.rounded()), 0), plot.height * 4 - 1) / 4
    }
}
