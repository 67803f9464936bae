import DropoutCore
@testable import DropvizUI
import TermUI
import Testing

@Suite struct ConvDiagramTests {
    static func state(_ variant: ConvDropoutVariant, width: Int = 80, height: Int = 24, glyphs: Glyphs = .unicode) throws -> AppState {
        var c = TrainingConfig()
        c.dataset = "digits"
        c.trainSize = 200
        var conv = ConvSettings()
        conv.variant = variant
        conv.rates = [0.3, 0.3]
        c.model = .cnn(conv)
        c.hidden = [16]
        c.rates = [0, 0.5]
        c.evalEvery = 10
        return AppState(trainer: try Trainer(config: c), width: width, height: height, glyphs: glyphs)
    }

    /// Where the diagram puts its maps at this size, and how large.
    static func placement(_ s: AppState) throws -> ConvPlacement {
        let diagram = try #require(ConvDiagram(state: s))
        let layout = ScreenLayout(width: s.width, height: s.height)
        let body = Rect(x: layout.diagram.x, y: layout.diagram.y + 2, width: layout.diagram.width, height: layout.diagram.height - 2)
        let input = try #require(diagram.input)
        return try #require(ConvPlacement.best(input: input, maps: diagram.maps, in: body))
    }

    /// A known spatial mask: dropped channels are titled ✕ in red, drawn in the dimmed grey and
    /// crossed out by a red ╲╱ over the whole map; kept channels in the grey ramp, each on its
    /// own scale; every cell of every map checked against the buffer, at 80×24 and 160×45.
    @Test(arguments: [(80, 24), (160, 45)])
    func spatialMaskIsDrawnCellByCell(width: Int, height: Int) throws {
        var s = try Self.state(.spatial, width: width, height: height)
        update(&s, .step)
        let cnn = try #require(s.trainer.cnn)
        let drop = cnn.convDropout[0]
        let shape = cnn.mapShape(0)
        var mask = drop.mask
        for c in 0..<shape.channels {
            for i in 0..<shape.area { mask[0, c * shape.area + i] = c % 3 == 1 ? 0 : 1 / 0.7 }
        }
        drop.setMask(mask)
        let buffer = Fixtures.render(s)
        let maps = cnn.featureMaps(0)
        let p = try Self.placement(s)
        #expect(Fixtures.text(buffer).contains("3/8 channels dropped"))
        #expect(p.maps.count == shape.channels)
        for c in 0..<shape.channels {
            let (x0, y0) = p.maps[c]
            let dropped = c % 3 == 1
            let top = (0..<shape.area).map { maps[0, c * shape.area + $0] }.max() ?? 1
            let title = String((0..<8).compactMap { buffer.symbol(atX: x0 + $0, y: y0) })
            #expect(dropped ? title.hasPrefix("✕") : (title.hasPrefix("map \(c + 1) ") || title.hasPrefix("#\(c + 1) ")), "title of map \(c + 1): \(title)")
            let w = shape.width * p.scaleX, h = shape.height * p.scale
            var crossed = 0
            for cy in 0..<((h + 1) / 2) {
                for cx in 0..<w {
                    let cell = try #require(buffer.cell(atX: x0 + cx, y: y0 + 1 + cy))
                    if dropped && (cell.symbol == "╲" || cell.symbol == "╱") {
                        #expect(cell.style.fg == FeatureMapView.droppedColor)
                        crossed += 1
                        continue
                    }
                    for py in [2 * cy, 2 * cy + 1] where py < h {
                        let (i, j) = (py / p.scale, cx / p.scaleX)
                        let level = Double(max(0, maps[0, c * shape.area + i * shape.width + j]) / top)
                        let expected = ColorRamp.grey.color(dropped ? level * FeatureMapView.dimming : level)
                        #expect((py % 2 == 0 ? cell.style.fg : cell.style.bg) == expected, "map \(c + 1) pixel (\(i), \(j))")
                    }
                }
            }
            #expect(crossed >= (dropped ? (h + 1) / 2 : 0) && (dropped || crossed == 0), "map \(c + 1) crossed only when dropped")
        }
    }

