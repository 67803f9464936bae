import DropoutCore
@testable import DropvizUI
import TermUI
import Testing

@Suite struct ConvDiagramTests {
    static func state(_ variant: ConvDropoutVariant, width: Int = 80, height: Int = 24, glyphs: Glyphs = .unicode) throws -> AppState {
        var c = TrainingConfig()
        c.dataset = "digits"
        c.trainSize = 200
        c.conv = ConvSettings()
        c.conv?.variant = variant
        c.conv?.rates = [0.3, 0.3]
        c.hidden = [16]
        c.rates = [0, 0.5]
        c.evalEvery = 10
        return AppState(trainer: try Trainer(config: c), width: width, height: height, glyphs: glyphs)
    }

    /// The map cells of channel `c` (top-left corner) in the diagram at this size.
    static func origin(_ s: AppState, channel c: Int) throws -> (x: Int, y: Int) {
        let diagram = try #require(ConvDiagram(state: s))
        let layout = ScreenLayout(width: s.width, height: s.height)
        let body = Rect(x: layout.diagram.x, y: layout.diagram.y + 2, width: layout.diagram.width, height: layout.diagram.height - 2)
        var scale = ConvDiagram.maxScale
        while scale > 1 && diagram.placements(in: body, scale: scale) == nil { scale -= 1 }
        let places = try #require(diagram.placements(in: body, scale: scale))
        return places.maps[c]
    }

    /// A known spatial mask: dropped channels are titled ✕ in red and drawn in the dimmed grey,
    /// kept channels in the grey ramp; every cell of every map checked against the buffer.
    @Test func spatialMaskIsDrawnCellByCell() throws {
        var s = try Self.state(.spatial)
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
        let top = (0..<shape.count).map { maps[0, $0] }.max() ?? 1
        #expect(Fixtures.text(buffer).contains("3/8 channels dropped"))
        for c in 0..<shape.channels {
            let (x0, y0) = try Self.origin(s, channel: c)
            let dropped = c % 3 == 1
            #expect(buffer.symbol(atX: x0, y: y0) == (dropped ? "✕" : Character("\(c + 1)")), "title of map \(c + 1)")
            for i in 0..<shape.height {
                for j in 0..<shape.width {
                    let level = Double(max(0, maps[0, c * shape.area + i * shape.width + j]) / top)
                    let expected = ColorRamp.grey.color(dropped ? level * FeatureMapView.dimming : level)
                    let style = try #require(buffer.style(atX: x0 + j, y: y0 + 1 + i / 2))
                    #expect((i % 2 == 0 ? style.fg : style.bg) == expected, "map \(c + 1) pixel (\(i), \(j))")
                }
            }
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
            let diagram = try #require(ConvDiagram(state: s))
            let layout = ScreenLayout(width: width, height: height)
            let body = Rect(x: 0, y: layout.diagram.y + 2, width: width, height: layout.diagram.height - 2)
            var scale = ConvDiagram.maxScale
            while scale > 1 && diagram.placements(in: body, scale: scale) == nil { scale -= 1 }
            let places = try #require(diagram.placements(in: body, scale: scale))
            let rowsPerCell = glyphs.isUnicode ? 2 : 1
            for (c, origin) in places.maps.enumerated() where !drop.isChannelDropped(row: 0, channel: c) {
                for py in 0..<(shape.height * scale) {
                    for px in 0..<(shape.width * scale) {
                        let (i, j) = (py / scale, px / scale)
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
            if width >= 200 { #expect(places.maps.count == shape.channels && scale > 1, "all maps, larger, at 200×60") }
            if !glyphs.isUnicode {
                let text = Fixtures.text(buffer)
                #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "ASCII screen")
            }
        }
    }

    /// v cycles the conv variants; ←/→ reach every position; the rate keys change the selected
    /// conv layer; the panels the CNN has not are said to be so.
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

    @Test func lessonStartsTheConvNetwork() throws {
        let lesson = try #require(BuiltinLessons.named("conv-dropout"))
        #expect(lesson.options.contains("cnn"))
        try lesson.check(source: lesson.name)
    }
}
