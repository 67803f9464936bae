import DropoutCore
import TermUI

/// Everything the visualizer shows and every setting a key changes.
///
/// The trainer is a reference (the network's buffers are large and stepped in place), but it
/// changes only inside `update`, and `view` reads it without changing what it shows, so the
/// app is driven and tested as a pure state machine: messages in, screens out.
public struct AppState {
    public var trainer: Trainer {
        // A run that replaces one evaluating in the background (a new data set, a new
        // architecture) evaluates in the background from its first key on: a key replayed on
        // it, or `s`, must not evaluate on the loop's thread (EvaluationScheduling.swift).
        didSet {
            if oldValue.backgroundEvaluation != nil && trainer.backgroundEvaluation == nil {
                trainer.backgroundEvaluation = Self.backgroundEvaluator()
            }
        }
    }
    public var width: Int
    public var height: Int
    public var glyphs: Glyphs
    /// The language of the screen (`--lang`, `L`); see `lang` for the one drawn.
    public var language: Language = .en
    /// Index of the selected dropout layer: 0 = input, i = hidden layer i.
    public var selectedLayer: Int = 1
    public var paused = false
    /// Show the network as evaluation sees it: nothing dropped, scaling applied.
    public var evalView = false
    /// Index into `speedSettings`.
    public var speedIndex: Int = AppState.defaultSpeedIndex
    /// Frames since the last step at a slow-motion speed (steps per second).
    public var framesSinceStep = 0
    /// Rate keys change every hidden layer at once (`u` unlinks: then the selected one only).
    /// The input layer always keeps its own rate.
    public var linkedRates = true
    /// The plot shows only the recent part of the run (`w`).
    public var recentWindow = false
    /// The help's page: 0 keys, 1 legend (`?` turns the page).
    public var helpPage = 0
    /// The state string is shown wrapped in a box (`S`).
    public var showState = false
    /// Training pauses by itself at this step (a lesson's natural length).
    public var pauseAtStep: Int? = nil
    /// After the next step, select the selected layer's most active unit (a lesson that opens
    /// the maths panel: unit 0 is often a silent ReLU that shows nothing).
    public var selectsActiveUnit = false
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
    /// The data view fills most of the screen (`z`; DataViewControls.swift).
    public var largeData = false
    /// Validation points on the data map: nil shows them when sparse; `o` forces them on or off.
    public var validationPoints: Bool? = nil
    /// The data map shows class regions without shading (`O`).
    public var discreteMap = false
    /// The data panel shows the selected unit's picture over the input plane (`j`/`k`, a click).
    public var unitPicture = false
    /// Which draw of masks the ensemble panel shows (`E` draws the next).
    public var ensembleDraw = 0
    /// The same-seed twin: same data, initial weights and batch order, its own rates, stepped
    /// in lock-step (`t` toggles).
    public var twin: Trainer? = nil
    /// The rate of the twin's hidden layers when it is created.
    public var twinRate: Float = 0
    /// The results so far of the background rate sweep of the sweep panel (`W` starts it; the
    /// event loop runs it and sends its progress as `.sweepProgress`).
    public var sweep: SweepJob.Snapshot? = nil
    /// The grid of rates (`--grid`); `trainer` is its selected cell (GridMode.swift).
    public var grid: RateGrid? = nil
    public var gridSelected = 0
    /// The selected cell is shown in the full normal view (`Enter`).
    public var gridPromoted = false
    /// A lesson's title and instructions (`i` shows them again).
    public var lesson: Lesson? = nil
    public var showLesson = false
    /// The page of the lesson's instructions shown (long captions on small screens).
    public var lessonPage = 0
    public var quit = false
    /// Training steps per second, measured by the event loop.
    public var stepsPerSecond: Double = 0
    /// A short notice in the status area (e.g. "reset to the same initial weights").
    public var notice: String?
    /// The panels' costly results between frames; a reference, shared by copies of the state.
    /// What it holds is keyed by everything it was computed from (see PanelCache.swift).
    public var panelCache = PanelCache()
    /// The new run a data key asked for, being built by the event loop (TrainerBuild.swift),
    /// and the keys that came meanwhile, replayed once it is installed.
    public internal(set) var pendingBuild: TrainerBuild? = nil
    var deferredInput: [InputEvent] = []
    /// Build requests made so far: the next one's id.
    var buildCount = 0
    /// The one-example eval passes the diagrams and maths panel read, computed on `Msg.frame`.
    var exampleForwards = ExampleForwards()
    /// The time cursor while it is back in time, and the ghost of the last branch (Rewind.swift).
    public var rewind: RewindCursor? = nil
    public var ghost: BranchGhost? = nil
    /// The colours of the figures `x` exports (`--theme`).
    public var figureTheme: FigureTheme = .dark
    /// A lesson's or `--present`'s hidden key bar and locked keys.
    public var presenter = PresenterControls()
    /// The input feature `f` selected and `F` turns on or off (InputFeatureControls.swift);
    /// nil until `f` is first pressed (nothing highlighted; `F` acts on x₁).
    public var selectedFeature: InputFeature? = nil

