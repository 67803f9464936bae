import DropoutCore
import TermUI

/// The one place where the visualizer's state changes. What it cannot do to the state itself
/// (write files, start or cancel the background sweep) it returns as effects, which the event
/// loop runs (Effect.swift); their results come back as messages.
@discardableResult
public func update(_ s: inout AppState, _ msg: Msg) -> [Effect] {
    switch msg {
    case .step:
        // The lesson box pauses training while it is read aloud.
        guard !s.paused, !s.trainer.diverged, !s.showLesson else { return [] }
        // Evaluations in the background are behind (EvaluationScheduling.swift): wait for them.
        guard !s.evaluationBacklogged else { return [] }
        if case .perSecond(let n) = s.speed {
            s.framesSinceStep += 1
            guard s.framesSinceStep >= AppState.frameRate / n else { return [] }
            s.framesSinceStep = 0
        }
        stepBoth(&s)
        if s.selectsActiveUnit {
            s.selectsActiveUnit = false
            s.selectMostActiveUnit()
        }
        if let stop = s.pauseAtStep, s.trainer.currentStep >= stop {
            s.paused = true
            s.pauseAtStep = nil
            s.notice = s.tr(.pausedAtLessonEnd, s.trainer.currentStep)
        }
    case .resize(let w, let h):
        s.width = w
        s.height = h
    case .measured(let rate):
        s.stepsPerSecond = rate
    case .input(let event):
        var effects: [Effect] = []
        handle(&s, event, &effects)
        s.settleRewind()
        return effects
    case .exported(let notice):
        s.notice = notice
    case .sweepProgress(let snapshot):
        s.sweep = snapshot
    case .panelValue(let result):
        s.panelCache.store(result)
    case .trainerBuilt(let built):
        guard s.install(built) else { return [] }
        // The keys that waited for the new run act on it now, in order.
        var effects: [Effect] = []
        let keys = s.deferredInput
        s.deferredInput = []
        for key in keys { handle(&s, key, &effects) }
        s.settleRewind()
        return effects
    case .frame:
        s.refreshExampleForwards()
    }
    return []
}

