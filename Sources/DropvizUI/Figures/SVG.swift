import DropoutCore
import Foundation
import TermUI

// The figures live in DropvizUI rather than in a target of their own because they are built from
// the models the screen draws (LinePlot(state:), NetworkDiagram(state:), the decision map's
// grid), which live here; the CLI reaches them through this module as it does the visualizer.

/// A small SVG writer: elements appended as text, numbers written with a fixed number of
/// decimals so that a reader (the tests, a script) knows the rounding.
public struct SVG {
    public let width: Double
    public let height: Double
    private var body: [String] = []
    private var defs: [String] = []

    /// Decimals of every coordinate: a reader inverting a coordinate to a data value must allow
    /// for half of the last one (`coordinateRounding`).
    public static let decimals = 2
    public static let coordinateRounding = 0.005

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// A coordinate or length, fixed-point; far-off values (a diverged loss) are clamped so the
    /// file stays readable: such points lie outside every clip rectangle anyway.
    public static func number(_ v: Double) -> String {
        let clamped = v.isNaN ? 0 : min(max(v, -1e5), 1e5)
        if let fast = fixedPoint(clamped) { return fast }
        let text = String(format: "%.\(decimals)f", clamped)
        return text == "-0.00" ? "0.00" : text
    }

    /// `%.2f` of `v` without `String(format:)`, whose formatting took most of an `x` export (a
    /// figure has thousands of coordinates, and `x` runs on the loop's thread). `%.2f` rounds
    /// the exact binary value half to even; `v·100` is within one rounding of it, so where its
    /// fraction is not within 1e-6 of a half both round alike. Near a half: nil, and the caller
    /// asks `String(format:)`. A zero is written `0.00`, never `-0.00`.
    static func fixedPoint(_ v: Double) -> String? {
        guard decimals == 2 else { return nil }
        let scaled = v * 100
        let whole = scaled.rounded(.down)
        guard abs(scaled - whole - 0.5) > 1e-6 else { return nil }
        let cents = Int(scaled.rounded(.toNearestOrAwayFromZero))
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + String(magnitude / 100) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }

    /// A value kept exactly (data ranges a reader needs to invert the coordinates).
    public static func exact(_ v: Double) -> String { String(format: "%.17g", v) }

    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(c)
            }
        }
        return out
    }

    /// An element's attributes, in the order given; values are escaped.
    public static func attributes(_ pairs: KeyValuePairs<String, String>) -> String {
        pairs.map { " \($0.key)=\"\(escape($0.value))\"" }.joined()
    }

    public mutating func raw(_ element: String) { body.append(element) }

    public mutating func open(_ name: String, _ attrs: KeyValuePairs<String, String> = [:]) {
        body.append("<\(name)\(Self.attributes(attrs))>")
    }

    public mutating func close(_ name: String) { body.append("</\(name)>") }

    public mutating func element(_ name: String, _ attrs: KeyValuePairs<String, String>) {
        body.append("<\(name)\(Self.attributes(attrs))/>")
    }

    public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, extra: String = "") {
        body.append("<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" fill=\"\(fill)\"\(extra)/>")
    }

    public mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, extra: String = "") {
        body.append("<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\"\(extra)/>")
    }

    public mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String = "none", extra: String = "") {
        body.append("<circle cx=\"\(Self.number(cx))\" cy=\"\(Self.number(cy))\" r=\"\(Self.number(r))\" fill=\"\(fill)\" stroke=\"\(stroke)\"\(extra)/>")
    }

    public enum Anchor: String { case start, middle, end }

    public mutating func text(_ text: String, x: Double, y: Double, fill: String, anchor: Anchor = .start, bold: Bool = false,
                              size: Double = FigureFont.size, extra: String = "") {
        let weight = bold ? " font-weight=\"bold\"" : ""
        let anchorAttribute = anchor == .start ? "" : " text-anchor=\"\(anchor.rawValue)\""
        let sizeAttribute = size == FigureFont.size ? "" : " font-size=\"\(Self.number(size))\""
        body.append("<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" fill=\"\(fill)\"\(anchorAttribute)\(weight)\(sizeAttribute)\(extra)>\(Self.escape(text))</text>")
    }

    /// Points joined by straight segments; `extra` carries the series' data attributes.
    public mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double, extra: String = "") {
        let coordinates = points.map { "\(Self.number($0.x)),\(Self.number($0.y))" }.joined(separator: " ")
        body.append("<polyline points=\"\(coordinates)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\" stroke-linejoin=\"round\"\(extra)/>")
    }

    /// A clip rectangle to refer to as `clip-path="url(#id)"`.
    public mutating func clipRect(id: String, x: Double, y: Double, width: Double, height: Double) {
        defs.append("<clipPath id=\"\(Self.escape(id))\"><rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\"/></clipPath>")
    }

    /// The whole document, with the theme's background and font.
    public func document(theme: FigureTheme, title: String) -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" font-family=\"\(FigureFont.family)\" font-size=\"\(Self.number(FigureFont.size))\" data-theme=\"\(theme.rawValue)\">",
            "<title>\(Self.escape(title))</title>",
        ]
        if !defs.isEmpty { lines += ["<defs>"] + defs + ["</defs>"] }
        lines.append("<rect width=\"100%\" height=\"100%\" fill=\"\(theme.background)\"/>")
        lines += body
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the document atomically: a reader never sees half a figure.
    public static func write(_ document: String, to path: String) throws {
        do {
            try Data(document.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw DropvizError("cannot write '\(path)': \((error as NSError).localizedDescription)")
        }
    }
}

/// The figures' text: a monospace font, so the layout can measure labels by their length as the
/// terminal does.
public enum FigureFont {
    public static let family = "DejaVu Sans Mono, Menlo, Consolas, monospace"
    public static let size = 12.0
    /// The advance of one character (monospace faces are 0.6 em wide) and the height of a row.
    public static let charWidth = size * 0.6
    public static let rowHeight = 16.0

    /// A Chinese character takes two advances, as it takes two terminal columns.
    public static func width(_ text: String, size: Double = FigureFont.size) -> Double {
        Double(text.displayWidth) * size * 0.6
    }
}
