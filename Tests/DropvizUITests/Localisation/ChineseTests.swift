import DropoutCore
import Foundation
@testable import DropvizUI
import TermUI
import Testing

/// The message catalogue and the visualizer in Chinese (issue 19): every string translated,
/// every screen within 80 columns, no character cut, keys aligned, lessons whole.
@Suite struct CatalogueTests {
    @Test func everyMessageHasItsChinese() {
        let missing = L10n.allCases.filter { L10n.chinese[$0] == nil }
        #expect(missing.isEmpty, "no Chinese for: \(missing.map { "\($0) = \"\($0.rawValue)\"" }.joined(separator: "; "))")
    }

    @Test func placeholdersAgree() {
        func holes(_ s: String) -> Set<String> {
            Set((0..<10).map { "{\($0)}" }.filter { s.contains($0) })
        }
        for id in L10n.allCases {
            guard let zh = L10n.chinese[id] else { continue }
            #expect(holes(zh) == holes(id.rawValue), "\(id): \(zh)")
        }
    }

    /// The key bar's actions, the legend and the panel titles are looked up by their English
    /// text: one added without a catalogue entry would stay English on the Chinese screen.
    @Test func everyKeyLegendAndPanelIsInTheCatalogue() {
        let actions = KeyBindings.all.map(\.action).filter { L10n(rawValue: $0) == nil }
        #expect(actions.isEmpty, "key actions not in L10n: \(actions)")
        let titles = Panel.allCases.map(\.title).filter { !$0.isEmpty && L10n(rawValue: $0) == nil }
        #expect(titles.isEmpty, "panel titles not in L10n: \(titles)")
        let en = HelpOverlay.legendLines(glyphs: .unicode, language: .en)
        let zh = HelpOverlay.legendLines(glyphs: .unicode, language: .zh)
        for (e, z) in zip(en, zh) {
            if !e.meaning.isEmpty { #expect(e.meaning != z.meaning, "legend meaning not in L10n: \(e.meaning)") }
            // A term with an English word must change; "p=0.60" or "  L2 c" need not.
            let hasWord = e.term.split { !$0.isLetter || !$0.isASCII }.contains { $0.count >= 3 }
            if hasWord { #expect(e.term != z.term, "legend term not in L10n: \(e.term)") }
        }
    }

    @Test func everyBuiltInLessonHasChinese() throws {
        for lesson in BuiltinLessons.all {
            let caption = lesson.caption(in: .zh)
            #expect(caption != lesson.caption && !caption.isEmpty, "\(lesson.name) has no Chinese caption")
            #expect(lesson.title(in: .zh) != lesson.title, "\(lesson.name) has no Chinese title")
            // The translation says as much: one paragraph for each English one.
            #expect(caption.count == lesson.caption.count, "\(lesson.name)")
            // It survives the lesson file (`dropviz lesson --print`, then `run --lesson`).
            let decoded = try JSONDecoder().decode(Lesson.self, from: Data(lesson.json().utf8))
            #expect(decoded.caption(in: .zh) == caption)
        }
    }

    @Test func aLessonFileWithoutChineseFallsBackToEnglish() throws {
        let json = #"{"name":"x","title":"T","caption":["one"],"options":[],"captions":{"zh":["一"]}}"#
        let l = try JSONDecoder().decode(Lesson.self, from: Data(json.utf8))
        #expect(l.caption(in: .zh) == ["一"] && l.caption(in: .en) == ["one"] && l.title(in: .zh) == "T")
        let bad = #"{"name":"x","title":"T","caption":["one"],"options":[],"captions":{"fr":["un"]}}"#
        let other = try JSONDecoder().decode(Lesson.self, from: Data(bad.utf8))
        #expect(throws: DropvizError.self) { try other.check(source: "x.json") }
    }

    @Test func theLanguageIsChosenByOptionThenVariableThenLocale() throws {
        #expect(try Language.resolve(option: nil, environment: [:]) == .en)
        #expect(try Language.resolve(option: nil, environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(try Language.resolve(option: nil, environment: ["LANG": "zh_TW.UTF-8", "LC_ALL": "en_GB.UTF-8"]) == .en)
        #expect(try Language.resolve(option: nil, environment: ["LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"]) == .zh)
        #expect(try Language.resolve(option: nil, environment: ["LANG": "zh_CN.UTF-8", "DROPVIZ_LANG": "en"]) == .en)
        #expect(try Language.resolve(option: .zh, environment: ["DROPVIZ_LANG": "en"]) == .zh)
        #expect(try Language.resolve(option: .en, environment: ["LC_ALL": "zh_CN.UTF-8"]) == .en)
        // A bad --lang no longer reaches resolve: the command line's parser refuses it
        // (BadInputTests.unknownChoicesNameTheOptionAndItsValues, e2e/chinese.sh).
        #expect(throws: DropvizError("DROPVIZ_LANG must be en or zh, got 'cn'")) { try Language.resolve(option: nil, environment: ["DROPVIZ_LANG": "cn"]) }
    }

    @Test func aMissingChineseStringFallsBackToEnglish() {
        // `text` reads the table; an identifier without an entry gives its English.
        for id in L10n.allCases where L10n.chinese[id] == nil { #expect(Language.zh.text(id) == id.rawValue) }
        #expect(Language.zh.translate("not in the catalogue") == "not in the catalogue")
        #expect(Language.zh.text(.statusStep, 30) == "第 30 步")
        #expect(Language.en.text(.statusStep, 30) == "step 30")
    }
}

@Suite struct ChineseScreenTests {
    static func chinese(width: Int = 80, height: Int = 24, steps: Int = 30) throws -> AppState {
        var s = try Fixtures.state(width: width, height: height)
        s.language = .zh
        for _ in 0..<steps { update(&s, .step) }
        return s
    }

    /// Every row is exactly the screen's width in columns, and every wide character has its
    /// continuation: nothing overflows, nothing is cut in half.
    static func checkCells(_ b: Buffer, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (y, line) in b.lines().enumerated() {
            #expect(line.displayWidth == b.width, "\(what) row \(y) is \(line.displayWidth) columns: \(line)", sourceLocation: sourceLocation)
        }
        for y in 0..<b.height {
            for x in 0..<b.width {
                guard let cell = b.cell(atX: x, y: y) else { continue }
                if cell.isContinuation {
                    let left = x > 0 ? b.cell(atX: x - 1, y: y) : nil
                    #expect(left?.width == 2, "\(what): a lone half of a character at (\(x), \(y))", sourceLocation: sourceLocation)
                } else if cell.width == 2 {
                    #expect(x + 1 < b.width && b.cell(atX: x + 1, y: y)?.isContinuation == true,
                            "\(what): a wide character cut at (\(x), \(y))", sourceLocation: sourceLocation)
                }
            }
        }
    }

    @Test(arguments: [(80, 24), (160, 45)])
    func everyScreenFitsInChinese(width: Int, height: Int) throws {
        var s = try Self.chinese(width: width, height: height)
        var b = Fixtures.render(s)
        Self.checkCells(b, "default")
        let lines = b.lines()
        #expect(lines[height - 2].contains("第 30 步") && lines[height - 2].contains("训练模式") && lines[height - 2].contains("运行中"))
        // At 160 columns the key bar goes on with the network and feature keys (KeyBarTests).
        #expect(lines[height - 1] == (Language.zh.text(.hint) + (width >= 160 ? "  h/H 增删层  M/N 单元  A/Y 激活  f/F 特征" : "")).padded(toWidth: width))
        #expect(lines.contains { $0.contains("反向缩放 dropout：训练 y = x·m/(1-p)") })
        #expect(lines.contains { $0.contains("隐藏1 128") })
        for panel in Panel.allCases where panel != .none {
            s.panel = panel
            b = Fixtures.render(s)
            Self.checkCells(b, "panel \(panel)")
            #expect(Fixtures.text(b).contains(" \(Language.zh.translate(panel.title)) "), "\(panel)")
        }
        s.panel = .none
        update(&s, .input(.char("?")))
        for page in 0..<HelpOverlay.pageCount(glyphs: .unicode, language: .zh, width: width, height: height) {
            b = Fixtures.render(s)
            Self.checkCells(b, "help page \(page)")
            update(&s, .input(.char("?")))
        }
        #expect(!s.showHelp)
        update(&s, .input(.char("S")))
        Self.checkCells(Fixtures.render(s), "state")
        update(&s, .input(.char("S")))
        update(&s, .input(.char("s")))
        b = Fixtures.render(s)
        Self.checkCells(b, "notice")
        #expect(Fixtures.text(b).contains("测试时缩放：训练和评估时激活值的期望又一致了"))
    }

    /// The help in Chinese fits 80×24: every action whole, on its pages, in two columns whose
    /// keys and actions start at the same column on every row of every page.
    @Test func helpFitsAndIsAlignedAt80x24() throws {
        var s = try Self.chinese()
        update(&s, .input(.char("?")))
        let pages = HelpOverlay.keyPageCount(glyphs: .unicode, language: .zh, in: Rect(x: 0, y: 1, width: 80, height: 22))
        var lines: [String] = []
        for _ in 0..<pages {
            lines += Fixtures.render(s).lines()
            update(&s, .input(.char("?")))
        }
        var starts: [Int: Int] = [:]  // action start column -> rows
        for (keys, action) in KeyBindings.all {
            let zh = Language.zh.translate(action)
            let row = lines.firstIndex { $0.contains(keys + " ") && $0.contains(zh) }
            guard let row else {
                Issue.record("help has no whole row for \(keys) \(zh)")
                continue
            }
            let line = lines[row]
            let column = String(line[..<(line.range(of: zh)?.lowerBound ?? line.startIndex)]).displayWidth
            starts[column, default: 0] += 1
        }
        #expect(starts.count == 2, "actions start at columns \(starts.keys.sorted())")
        #expect(starts.values.reduce(0, +) == KeyBindings.all.count)
    }

    @Test func aChineseLessonIsShownWholeAndPaged() throws {
        for (width, height) in [(80, 24), (160, 45)] {
            var s = try Self.chinese(width: width, height: height, steps: 0)
            let lesson = try #require(BuiltinLessons.named("overfitting"))
            try s.apply(lesson: lesson)
            var shown = ""
            let pages = LessonOverlay.pageCount(lesson, language: .zh, width: width, height: height)
            for _ in 0..<pages {
                let b = Fixtures.render(s)
                Self.checkCells(b, "lesson \(width)")
                #expect(Fixtures.text(b).contains("用 dropout 对抗过拟合"))
                shown += LessonOverlay.pages(lesson, language: .zh, in: Rect(x: 0, y: 1, width: width, height: height - 2)).pages[s.lessonPage].joined()
                update(&s, .input(.char("x")))
            }
            #expect(!s.showLesson)
            // Every character of the caption is on a page, in order: nothing cut or lost.
            let squeeze = { (t: String) in t.filter { $0 != " " } }
            #expect(squeeze(shown) == squeeze(lesson.caption(in: .zh).joined()))
        }
    }

    @Test func lSwitchesTheLanguageLive() throws {
        var s = try Self.chinese(steps: 1)
        update(&s, .input(.char("L")))
        #expect(s.language == .en && s.notice == "language: English")
        #expect(Fixtures.render(s).lines()[22].contains("step 1"))
        update(&s, .input(.char("L")))
        #expect(s.language == .zh && s.notice == "界面语言：中文")
        // An ASCII terminal cannot draw Chinese: it stays English.
        var ascii = try Fixtures.state(glyphs: .ascii)
        update(&ascii, .input(.char("L")))
        #expect(ascii.lang == .en)
        ascii.language = .zh
        #expect(Fixtures.render(ascii).lines()[22].contains("step 0"))
    }

    /// The screen's text with no English left from `words`.
    static func expectNoEnglish(_ screen: String, _ words: [String], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for w in words { #expect(!screen.contains(w), "\(what) still shows '\(w)':\n\(screen)", sourceLocation: sourceLocation) }
    }

    /// The grid of rates in Chinese: the cells' labels and the grid's notices.
    @Test(arguments: [(80, 24), (160, 45)])
    func theGridOfRatesIsChinese(width: Int, height: Int) throws {
        var s = try Fixtures.state(width: width, height: height, hidden: [16, 16])
        s.language = .zh
        try s.startGrid(rates: [0, 0.3, 0.6])
        var b = Fixtures.render(s)
        Self.checkCells(b, "grid notice \(width)")
        #expect(Fixtures.text(b).contains("3 个丢弃率的网格：←/→ 选格子"))
        s.notice = nil
        for _ in 0..<20 { update(&s, .step) }
        b = Fixtures.render(s)
        Self.checkCells(b, "grid \(width)")
        let screen = Fixtures.text(b)
        for zh in ["验证 ", "训练 ", "准确率 ", "第 20 步", " p=0.3 "] { #expect(screen.contains(zh), "grid has no '\(zh)':\n\(screen)") }
        Self.expectNoEnglish(screen, ["val ", "train ", "acc ", "tr  ", "va  ", "step "], "grid \(width)")
        for (key, zh) in [(InputEvent.enter, "p=0.0 的完整视图（网格照常训练）；Enter：回到网格"), (.enter, nil), (.char("r"), "所有格子都从相同的权重"),
                          (.char("R"), "所有格子换新种子"), (.char("t"), "网格模式下不可用"), (.pageUp, "网格模式下不能回退")] as [(InputEvent, String?)] {
            update(&s, .input(key))
            b = Fixtures.render(s)
            Self.checkCells(b, "grid after \(key) \(width)")
            if let zh { #expect(Fixtures.text(b).contains(zh), "\(key): \(s.notice ?? "")") }
        }
    }

    /// The ensemble panel in Chinese: the maps' labels, the accuracies, the histogram's
    /// caption, the masks seen and `E`'s notice.
    @Test(arguments: [(80, 24), (160, 45)])
    func theEnsemblePanelIsChinese(width: Int, height: Int) throws {
        var s = try Fixtures.state(width: width, height: height, hidden: [4])
        s.language = .zh
        for _ in 0..<60 { update(&s, .step) }
        update(&s, .input(.char("E")))
        #expect(s.panel == .ensemble)
        var b = Fixtures.render(s)
        Self.checkCells(b, "ensemble \(width)")
        #expect(Fixtures.text(b).contains("E：按当前丢弃率重新抽了 4 个掩码"))
        s.notice = nil
        b = Fixtures.render(s)
        Self.checkCells(b, "ensemble \(width)")
        let screen = Fixtures.text(b)
        for zh in [" 集成 ", "平均", "评估", "验证准确率 评估 ", "全部 16 个子网", "已出现掩码 h1 "] {
            #expect(screen.contains(zh), "ensemble panel has no '\(zh)':\n\(screen)")
        }
        Self.expectNoEnglish(screen, ["mean", "eval", "val acc", "subnets", "masks seen"], "ensemble \(width)")
        // A data set that is not a 2-D classification says so in Chinese.
        for _ in 0..<AppState.datasetNames.count where s.trainer.config.dataset != "sine" { settledUpdate(&s, .input(.char("d"))) }
        try #require(s.trainer.config.dataset == "sine")
        s.panel = .ensemble
        b = Fixtures.render(s)
        Self.checkCells(b, "ensemble on sine \(width)")
        #expect(Fixtures.text(b).contains("集成视图只画二维分类器"))
    }

    /// The time cursor in Chinese: the step label, its notice, a branch's notice and the
    /// ghost's legend entry.
    @Test(arguments: [(80, 24), (160, 45)])
    func aRewoundRunIsChinese(width: Int, height: Int) throws {
        var s = try Fixtures.state(width: width, height: height, hidden: [16, 16])
        s.language = .zh
        for _ in 0..<200 { update(&s, .step) }
        update(&s, .input(.pageUp))
        #expect(s.isRewound)
        var b = Fixtures.render(s)
        Self.checkCells(b, "rewound \(width)")
        var screen = Fixtures.text(b)
        #expect(s.notice?.hasSuffix("End 回到当前；按空格或 n 从这里分支") == true, "\(s.notice ?? "")")
        for zh in ["⏪ 第 180 / 200 步", "PgUp/PgDn 移动，Home 到第 0 步，End 回到当前"] {
            #expect(screen.contains(zh), "rewound screen has no '\(zh)':\n\(screen)")
        }
        Self.expectNoEnglish(screen, ["step ", "live", "branches"], "rewound \(width)")
        // n branches (and steps once); space then trains on.
        update(&s, .input(.char("n")))
        b = Fixtures.render(s)
        Self.checkCells(b, "branched \(width)")
        #expect(Fixtures.text(b).contains("从第 180 步分出分支 1"))
        #expect(s.tr(.beforeBranch, 1) == "分支 1 之前")
        update(&s, .input(.char(" ")))
        s.notice = nil
        for _ in 0..<40 { update(&s, .step) }
        #expect(s.trainer.currentStep == 221)
        b = Fixtures.render(s)
        Self.checkCells(b, "ghost \(width)")
        screen = Fixtures.text(b)
        #expect(screen.contains("━ 分支 1 之前"), "\(screen)")
        Self.expectNoEnglish(screen, ["before branch"], "ghost \(width)")
        update(&s, .input(.pageUp))
        update(&s, .input(.end))
        #expect(s.notice == "回到当前：第 221 步")
    }

    /// The large data view with the twin (`t`, then `z`), its keys' notices and the unit
    /// picture, in Chinese.
    @Test(arguments: [(80, 24), (160, 45)])
    func theLargeDataViewWithTheTwinIsChinese(width: Int, height: Int) throws {
        var s = try Self.chinese(width: width, height: height)
        update(&s, .input(.char("t")))
        update(&s, .input(.char("z")))
        #expect(s.largeData)
        var b = Fixtures.render(s)
        Self.checkCells(b, "large data \(width)")
        var screen = Fixtures.text(b)
        for zh in [" 你的 p=0.5 ", " 对照 p=0 · 同一色标 ", "z：放大数据视图（你的网络和对照网络并排，同一色标）"] {
            #expect(screen.contains(zh), "large data view has no '\(zh)':\n\(screen)")
        }
        Self.expectNoEnglish(screen, ["yours", "twin", "colour", "z again"], "large data \(width)")
        // o shows the validation points where they are sparse enough and hides them, in turn.
        var pointNotices: Set<String> = []
        for _ in 0..<2 {
            update(&s, .input(.char("o")))
            Self.checkCells(Fixtures.render(s), "after o \(width)")
            pointNotices.insert(s.notice ?? "")
        }
        #expect(pointNotices == ["o：已隐藏验证点", "o：验证点显示为 ○（训练点为 ●）"])
        for (key, zh) in [("O", "O：平面上每一点涂成最可能类别的颜色"),
                          ("O", "O：图上重新用明暗表示 p"), ("z", "z：回到网络图和曲线图")] {
            update(&s, .input(.char(Character(key))))
            b = Fixtures.render(s)
            Self.checkCells(b, "after \(key) \(width)")
            #expect(Fixtures.text(b).contains(zh), "\(key): \(s.notice ?? "")")
        }
        update(&s, .input(.char("t")))
        update(&s, .input(.char("z")))
        #expect(s.notice == "z：放大数据视图（按 t 在旁边加上同种子对照网络）；再按 z 返回")
        #expect(s.tr(.largeDataTitle) == " 数据 · z：返回 ")
        // The unit picture (k: the next unit) in the large view, with its title, scale and keys.
        update(&s, .input(.char("k")))
        b = Fixtures.render(s)
        Self.checkCells(b, "unit picture \(width)")
        screen = Fixtures.text(b)
        for zh in ["隐藏层1 单元 2：平面上的激活（评估）", "蓝 −", "j k：单元  ← →：层  Esc：返回原图"] {
            #expect(screen.contains(zh), "unit picture has no '\(zh)':\n\(screen)")
        }
        Self.expectNoEnglish(screen, ["unit ", "over the plane", "blue", "white"], "unit picture \(width)")
    }

    /// A key the lesson locks says so in Chinese.
    @Test func aLockedKeySaysSoInChinese() throws {
        var s = try PresenterTests.opened(PresenterTests.lesson())
        s.language = .zh
        update(&s, .input(.char("v")))
        #expect(s.notice == "本课锁定了这个键")
        Self.checkCells(Fixtures.render(s), "locked")
    }

    /// A CSV whose header names the classes in Chinese (the UCI form `rows,features,names…`):
    /// the names show whole, or cut between characters, in every panel. (Text labels in the
    /// label column are not read by the CSV reader yet; another change adds them.)
    @Test(arguments: [(80, 24), (160, 45)])
    func chineseClassNamesDisplayInEveryView(width: Int, height: Int) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dropviz-zh-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("花.csv").path
        var rng = SplitMix64(seed: 7)
        var text = "90,2,山鸢尾,变色鸢尾,维吉尼亚鸢尾\n"
        for i in 0..<90 {
            let c = i % 3
            let u = Double(rng.next() % 1000) / 1000, v = Double(rng.next() % 1000) / 1000
            text += "\(Double(c) + u),\(Double(c) * 0.5 + v),\(c)\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var c = TrainingConfig()
        c.dataset = path
        c.hidden = [16]
        c.rates = [0, 0.5]
        var s = AppState(trainer: try Trainer(config: c), width: width, height: height)
        s.language = .zh
        for _ in 0..<20 { update(&s, .step) }
        #expect(s.trainer.data.validation.classNames == ["山鸢尾", "变色鸢尾", "维吉尼亚鸢尾"])
        for panel in Panel.allCases {
            s.panel = panel
            let b = Fixtures.render(s)
            Self.checkCells(b, "\(panel) \(width)")
            let screen = Fixtures.text(b)
            #expect(screen.contains("花.csv"))
            // The class colours' row under the map needs the larger screen.
            if panel == .data && height > 24 { #expect(screen.contains("山鸢尾") && screen.contains("变色鸢尾"), "\(screen)") }
            if panel == .uncertainty { #expect(screen.contains("鸢尾")) }
        }
        // Cut by columns, never inside a character.
        #expect(PanelSupport.className(s, 2, maxLength: 5) == "维吉")
        #expect(PanelSupport.className(s, 2, maxLength: 1) == "2")
        // A Chinese feature header loads too (its names are the SVG map's axis labels).
        let featurePath = dir.appendingPathComponent("features.csv").path
        try ("花萼长,花萼宽,类别\n" + text.split(separator: "\n").dropFirst().joined(separator: "\n")).write(toFile: featurePath, atomically: true, encoding: .utf8)
        let d = try CSVDataset.load(path: featurePath)
        #expect(d.featureNames == ["花萼长", "花萼宽"])
    }
}