private func handle(_ s: inout AppState, _ event: InputEvent, _ effects: inout [Effect]) {
    // A notice stays until the next key (while a new run loads, its "loading…" stays).
    if s.notice != nil, !s.trainer.diverged, s.pendingBuild == nil { s.notice = nil }
    if s.showLesson {
        if event == .char("q") || event == .ctrlC {
            s.quit = true
        } else if let lesson = s.lesson, s.lessonPage + 1 < LessonOverlay.pageCount(lesson, language: s.lang, width: s.width, height: s.height) {
            // Any key turns the page; the last page's key closes the instructions.
            s.lessonPage += 1
            return
        }
        s.showLesson = false
        return
    }
    if s.showHelp {
        // ? turns the keys' pages, then the legend's; any other key closes the help; q and Ctrl-C still quit.
        if event == .char("?") && s.helpPage + 1 < HelpOverlay.pageCount(glyphs: s.glyphs, language: s.lang, width: s.width, height: s.height) {
            s.helpPage += 1
            return
        }
        s.showHelp = false
        if event == .char("q") || event == .ctrlC { s.quit = true }
        return
    }
    if s.showState {
        s.showState = false
        if event == .char("q") || event == .ctrlC { s.quit = true }
        return
    }
    guard s.presenter.allows(event) else {
        s.notice = s.tr(.keyLocked)
        return
    }
    if s.pendingBuild != nil && !TrainerBuild.keys.contains(event) && event != .ctrlC && event != .char("q") {
        // A new run is on its way (TrainerBuild.swift): this key acts on it, not on the old one.
        s.deferredInput.append(event)
        return
    }
    if s.handleGridKey(event) { return }
    if handleTimeKey(&s, event) { return }
    switch event {
    case .ctrlC, .char("q"):
        s.quit = true
    case .char(" "):
        s.paused.toggle()
        s.notice = nil
    case .char("n"):
        if s.paused && !s.trainer.diverged { stepBoth(&s) }
    case .up, .char("+"), .char("="):
        changeRate(&s, by: 0.05)
    case .down, .char("-"), .char("_"):
        changeRate(&s, by: -0.05)
    case .char(let c) where c.isASCII && c.isNumber:
        setRate(&s, Float(c.wholeNumberValue ?? 0) / 10, layers: s.rateTargets)
    case .char("u"):
        guard s.ratesAreLinkable else {
            s.notice = s.tr(.nothingToLink)
            return
        }
        s.linkedRates.toggle()
        s.notice = s.linkedRates
            ? s.tr(.ratesLinked)
            : s.tr(.ratesUnlinked)
    case .char("w"):
        s.recentWindow.toggle()
    case .char("T"):
        cycleTwinRate(&s)
    case .left, .backTab:
        s.selectedLayer = (s.selectedLayer + s.dropoutLayerCount - 1) % s.dropoutLayerCount
        s.clampSelectedUnit()
    case .right, .tab:
        s.selectedLayer = (s.selectedLayer + 1) % s.dropoutLayerCount
        s.clampSelectedUnit()
    case .char("a"):
        setRate(&s, s.selectedRate, layers: Array(1..<s.dropoutLayerCount))
    case .char("e"):
        s.evalView.toggle()
    case .char("["):
        s.speedIndex = max(0, s.speedIndex - 1)
    case .char("]"):
        s.speedIndex = min(AppState.speedSettings.count - 1, s.speedIndex + 1)
    case .char("l"):
        s.logScale.toggle()
    case .char("c"):
        s.showAccuracy.toggle()
    case .char("r"):
        s.trainer.reset()
        s.twin?.reset()
        s.notice = s.twin == nil ? s.tr(.resetNotice)
            : s.tr(.bothRestart, Trainer.format(s.selectedRate), s.twinLabel)
    case .char("R"):
        // A new seed derived from the old one: reproducible from the state string of the run.
        var sm = SplitMix64(seed: s.trainer.config.seed)
        let seed = sm.next() % 1_000_000
        s.trainer.reset(seed: seed)
        s.twin?.reset(seed: seed)
        s.notice = s.tr(.newSeed, seed)
    case .char("v") where s.trainer.lstmModel != nil:
        // An LSTM: v cycles the recurrent variants (VariantControls.swift).
        s.cycleRecurrentVariant()
    case .char("v") where s.trainer.cnn != nil:
        // A CNN: v cycles the conv layers' variant (VariantControls.swift).
        s.cycleConvVariant()
    case .char("v"):
        let v = s.trainer.config.variant.next
        s.trainer.setVariant(v)
        s.notice = s.tr(.variantNotice, s.lang.translate(v.rawValue))
    case .char("s"):
        let next = s.trainer.config.scaling.next
        s.trainer.setScaling(next)
        s.trainer.evaluateSoon()
        s.notice = next == .none
            ? s.tr(.noRescaling)
            : s.tr(.scalingNotice, s.lang == .en ? next.rawValue : s.lang.translate(next.rawValue))
    case .char("t"):
        if s.twin != nil {
            s.stopTwin()
            s.notice = s.tr(.twinRemoved)
        } else {
            do {
                try s.startTwin()
                s.notice = s.tr(.twinStarted, s.twinRate)
            } catch { s.notice = s.errorNotice(error) }
        }
    case .char(","):
        s.exampleIndex = max(0, s.exampleIndex - 1)
    case .char("."):
        s.exampleIndex += 1
    case .char("j"):
        s.selectedUnit = max(0, s.selectedUnit - 1)
        s.showUnitPictureIfUseful()
    case .char("k"):
        s.selectedUnit = min(s.trainer.model.dropoutPositions[s.selectedLayer].unitCount - 1, s.selectedUnit + 1)
        s.showUnitPictureIfUseful()
    case .char("z"):
        s.toggleLargeData()
    case .char("o"):
        s.toggleValidationPoints()
    case .char("O"):
        s.toggleDiscreteMap()
    case .escape where s.unitPicture:
        s.unitPicture = false
        s.notice = s.tr(.dataPanelBack)
    case .char("<"):
        s.mcSamples = max(2, s.mcSamples / 2)
    case .char(">"):
        s.mcSamples = min(1000, s.mcSamples * 2)
    case .char("m"):
        s.toggleUncertaintyMap()
    case .char("d"):
        effects.append(.buildTrainer(s.nextDataset()))
    case .char("{"), .char("}"):
        if let b = s.scaleTrainSize(up: event == .char("}")) { effects.append(.buildTrainer(b)) }
    case .char("("), .char(")"):
        if let b = s.changeNoise(by: event == .char(")") ? 0.05 : -0.05) { effects.append(.buildTrainer(b)) }
    case .char("h"):
        s.addHiddenLayer()
    case .char("H"):
        s.removeHiddenLayer()
    case .char("M"), .char("N"):
        s.scaleHiddenLayer(wider: event == .char("M"))
    case .char("A"), .char("Y"):
        s.cycleActivation(all: event == .char("Y"))
    case .char("f"):
        s.selectNextFeature()
    case .char("F"):
        s.toggleSelectedFeature()
    case .char("g"), .char("G"), .char("b"), .char("B"):
        let c = s.trainer.config
        let step: Float = (event == .char("g") || event == .char("b")) ? -0.5 : 0.5
        let alpha = c.standoutAlpha + ((event == .char("g") || event == .char("G")) ? step : 0)
        let beta = c.standoutBeta + ((event == .char("b") || event == .char("B")) ? step : 0)
        do {
            try s.trainer.setStandout(alpha: alpha, beta: beta)
            s.notice = s.tr(.standoutNotice, alpha, beta) + (c.variant == .standout ? "" : s.tr(.standoutUnused))
        } catch { s.notice = s.errorNotice(error) }
    case .char("W"):
        // The loop cancels any sweep before and starts this one; until its first result the
        // panel shows it empty.
        let plan = RateSweep.Plan(config: s.trainer.config, rates: SweepJob.defaultRates, seeds: 3, steps: SweepJob.steps)
        effects.append(.startSweep(plan))
        s.sweep = SweepJob.Snapshot(empty: plan)
        s.panel = .sweep
        s.notice = s.tr(.sweepStarted, SweepJob.steps)
    case .char("S"):
        s.showState = true
    case .char("E"):
        s.resampleEnsemble()
    case .char("x"):
        // Written on another thread; its notice (the files written, or what went wrong) comes
        // back as `.exported`.
        effects.append(.exportFigures(theme: s.figureTheme))
        s.notice = s.tr(.exportingFigures)
    case .char("i"):
        s.showLesson = s.lesson != nil
        s.lessonPage = 0
        if s.lesson == nil { s.notice = s.tr(.noLesson) }
    case .char("p"):
        s.panel = s.panel.next
    case .char("L"):
        switchLanguage(&s)
    case .char("?"):
        s.showHelp = true
        s.helpPage = 0
    case .mouse(let x, let y):
        guard let mlp = s.trainer.mlp else { break }
        let layout = ScreenLayout(width: s.width, height: s.height)
        let diagram = NetworkDiagram.layout(widths: mlp.architecture.widths, in: layout.diagram)
        if let hit = diagram.firstIndex(where: { $0.frame.contains(x: x, y: y) }), hit < s.dropoutLayerCount {
            s.selectedLayer = hit
            s.clampSelectedUnit()
            s.selectClickedUnit(x: x, y: y)
        }
    default:
        break
    }
}