    /// Element-wise and DropBlock drops: each dropped pixel in the red ramp, each kept pixel
    /// in the grey ramp, at 80×24 and at 200×60 (larger pixels), and as x in ASCII.
    @Test(arguments: [(ConvDropoutVariant.elementwise, 80, 24), (.dropblock, 80, 24), (.dropblock, 200, 60), (.maxpool, 200, 60)])
    func droppedPixelsAreMarked(_ variant: ConvDropoutVariant, width: Int, height: Int) throws {
        for glyphs in [Glyphs.unicode, .ascii] {
            var s = try Self.state(variant, width: width, height: height, glyphs: glyphs)
            update(&s, .step)
            let cnn = try #require(s.trainer.cnn)
            let drop = cnn.convDropout[0]
            let shape = cnn.mapShape(0)
            #expect(drop.droppedCount() > 0)
            let buffer = Fixtures.render(s)
            let places = try Self.placement(s)
            let rowsPerCell = glyphs.isUnicode ? 2 : 1
            for (c, origin) in places.maps.enumerated() where !drop.isChannelDropped(row: 0, channel: c) {
                for py in 0..<(shape.height * places.scale) {
                    for px in 0..<(shape.width * places.scaleX) {
                        let (i, j) = (py / places.scale, px / places.scaleX)
                        let isDropped = drop.isDropped(row: 0, index: c * shape.area + i * shape.width + j)
                        let (x, y) = (origin.x + px, origin.y + 1 + py / rowsPerCell)
                        let style = try #require(buffer.style(atX: x, y: y))
                        if glyphs.isUnicode {
                            let color = py % 2 == 0 ? style.fg : style.bg
                            #expect(FeatureMapView.droppedRamp.contains(color) == isDropped, "\(variant) map \(c + 1) (\(i), \(j))")
                        } else {
                            #expect((buffer.symbol(atX: x, y: y) == "x") == isDropped, "\(variant) ASCII map \(c + 1) (\(i), \(j))")
                        }
                    }
                }
            }
            if width >= 200 { #expect(places.maps.count == shape.channels && places.scale > 1, "all maps, larger, at 200×60") }
            if !glyphs.isUnicode {
                let text = Fixtures.text(buffer)
                #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "ASCII screen")
            }
        }
    }

    /// v cycles the conv variants; ←/→ reach every position; the rate keys change the selected
    /// conv layer; the panels the CNN has not are said to be so.
    /// The CNN's top line is longer than 80 columns: whole parts go (seed, optimiser, variant)
    /// and no word is cut; at 200 columns everything is there.
    @Test func theTitleLosesWholePartsNotWords() throws {
        let narrow = try Self.state(.dropblock, width: 80, height: 24)
        let full = title(narrow)
        #expect(full.displayWidth > 80 && full.hasSuffix("seed 1"))
        let line = Fixtures.render(narrow).lines()[0].trimmingCharacters(in: .whitespaces)
        #expect(line.displayWidth <= 80 && line.hasPrefix("dropviz · digits"), "\(line)")
        let kept = line.components(separatedBy: " · ")
        #expect(kept.allSatisfy { full.components(separatedBy: " · ").contains($0) }, "a part was cut: \(line)")
        #expect(!line.contains("seed"), "the seed goes first")
        let wide = try Self.state(.dropblock, width: 200, height: 60)
        #expect(Fixtures.render(wide).lines()[0].trimmingCharacters(in: .whitespaces) == full)
    }

    @Test func keysDriveTheConvLayers() throws {
        var s = try Self.state(.elementwise)
        #expect(s.selectedLayer == 0 && s.dropoutLayerCount == 4)
        update(&s, .input(.char("v")))
        #expect(s.trainer.config.conv?.variant == .spatial)
        update(&s, .input(.up))
        #expect(s.trainer.cnn?.convDropout[0].rate == 0.35)
        update(&s, .input(.right))
        update(&s, .input(.char("5")))
        #expect(s.trainer.config.conv?.rates == [0.35, 0.5])
        update(&s, .input(.right))
        update(&s, .input(.right))
        update(&s, .input(.char("2")))
        #expect(s.trainer.config.rates == [0, 0.2])
        update(&s, .step)
        for _ in 0..<6 {
            update(&s, .input(.char("p")))
            let text = Fixtures.text(Fixtures.render(s))
            if s.panel != .none && s.panel != .confusion { #expect(text.contains("not for this model")) }
        }
        for key in ["e", "k", "t", "t", "s", "S"] { update(&s, .input(.char(Character(key)))); _ = Fixtures.render(s) }
        #expect(Fixtures.text(Fixtures.render(s)).contains("conv"))
    }

    /// Issue 13 item 6: the input titled with its class, the maps filling the area (no rows
    /// left empty), each map's scale in its title, and the dense part drawn as the MLP's
    /// diagram when a dense position is selected.
    @Test func mapsFillTheAreaAndTheInputNamesItsClass() throws {
        for layer in [0, 1] {
            var s = try Self.state(.spatial, width: 160, height: 45)
            update(&s, .step)
            s.selectedLayer = layer
            let buffer = Fixtures.render(s)
            let p = try Self.placement(s)
            let diagram = try #require(ConvDiagram(state: s))
            let layout = ScreenLayout(width: 160, height: 45)
            let firstMap = try #require(diagram.maps.first)
            let mapBottom = (p.maps.map { $0.y }.max() ?? 0) + firstMap.withScale(p).cellHeight
            #expect(p.maps.count == diagram.maps.count, "every map of conv \(layer + 1)")
            #expect(layout.diagram.bottom - mapBottom <= 3, "conv \(layer + 1): at most 3 rows left under the maps")
            #expect(p.scale >= 2, "conv \(layer + 1) enlarged")
            guard case .classes(let labels) = s.trainer.batchTargets else { Issue.record("classes"); return }
            #expect(Fixtures.text(buffer).contains("input (class \(labels[0]))"))
            let top = (0..<(diagram.maps[0].height * diagram.maps[0].width)).map { s.trainer.cnn!.featureMaps(layer)[0, $0] }.max() ?? 0
            let title = String((0..<20).compactMap { buffer.symbol(atX: p.maps[0].x + $0, y: p.maps[0].y) })
            #expect(title.hasPrefix("map 1 max \(PanelText.num(top))") || diagram.maps[0].channelDropped, "map 1's scale: \(title)")
        }
    }

    @Test func denseSelectionDrawsTheDenseDiagram() throws {
        var s = try Self.state(.spatial, width: 160, height: 45)
        update(&s, .step)
        update(&s, .input(.right))
        update(&s, .input(.right))
        #expect(s.selectedLayer == 2)
        let text = Fixtures.text(Fixtures.render(s))
        let head = try #require(s.trainer.cnn).head
        let w = head.architecture.widths
        #expect(text.contains("flat \(w[0])") && text.contains("h1 \(w[1])") && text.contains("output \(w[2])"))
        // 16 hidden units and 10 outputs: one line per connection between h1 and the output.
        #expect(text.contains("\(w[0])×\(w[1]) w"), "too many for lines: a bundle label")
        #expect(text.contains("dense part: \(w.map(String.init).joined(separator: " → "))"))
        #expect(text.contains("input (class "))
    }

    @Test func lessonStartsTheConvNetwork() throws {
        let lesson = try #require(BuiltinLessons.named("conv-dropout"))
        #expect(lesson.options.contains("cnn"))
        try lesson.check(source: lesson.name)
    }
}
