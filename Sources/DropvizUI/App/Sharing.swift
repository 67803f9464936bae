import DropoutCore
import Foundation

/// Sharing a run: the state string that reproduces it, and the curves as CSV.
extension AppState {
    /// The configuration, the step and the twin: pasted into `--state` it reproduces the screen.
    public var stateString: String {
        var extras: [(String, String)] = [("step", String(trainer.currentStep))]
        if twin != nil { extras.append(("twin", String(format: "%g", Double(twinRate)))) }
        if panel != .none { extras.append(("panel", panel.rawValue)) }
        return StateString.encode(trainer, extras: extras)
    }

    /// The keys `stateString` adds to the configuration, for `StateString.decode` to pass through.
    public static let stateStringKeys: Set<String> = ["step", "twin", "panel"]

    /// Writes the curves to `dropviz-curves-step<N>.csv` in the working directory and says so.
    public func exportCurves(directory: String = FileManager.default.currentDirectoryPath) -> String {
        let path = (directory as NSString).appendingPathComponent("dropviz-curves-step\(trainer.currentStep).csv")
        do {
            try CurveLog.write(trainer.history, twin: twin?.history, to: path)
            return tr(.wrote, path)
        } catch {
            return "\(error)"
        }
    }
}
