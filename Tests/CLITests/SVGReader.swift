import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A figure read back: the element tree (XMLParser fails on a file that is not well-formed),
/// and the inverse of the plot mapping, to turn polyline points back into data.
final class SVGNode {
    let name: String
    let attributes: [String: String]
    var children: [SVGNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
    func number(_ key: String) -> Double? { attributes[key].flatMap(Double.init) }

    /// Every element below this one (depth first), itself excluded.
    var descendants: [SVGNode] { children.flatMap { [$0] + $0.descendants } }
    func all(_ name: String, class c: String? = nil) -> [SVGNode] {
        descendants.filter { $0.name == name && (c == nil || $0.classes.contains(c ?? "")) }
    }

    /// The points of a polyline.
    var points: [(x: Double, y: Double)] {
        (attributes["points"] ?? "").split(separator: " ").compactMap { pair in
            let xy = pair.split(separator: ",").compactMap { Double($0) }
            return xy.count == 2 ? (xy[0], xy[1]) : nil
        }
    }

    static func parse(_ data: Data) throws -> SVGNode {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw SVGError(message: "not well-formed: \(parser.parserError.map { "\($0)" } ?? "no root")")
        }
        return root
    }

    static func read(_ path: String) throws -> SVGNode {
        try parse(Data(contentsOf: URL(fileURLWithPath: path)))
    }

    struct SVGError: Error { let message: String }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: SVGNode?
        var stack: [SVGNode] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let node = SVGNode(name: name, attributes: attributes)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
    }
}

/// The mapping a `<g class="plot">` (or `"map"`) states, inverted: pixels back to data, and how
/// far a value read back may be from the plotted one (half the last written decimal).
struct PlotMapping {
    let left, top, width, height, xLow, xHigh, yLow, yHigh: Double
    let log: Bool
    let rounding = 0.005

    init?(_ g: SVGNode) {
        guard let left = g.number("data-left"), let top = g.number("data-top"), let width = g.number("data-width"),
              let height = g.number("data-height"), let xLow = g.number("data-x-low"), let xHigh = g.number("data-x-high"),
              let yLow = g.number("data-y-low"), let yHigh = g.number("data-y-high") else { return nil }
        (self.left, self.top, self.width, self.height) = (left, top, width, height)
        (self.xLow, self.xHigh, self.yLow, self.yHigh) = (xLow, xHigh, yLow, yHigh)
        log = g.attributes["data-y-scale"] == "log"
    }

    func x(_ px: Double) -> Double { xLow + (px - left) / width * (xHigh - xLow) }
    func y(_ py: Double) -> Double {
        let t = yHigh - (py - top) / height * (yHigh - yLow)
        return log ? pow(10, t) : t
    }
    /// The largest error a coordinate's rounding makes in x and in (linear) y.
    var xTolerance: Double { rounding / width * (xHigh - xLow) }
    var yTolerance: Double { rounding / height * (yHigh - yLow) }
}