/// One step of the network and, in lock-step, of its twin.
private func stepBoth(_ s: inout AppState) {
    if let grid = s.grid { grid.step() } else { s.trainer.step() }
    if let twin = s.twin, !twin.diverged { twin.step() }
    if s.trainer.diverged { s.notice = s.tr(.divergedNotice) }
}

private func changeRate(_ s: inout AppState, by delta: Float) {
    let p = ((s.selectedRate + delta) * 100).rounded() / 100
    setRate(&s, min(max(p, 0), TrainingConfig.maxRate), layers: s.rateTargets)
}

private func setRate(_ s: inout AppState, _ p: Float, layers: [Int]) {
    do {
        try s.trainer.setRate(p, layers: layers)
    } catch {
        s.notice = s.errorNotice(error)
    }
}

/// `T`: the twin's hidden rate steps through 0, 0.2, …, 0.8 and both networks restart from the
/// same weights, so two rates are compared from the same start.
private func cycleTwinRate(_ s: inout AppState) {
    let choices: [Float] = [0, 0.2, 0.4, 0.6, 0.8]
    let next = choices.first { $0 > s.twinRate + 1e-4 } ?? choices[0]
    s.twinRate = next
    do {
        try s.startTwin()
        s.notice = s.tr(.bothRestart, Trainer.format(s.selectedRate), s.twinLabel)
    } catch { s.notice = s.errorNotice(error) }
}
