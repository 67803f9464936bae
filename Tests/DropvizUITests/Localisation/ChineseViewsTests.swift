import DropoutCore
import Foundation
@testable import DropvizUI
import TermUI
import Testing

/// The rest of issue 19: the CNN and LSTM views, the image and feature-strip data panels, the
/// loss plot's markers, the core's errors in notices and the exported figures, in Chinese.
@Suite struct ChineseViewsTests {
    /// ASCII words of three letters or more on a Chinese screen that are not names (of data
    /// sets, variants, options), symbols or formulas: what the catalogue still misses.
    static let notWords: Set<String> = [
        "dropviz", "relu", "adam", "sgd", "softmax", "dropout", "bernoulli", "gaussian", "dropconnect", "standout",
        "elementwise", "spatial", "dropblock", "maxpool", "naive", "rnndrop", "recurrent", "variational",
        "digits", "fashion", "mnist", "moons", "adding", "sine", "seq", "iris", "conv", "batch", "rec",
        "Bernoulli", "max", "tanh", "mlp", "cnn", "lstm", "sigmoid", "gamma", "same", "pool", "flat",
    ]

    /// (Class names are data: their words are left out too.)
    static func englishWords(_ screen: String, data: [String] = []) -> [String] {
        let split = { (t: String) in t.split { !($0.isASCII && $0.isLetter) }.map(String.init) }
        let names = Set(data.flatMap(split))
        let words = split(screen).filter { w in w.count >= 3 && !names.contains(w) && !names.contains { $0.hasPrefix(w) } }
        return words.filter { !notWords.contains($0) && !notWords.contains($0.lowercased()) }
    }

