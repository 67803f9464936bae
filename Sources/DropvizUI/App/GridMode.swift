import DropoutCore
import TermUI

/// The grid of rates (`dropviz run --grid`): one network per rate in lock-step (RateGrid),
/// drawn as a grid of cells (GridView). `trainer` is always the selected cell's, so every key
/// that acts on "the network" (the rate keys, v, s, e, the panels) acts on the selected cell,
/// and `Enter` shows that cell in the full normal view and back.
extension AppState {
    /// Whether the screen shows the grid rather than the selected cell's full view.
    public var showsGrid: Bool { grid != nil && !gridPromoted }

    /// Starts the grid of `rates` on the current trainer's data and configuration (each cell
    /// with every hidden rate set to its rate), all at step 0, the first cell selected.
    public mutating func startGrid(rates: [Float]) throws {
        guard trainer.mlp != nil else {
            throw DropvizError("--grid is for the fully connected model (--model mlp), not \(trainer.model.kind.rawValue)")
        }
        let g = try RateGrid(base: trainer.config, rates: rates, data: trainer.data)
        for cell in g.cells {
            cell.recordsDropStatistics = true
            cell.evaluate()
        }
        twin = nil
        grid = g
        selectGridCell(0)
        gridPromoted = false
        notice = tr(.gridStarted, rates.count)
    }

    /// Selects cell `i`: it becomes `trainer`.
    mutating func selectGridCell(_ i: Int) {
        guard let g = grid else { return }
        gridSelected = (i % g.cells.count + g.cells.count) % g.cells.count
        trainer = g.cells[gridSelected]
        selectedLayer = min(selectedLayer, dropoutLayerCount - 1)
        clampSelectedUnit()
    }

    /// Keys that mean something else in grid mode; true when `event` was handled here.
    mutating func handleGridKey(_ event: InputEvent) -> Bool {
        guard let g = grid else { return false }
        switch event {
        case .enter:
            gridPromoted.toggle()
            notice = gridPromoted ? tr(.gridFullView, GridView.rateLabel(g.cells[gridSelected]))
                : nil
            return true
        case .left where !gridPromoted, .backTab where !gridPromoted:
            selectGridCell(gridSelected - 1)
            return true
        case .right where !gridPromoted, .tab where !gridPromoted:
            selectGridCell(gridSelected + 1)
            return true
        case .char("r"):
            g.reset()
            notice = tr(.gridReset)
            return true
        case .char("R"):
            var sm = SplitMix64(seed: trainer.config.seed)
            let seed = sm.next() % 1_000_000
            g.reset(seed: seed)
            notice = tr(.gridNewSeed, seed)
            return true
        case .char("t"), .char("T"), .char("d"), .char("{"), .char("}"), .char("("), .char(")"):
            // These rebuild the network or add a twin: the grid's cells would no longer share a start.
            notice = tr(.gridNotHere)
            return true
        case .pageUp, .pageDown, .home, .end:
            // Rewinding one cell would take it out of lock-step with the others.
            notice = tr(.gridNoRewind)
            return true
        default:
            return false
        }
    }
}
