import DropoutCore
import TermUI

/// Everything the visualizer shows and every setting a key changes.
///
/// The trainer is a reference (the network's buffers are large and stepped in place), but it
/// changes only inside `update`, and `view` reads it without changing what it shows, so the
/// app is driven and tested as a pure state machine: messages in, screens out.
public struct AppState {
    public var trainer: Trainer
    public var width: Int
    public var height: Int
    public var glyphs: Glyphs
    /// Index of the selected dropout layer: 0 = input, i = hidden layer i.
    public var selectedLayer: Int = 1
    public var paused = false
    /// Show the network as evaluation sees it: nothing dropped, scaling applied.
    public var evalView = false
    public var speedIndex: Int = AppState.defaultSpeedIndex
    public var logScale = false
    public var showAccuracy = false
    public var showHelp = false
    /// The panel beside the plot (`p` cycles).
    public var panel: Panel = .none
    /// The validation example the data and MC panels show (`,` and `.` move).
    public var exampleIndex = 0
    /// The unit of the selected layer whose numbers the maths panel shows (`j` and `k` move).
    public var selectedUnit = 0
    /// The data panel shows Monte Carlo dropout's uncertainty instead of the eval view (`m`).
    public var uncertaintyMap = false
    /// Stochastic passes of Monte Carlo dropout (`<` and `>` change).
    public var mcSamples = 30
    /// The same-seed twin: same data, initial weights and batch order, its own rates, stepped
    /// in lock-step (`t` toggles).
    public var twin: Trainer? = nil
    /// The rate of the twin's hidden layers when it is created.
    public var twinRate: Float = 0
    /// The background rate sweep of the sweep panel (`W` starts it).
    public var sweep: SweepJob? = nil
    /// A lesson's title and instructions (`i` shows them again).
    public var lesson: Lesson? = nil
    public var showLesson = false
    public var quit = false
    /// Training steps per second, measured by the event loop.
    public var stepsPerSecond: Double = 0
    /// A short notice in the status area (e.g. "reset to the same initial weights").
    public var notice: String?
    /// The panels' costly results between frames; a reference, shared by copies of the state.
    /// What it holds is keyed by everything it was computed from (see PanelCache.swift).
    public var panelCache = PanelCache()

    /// Steps run per frame at each speed setting (about 30 frames a second).
    public static let speeds = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
    public static let defaultSpeedIndex = 3

    public init(trainer: Trainer, width: Int, height: Int, glyphs: Glyphs = .unicode) {
        // The maths panel and the diagram's observed rates read the drop statistics.
        trainer.recordsDropStatistics = true
        self.trainer = trainer
        self.width = width
        self.height = height
        self.glyphs = glyphs
        selectedLayer = trainer.model.defaultPosition
    }

    public var stepsPerFrame: Int { Self.speeds[speedIndex] }
    public var dropoutLayerCount: Int { trainer.model.dropoutPositions.count }
    /// The smallest screen the layout is made for.
    public static let minimumWidth = 80, minimumHeight = 24
    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    public var selectedRate: Float { trainer.model.dropoutPositions[selectedLayer].rate }

    public func layerName(_ d: Int) -> String { trainer.model.positionTitles[d] }

    /// Keeps the selected unit inside the selected layer after the layer changed.
    public mutating func clampSelectedUnit() {
        selectedUnit = min(selectedUnit, trainer.model.dropoutPositions[selectedLayer].unitCount - 1)
    }
}
