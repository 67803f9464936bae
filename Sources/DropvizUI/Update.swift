import DropoutCore
import TermUI

/// The one place where the visualizer's state changes.
public func update(_ s: inout AppState, _ msg: Msg) {
    switch msg {
    case .step:
        guard !s.paused, !s.trainer.diverged else { return }
        s.trainer.step()
        if s.trainer.diverged { s.notice = "diverged: the loss is not finite; press r to reset (lower the learning rate)" }
    case .resize(let w, let h):
        s.width = w
        s.height = h
    case .measured(let rate):
        s.stepsPerSecond = rate
    case .input(let event):
        handle(&s, event)
    }
}

private func handle(_ s: inout AppState, _ event: InputEvent) {
    if s.showHelp {
        // Any key closes the help; q and Ctrl-C still quit.
        s.showHelp = false
        if event == .char("q") || event == .ctrlC { s.quit = true }
        return
    }
    switch event {
    case .ctrlC, .char("q"):
        s.quit = true
    case .char(" "):
        s.paused.toggle()
        s.notice = nil
    case .char("n"):
        if s.paused && !s.trainer.diverged { s.trainer.step() }
    case .up, .char("+"), .char("="):
        changeRate(&s, by: 0.05)
    case .down, .char("-"), .char("_"):
        changeRate(&s, by: -0.05)
    case .char(let c) where c.isASCII && c.isNumber:
        setRate(&s, Float(c.wholeNumberValue ?? 0) / 10, layer: s.selectedLayer)
    case .left, .backTab:
        s.selectedLayer = (s.selectedLayer + s.dropoutLayerCount - 1) % s.dropoutLayerCount
    case .right, .tab:
        s.selectedLayer = (s.selectedLayer + 1) % s.dropoutLayerCount
    case .char("a"):
        let p = s.selectedRate
        for d in 1..<s.dropoutLayerCount { setRate(&s, p, layer: d) }
    case .char("e"):
        s.evalView.toggle()
    case .char("["):
        s.speedIndex = max(0, s.speedIndex - 1)
    case .char("]"):
        s.speedIndex = min(AppState.speeds.count - 1, s.speedIndex + 1)
    case .char("l"):
        s.logScale.toggle()
    case .char("c"):
        s.showAccuracy.toggle()
    case .char("r"):
        s.trainer.reset()
        s.notice = "reset: step 0, the same initial weights, current rates kept"
    case .char("R"):
        // A new seed derived from the old one: reproducible from the state string of the run.
        var sm = SplitMix64(seed: s.trainer.config.seed)
        s.trainer.reset(seed: sm.next() % 1_000_000)
        s.notice = "new seed \(s.trainer.config.seed): new initial weights and batch order, same data"
    case .char("p"):
        s.panel = s.panel.next
    case .char("?"):
        s.showHelp = true
    case .mouse(let x, let y):
        let layout = ScreenLayout(width: s.width, height: s.height)
        let diagram = NetworkDiagram.layout(widths: s.trainer.network.architecture.widths, in: layout.diagram)
        if let hit = diagram.firstIndex(where: { $0.frame.contains(x: x, y: y) }), hit < s.dropoutLayerCount {
            s.selectedLayer = hit
        }
    default:
        break
    }
}

private func changeRate(_ s: inout AppState, by delta: Float) {
    let p = ((s.selectedRate + delta) * 100).rounded() / 100
    setRate(&s, min(max(p, 0), TrainingConfig.maxRate), layer: s.selectedLayer)
}

private func setRate(_ s: inout AppState, _ p: Float, layer: Int) {
    do {
        try s.trainer.setRate(p, layer: layer)
    } catch {
        s.notice = "\(error)"
    }
}
