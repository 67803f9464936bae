import DropoutCore
import DropvizUI
import TermUI
import Testing

/// The connections between small layers, cell by cell on `--hidden 4,3` (2 → 4 → 3 → 2) at
/// 80×24: one braille line per connection, starting in the gap's first column on the row of
/// its source unit and ending in the gap's last column on the row of its target unit. The
/// gaps are wide and the lines shallow, so those end cells hold the lines of that unit only.
@Suite struct ConnectionRenderingTests {
    static func frames(_ s: AppState) -> [NetworkDiagram.LayerFrame] {
        NetworkDiagram.layout(widths: s.trainer.mlp!.architecture.widths, in: ScreenLayout(width: s.width, height: s.height).diagram)
    }

    static func isBraille(_ b: Buffer, _ x: Int, _ y: Int) -> Bool {
        guard let c = b.symbol(atX: x, y: y)?.unicodeScalars.first else { return false }
        return (0x2801...0x28FF).contains(c.value)
    }

    /// Whether lines leave unit `u` of `frames[k]` to the right, and arrive at it from the left.
    static func leaves(_ b: Buffer, _ f: [NetworkDiagram.LayerFrame], layer k: Int, unit u: Int) -> Bool {
        isBraille(b, f[k].block.right + 1, f[k].cell(ofUnit: u).y)
    }
    static func arrives(_ b: Buffer, _ f: [NetworkDiagram.LayerFrame], layer k: Int, unit u: Int) -> Bool {
        isBraille(b, f[k].block.x - 2, f[k].cell(ofUnit: u).y)
    }

    /// A trained `--hidden 4,3` state whose hidden1 mask drops unit 1 and keeps the rest, and
    /// whose hidden2 mask keeps every unit.
    static func masked(variant: DropoutVariant = .bernoulli, scaling: Scaling = .inverted) throws -> AppState {
        var s = try Fixtures.state(hidden: [4, 3], variant: variant, scaling: scaling)
        update(&s, .step)
        let net = s.trainer.mlp!
        if variant == .bernoulli {
            var m1 = net.dropout[1].mask, m2 = net.dropout[2].mask
            for j in 0..<4 { m1[0, j] = j == 1 ? 0 : 2 }
            for j in 0..<3 { m2[0, j] = 2 }
            net.dropout[1].setMask(m1)
            net.dropout[2].setMask(m2)
        }
        return s
    }

    @Test func droppedUnitsLoseTheirConnectionsInTrainViewOnly() throws {
        var s = try Self.masked()
        let f = Self.frames(s)
        #expect(f.count == 4)
        var b = Fixtures.render(s)
        #expect(!Self.arrives(b, f, layer: 1, unit: 1), "no connection into the dropped unit")
        #expect(!Self.leaves(b, f, layer: 1, unit: 1), "no connection out of the dropped unit")
        for u in [0, 2, 3] {
            #expect(Self.arrives(b, f, layer: 1, unit: u) && Self.leaves(b, f, layer: 1, unit: u), "kept unit \(u) keeps its connections")
        }
        update(&s, .input(.char("e")))
        #expect(s.evalView)
        b = Fixtures.render(s)
        for u in 0..<4 {
            #expect(Self.arrives(b, f, layer: 1, unit: u) && Self.leaves(b, f, layer: 1, unit: u), "eval: unit \(u) has every connection")
        }
    }

    @Test func coloursFollowTheWeightsSigns() throws {
        var s = try Self.masked()
        update(&s, .input(.char("e")))
        // hidden1 → hidden2: units 0 and 2 send positive weights, 1 and 3 negative, all |w| = 1.
        let w = s.trainer.mlp!.dense[1].weight
        for i in 0..<4 { for j in 0..<3 { w.value[i, j] = i % 2 == 0 ? 1 : -1 } }
        let f = Self.frames(s)
        let b = Fixtures.render(s)
        for u in 0..<4 {
            let style = b.style(atX: f[1].block.right + 1, y: f[1].cell(ofUnit: u).y)
            #expect(style?.fg == (u % 2 == 0 ? .cyan : .yellow), "unit \(u)")
            #expect(style?.bold == true, "|w| is the largest: the strongest level")
        }
        // Flipping one unit's weights flips its colour.
        for j in 0..<3 { w.value[0, j] = -1 }
        let flipped = Fixtures.render(s)
        #expect(flipped.style(atX: f[1].block.right + 1, y: f[1].cell(ofUnit: 0).y)?.fg == .yellow)
    }

    @Test func dropConnectsDroppedConnectionsAreAbsent() throws {
        let s = try Self.masked(variant: .dropconnect)
        let target = s.trainer.mlp!.dropout[2]
        // hidden1 → hidden2 (4 × 3): every connection into unit 0 dropped, one more (3 → 2).
        var m = Matrix(rows: 4, cols: 3)
        for i in 0..<4 { for j in 0..<3 { m[i, j] = (j == 0 || (i == 3 && j == 2)) ? 0 : 2 } }
        target.setWeightMask(m)
        let diagram = NetworkDiagram(state: s, network: s.trainer.mlp!)
        for i in 0..<4 { for j in 0..<3 { #expect(diagram.connections[1].isVisible(i, j) == (m[i, j] != 0), "\(i)→\(j)") } }
        let f = Self.frames(s)
        let b = Fixtures.render(s)
        #expect(!Self.arrives(b, f, layer: 2, unit: 0), "all of unit 0's inputs were dropped")
        #expect(Self.arrives(b, f, layer: 2, unit: 1) && Self.arrives(b, f, layer: 2, unit: 2))
        for u in 0..<4 { #expect(Self.leaves(b, f, layer: 1, unit: u), "DropConnect drops no unit") }
    }

    /// Eval draws the weight evaluation uses: `(1-p)·W` after a vanilla dropout position.
    @Test func evalWeightsAreScaledForVanilla() throws {
        var s = try Self.masked(scaling: .vanilla)
        update(&s, .input(.char("e")))
        let d = NetworkDiagram(state: s, network: s.trainer.mlp!)
        let net = s.trainer.mlp!
        for i in 0..<4 { for j in 0..<3 { #expect(d.connections[1].weight(i, j) == net.dense[1].weight.value[i, j] * 0.5) } }
        // The input position's rate is 0: its weights are drawn as they are.
        #expect(d.connections[0].weight(1, 2) == net.dense[0].weight.value[1, 2])
    }

    /// Above the threshold nothing that looks like a connection: a label instead.
    @Test func wideLayersGetALabelNotLines() throws {
        var s = try Fixtures.state()
        update(&s, .step)
        let f = Self.frames(s)
        let b = Fixtures.render(s)
        for (a, c) in zip(f, f.dropFirst()) {
            for y in min(a.block.y, c.block.y)..<max(a.block.bottom, c.block.bottom) {
                for x in (a.block.right + 1)..<c.block.x { #expect(!Self.isBraille(b, x, y), "no line at (\(x), \(y))") }
            }
        }
        let text = Fixtures.text(b)
        #expect(text.contains("128×128 w") || (text.contains("×128") && text.contains("128")))
    }
}