    /// Steps run per frame at each fast speed setting (about 30 frames a second).
    public static let speeds = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
    /// Slow motion for a class: steps per second.
    public static let slowSpeeds = [1, 2, 5]
    public enum Speed: Equatable, Sendable {
        case perSecond(Int), perFrame(Int)
        public var label: String {
            switch self {
            case .perSecond(let n): return "\(n) step\(n == 1 ? "" : "s")/s"
            case .perFrame(let n): return "×\(n)"
            }
        }
    }
    /// Every speed `[` and `]` step through, slowest first.
    public static let speedSettings: [Speed] = slowSpeeds.map { .perSecond($0) } + speeds.map { .perFrame($0) }
    public static let frameRate = 30
    public static let defaultSpeedIndex = slowSpeeds.count + 3

    public init(trainer: Trainer, width: Int, height: Int, glyphs: Glyphs = .unicode) {
        // The maths panel and the diagram's observed rates read the drop statistics.
        trainer.recordsDropStatistics = true
        trainer.recordsCheckpoints = true
        self.trainer = trainer
        self.width = width
        self.height = height
        self.glyphs = glyphs
        selectedLayer = trainer.model.defaultPosition
    }

    public var speed: Speed { Self.speedSettings[speedIndex] }
    /// Steps the event loop offers each frame; at slow speeds most of them are skipped by
    /// `update`, which steps once every `frameRate / n` frames.
    public var stepsPerFrame: Int {
        if case .perFrame(let n) = speed { return n }
        return 1
    }

    /// The dropout positions a rate key changes: every hidden layer of an MLP while the rates
    /// are linked (the input keeps its own), else the selected one.
    public var rateTargets: [Int] {
        guard linkedRates, trainer.mlp != nil, selectedLayer > 0 else { return [selectedLayer] }
        return Array(1..<dropoutLayerCount)
    }
    public var ratesAreLinkable: Bool { trainer.mlp != nil && dropoutLayerCount > 2 }
    public var dropoutLayerCount: Int { trainer.model.dropoutPositions.count }
    /// The smallest screen the layout is made for.
    public static let minimumWidth = 80, minimumHeight = 24
    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    public var selectedRate: Float { trainer.model.dropoutPositions[selectedLayer].rate }

    public func layerName(_ d: Int) -> String { trainer.model.positionTitles[d] }

    /// Selects the unit of the selected layer with the largest |x| for the batch's first
    /// example in the last step.
    public mutating func selectMostActiveUnit() {
        guard let net = trainer.mlp, selectedLayer < net.dropout.count else { return }
        let x = net.dropoutInput(selectedLayer)
        guard x.rows > 0, x.cols > 0 else { return }
        selectedUnit = (0..<x.cols).max { abs(x[0, $0]) < abs(x[0, $1]) } ?? 0
    }

    /// Keeps the selected unit inside the selected layer after the layer changed.
    public mutating func clampSelectedUnit() {
        selectedUnit = min(selectedUnit, trainer.model.dropoutPositions[selectedLayer].unitCount - 1)
    }
}