    static func expectChinese(_ s: AppState, _ what: String, contains: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let b = Fixtures.render(s)
        ChineseScreenTests.checkCells(b, what, sourceLocation: sourceLocation)
        let screen = Fixtures.text(b)
        for zh in contains { #expect(screen.contains(zh), "\(what) has no '\(zh)':\n\(screen)", sourceLocation: sourceLocation) }
        let left = englishWords(screen, data: s.trainer.data.validation.classNames)
        #expect(left.isEmpty, "\(what) still shows English \(left):\n\(screen)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [(80, 24), (160, 45)])
    func theCNNViewIsChinese(width: Int, height: Int) throws {
        var s = try ConvDiagramTests.state(.spatial, width: width, height: height)
        s.language = .zh
        for _ in 0..<3 { update(&s, .step) }
        Self.expectChinese(s, "cnn \(width)", contains: ["卷积 1：8 个特征图", "个通道", width > 80 ? "输入（类别 " : "类别 ", "卷积 spatial："])
        // The input's title and map 1's cannot run together: the class is in brackets, every
        // map's title starts with 图 (or #).
        let cnn = try #require(s.trainer.cnn)
        let p = try ConvDiagramTests.placement(s)
        let b = Fixtures.render(s)
        for c in 0..<cnn.mapShape(0).channels where c < p.maps.count {
            let (x, y) = p.maps[c]
            let first = b.symbol(atX: x, y: y)
            #expect(first == "图" || first == "#" || first == "✕", "map \(c + 1)'s title starts with \(String(describing: first))")
        }
        // eval (e), p = 0 and a dense position selected (→ → past the conv layers).
        update(&s, .input(.char("e")))
        Self.expectChinese(s, "cnn eval \(width)", contains: ["评估：不丢弃"])
        update(&s, .input(.char("e")))
        for _ in 0..<cnn.convDropout.count { update(&s, .input(.right)) }
        Self.expectChinese(s, "cnn dense \(width)", contains: ["全连接部分："])
        update(&s, .input(.char("v")))
        #expect(s.notice == "卷积变体 dropblock：没有重置；这次切换标在了曲线图上")
        Self.expectChinese(s, "cnn after v \(width)", contains: ["卷积 dropblock"])
    }

    /// At 80×24 the titles of the CNN view: "input (class 7)" (or "class 7"), then "map 1 …",
    /// "#2 …": never a bare number beside the input's class.
    @Test func theCNNTitlesCannotBeConfused() throws {
        var s = try ConvDiagramTests.state(.elementwise)
        for _ in 0..<3 { update(&s, .step) }
        let d = try #require(ConvDiagram(state: s))
        let input = try #require(d.input)
        let p = try ConvDiagramTests.placement(s)
        let b = Fixtures.render(s)
        guard case .classes(let labels) = s.trainer.batchTargets, let first = labels.first else {
            Issue.record("no class")
            return
        }
        let row = b.lines()[p.input.y]
        #expect(row.contains("input (class \(first))") || row.contains("class \(first)"), "\(row)")
        #expect(input.titleText.hasSuffix("\(first))") || input.titleText == "class \(first)")
        for (view, place) in zip(d.maps, p.maps) {
            let title = view.withScale(p).titleText
            #expect(title.hasPrefix("map ") || title.hasPrefix("#") || title.hasPrefix("✕"), "\(title)")
            let shown = String(b.lines()[place.y].dropFirst(place.x).prefix(title.count))
            #expect(shown == title)
        }
        // Breaking the title back to a bare number would fail the prefix check above.
    }

    @Test(arguments: [(80, 24), (160, 45)])
    func theLSTMViewIsChinese(width: Int, height: Int) throws {
        for dataset in ["adding", "sine-seq"] {
            var s = try UnrolledViewTests.state(.variational, dataset: dataset, width: width, height: height)
            s.language = .zh
            var expected = ["h 单元 × 12 个时间步", "每个序列一个掩码：整行连续", "· v：下一个变体", "评估时不加掩码"]
            if width > 80 { expected += dataset == "adding" ? ["目标 ", "预测 "] : ["━ 输入", "━ 目标", "━ 预测"] }
            Self.expectChinese(s, "lstm \(dataset) \(width)", contains: expected)
            update(&s, .input(.char("v")))
            #expect(s.notice?.hasPrefix("循环变体 ") == true, "\(s.notice ?? "")")
            Self.expectChinese(s, "lstm after v \(width)", contains: ["每步一个新掩码"])
        }
    }

    static func fashion(width: Int, height: Int) throws -> AppState? {
        guard FashionMNIST.installedFiles() != nil else { return nil }
        var c = TrainingConfig()
        c.dataset = "fashion-mnist:2000"
        c.hidden = [32]
        c.rates = [0.2, 0.5]
        c.evalEvery = 10
        var s = AppState(trainer: try Trainer(config: c), width: width, height: height)
        s.panel = .data
        return s
    }

    /// Fashion-MNIST at 80×24: the class name is cut to the room the text column has, by
    /// display width; the prediction's number and `%` are never cut.
    @Test(arguments: [(80, 24), (160, 45)])
    func fashionsTextColumnKeepsTheNumber(width: Int, height: Int) throws {
        guard var s = try Self.fashion(width: width, height: height) else { return }
        for _ in 0..<3 { update(&s, .step) }
        for language in Language.allCases {
            s.language = language
            for example in 0..<10 {
                s.exampleIndex = example
                let b = Fixtures.render(s)
                ChineseScreenTests.checkCells(b, "fashion \(language) \(width)")
                let lines = b.lines()
                let pred = language == .en ? "pred " : "预测 "
                let row = try #require(lines.first { $0.contains(pred) }, "\(Fixtures.text(b))")
                let tail = row[row.range(of: pred)!.upperBound...].split(separator: "│").first.map(String.init) ?? ""
                #expect(tail.trimmingCharacters(in: .whitespaces).range(of: #" \d{1,3}%$"#, options: .regularExpression) != nil,
                        "the prediction lost its number: \(row)")
                // The class name is whole, or cut only where the column ends.
                let k = Softmax.argmax(Softmax.probabilities(s.trainer.mlp!.predict(PanelSupport.rowMatrix(s.trainer.data.validation.features, PanelSupport.exampleRow(s)))), row: 0)
                let name = s.trainer.data.validation.classNames[k]
                if width > 80 { #expect(row.contains(name), "\(row)") }
            }
        }
        s.language = .zh
        s.exampleIndex = 0
        Self.expectChinese(s, "fashion zh \(width)", contains: ["验证 #0/", "真实 ", "预测 ", "输入 p 0.20", "丢弃 "])
    }

    /// The class name gets what the line leaves, whatever its script.
    @Test func labelledCutsTheNameNotTheNumber() {
        for name in ["T-shirt/top", "维吉尼亚鸢尾"] {
            for width in 6...20 {
                for language in Language.allCases {
                    let line = PanelSupport.labelled(language, .predClass, name: name, number: 0, 97, width: width)
                    #expect(line.hasSuffix(" 97%"), "\(line)")
                    let fixed = language.text(.predClass, "", 97).displayWidth
                    if fixed + name.displayWidth <= width { #expect(line.contains(name)) }
                    if fixed + 1 <= width { #expect(line.displayWidth <= width, "\(line) in \(width)") }
                }
            }
        }
    }

    @Test(arguments: [(80, 24), (160, 45)])
    func theDigitsAndStripPanelsAreChinese(width: Int, height: Int) throws {
        for dataset in ["digits", "iris", "sine"] {
            var c = TrainingConfig()
            c.dataset = dataset
            c.hidden = [16]
            c.rates = [0.2, 0.5]
            c.evalEvery = 10
            var s = AppState(trainer: try Trainer(config: c), width: width, height: height)
            s.language = .zh
            s.panel = .data
            // (At 160×45 the digits' enlarged pictures leave no row for this note.)
            let before = dataset == "sine" ? "━ 拟合" : "还没走过一步：没有丢弃"
            Self.expectChinese(s, "\(dataset) before a step \(width)", contains: width > 80 && dataset == "digits" ? [] : [before])
            for _ in 0..<3 { update(&s, .step) }
            let expected: [String] = switch dataset {
            case "digits": ["验证 #0/", "真实 ", "预测 ", "红色：batch[0] 中丢弃的像素"]
            case "iris": ["验证 #0/", "真实 ", "预测 ", "4 个特征，蓝 −3σ … 红 +3σ", "✕ 上一步 batch[0] 中丢弃"]
            default: ["━ 拟合"]
            }
            Self.expectChinese(s, "\(dataset) \(width)", contains: expected)
        }
    }

    /// The markers: the core records the kind and keeps its English label; the plot words it
    /// in the screen's language.
    @Test func plotMarkersFollowTheLanguage() throws {
        var s = try Fixtures.state()
        for _ in 0..<5 { update(&s, .step) }
        update(&s, .input(.char("v")))  // gaussian
        update(&s, .input(.char("s")))  // vanilla
        update(&s, .input(.up))
        let labels = s.trainer.history.events.map(\.label)
        #expect(labels == ["variant gaussian", "scaling vanilla", "h1-h2 p 0.5→0.55"])
        s.language = .zh
        #expect(LinePlot(state: s).markers.map(\.label) == ["变体 高斯", "缩放 测试时缩放", "h1-h2 p 0.5→0.55"])
        s.language = .en
        #expect(LinePlot(state: s).markers.map(\.label) == labels)
        // Every kind has its Chinese wording, and its English label is the core's old one.
        let kinds: [(RunEventKind, String, String)] = [
            (.change(.learningRate(0.01)), "lr 0.01", "学习率 0.01"), (.change(.convVariant(.spatial)), "conv spatial", "卷积 spatial"),
            (.change(.blockSize(3)), "block 3", "块大小 3"), (.change(.recurrentVariant(.rnndrop)), "rnn rnndrop", "循环 rnndrop"),
            (.branch(2), "branch 2", "分支 2"), (.diverged, "diverged", "已发散"),
            (.change(.dropConnectInference(.meanField, samples: 4)), "dropconnect mean-field Z 4", "dropconnect 平均场 Z 4"),
            (.change(.scaling(.none)), "scaling none", "缩放 不缩放"),
            (.change(.standout(alpha: 1, beta: 0)), "standout α 1.0 β 0.0", "standout α 1.0 β 0.0"),
            (.changeNotMade("something new"), "change not made: something new", "改动未生效：something new"),
        ]
        for (kind, en, zh) in kinds {
            let e = RunEvent(step: 1, kind: kind)
            #expect(e.label == en && Language.en.label(e) == en && Language.zh.label(e) == zh, "\(kind)")
        }
        // A saved history from before kinds: its labels, as they were.
        let old = try JSONDecoder().decode(RunEvent.self, from: Data(#"{"step":3,"label":"variant gaussian"}"#.utf8))
        #expect(old.kind == nil && Language.zh.label(old) == "variant gaussian")
        let again = try JSONDecoder().decode(RunEvent.self, from: JSONEncoder().encode(RunEvent(step: 1, kind: .branch(2))))
        #expect(again.kind == .branch(2))
    }

    /// The core's errors a key can cause, in Chinese, filled from the English.
    @Test func coreErrorsInNotices() throws {
        var c = TrainingConfig()
        c.dataset = "iris"
        c.trainSize = 100_000
        #expect(throws: SettingError.self) { try Trainer(config: c) }
        do {
            _ = try Trainer(config: c)
        } catch {
            #expect(Language.zh.errorText(error).hasPrefix("训练集大小 100000 超过了“iris”的 "), "\(error)")
            #expect(Language.en.errorText(error) == "\(error)")
        }
        let missing = DropvizError("Fashion-MNIST is not installed: install the Debian package x-y (apt-get install x-y)")
        #expect(Language.zh.errorText(missing) == "没有安装 Fashion-MNIST：请安装 Debian 软件包 x-y（apt-get install x-y）")
        #expect(Language.zh.errorText(DropvizError("something new")) == "未完成：something new")
        // Every template matches its own English with the holes filled.
        for id in Language.coreErrors {
            let filled = Language.en.text(id, ["a", "b", "c"])
            #expect(Language.match(filled, template: id.rawValue) != nil, "\(id)")
        }
    }

    /// The conv and recurrent variants' formulas are looked up by the core's English text: a
    /// formula changed in the core without its catalogue entry would show English.
    @Test func everyVariantFormulaIsInTheCatalogue() {
        let formulas = ConvDropoutVariant.allCases.map(\.formula) + RecurrentDropoutVariant.allCases.map(\.formula)
        for f in formulas { #expect(L10n(rawValue: f) != nil && Language.zh.translate(f) != f, "\(f)") }
    }

    /// `x` in Chinese: the figures' titles, legends and markers in Chinese; the CSV header
    /// stays machine-readable English.
    @Test func exportedFiguresFollowTheLanguage() throws {
        var s = try Fixtures.state(hidden: [8])
        s.language = .zh
        for _ in 0..<20 { update(&s, .step) }
        update(&s, .input(.char("v")))  // gaussian: the diagram's units are gates
        for _ in 0..<10 { update(&s, .step) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dropviz-zh-x-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let notice = s.exportFigures(directory: dir)
        #expect(notice.hasPrefix("已写入 dropviz-plot-step30.svg"), "\(notice)")
        let plot = try String(contentsOfFile: dir + "/dropviz-plot-step30.svg", encoding: .utf8)
        for zh in ["损失", "训练", "验证", "第 30 步", "变体 高斯"] { #expect(plot.contains(zh), "plot SVG has no \(zh)") }
        let network = try String(contentsOfFile: dir + "/dropviz-network-step30.svg", encoding: .utf8)
        #expect(network.contains("门 &lt; 1") && network.contains("（填充 = |g-1|/2σ）") && network.contains("第 30 步"))
        let map = try String(contentsOfFile: dir + "/dropviz-map-step30.svg", encoding: .utf8)
        #expect(map.contains("决策图 · 第 30 步") && map.contains("评估模式"))
        let csv = try String(contentsOfFile: dir + "/dropviz-curves-step30.csv", encoding: .utf8)
        #expect(csv.hasPrefix(CurveLog.header + "\n"))
        // English stays as it was.
        s.language = .en
        _ = s.exportFigures(directory: dir)
        let english = try String(contentsOfFile: dir + "/dropviz-map-step30.svg", encoding: .utf8)
        #expect(english.contains("decision map · step 30") && !english.contains("决策图"))
    }
}
