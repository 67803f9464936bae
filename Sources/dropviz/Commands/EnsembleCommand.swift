import ArgumentParser
import DropoutCore
import Foundation

struct EnsembleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ensemble",
        abstract: "Dropout as an ensemble: a saved model's thinned subnetworks on the validation set, their arithmetic and geometric means, weight scaling and Monte Carlo averages.",
        discussion: """
            Covers fully-connected classifiers trained with bernoulli dropout (inverted, vanilla \
            or no scaling). All 2^n subnetworks are enumerated when the droppable units (those of \
            positions with a rate above 0) number at most 16, else --masks N are sampled.
            """
    )

    @Option(help: "The saved model (from 'dropviz train --save').")
    var load: String

    @Option(help: "'all' (at most 16 droppable units) or the number of sampled masks (default: all when possible, else 1024).")
    var masks: MaskChoice?

    @Option(name: .customLong("mc-curve"), help: "The numbers of Monte Carlo passes T to average, comma-separated.")
    var mcCurve: String = "1,2,4,8,16,32,64,128,256"

    @Option(help: "Seed of the sampled masks and of the Monte Carlo passes (default: the model's seed).")
    var seed: UInt64?

    @Option(help: "Output format: table or json.")
    var format: EnsembleFormat = .table

    enum EnsembleFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    enum MaskChoice: ExpressibleByArgument {
        case all
        case count(Int)
        init?(argument: String) {
            if argument == "all" { self = .all } else if let n = Int(argument) { self = .count(n) } else { return nil }
        }
    }

    static let defaultSampledMasks = 1024
    static let maxPasses = 100_000

    func validate() throws {
        if case .count(let n) = masks, n < 1 || n > Self.maxPasses {
            throw ValidationError("--masks must be 'all' or between 1 and \(Self.maxPasses), got \(n)")
        }
        _ = try curve()
    }

    private func curve() throws -> [Int] {
        let items = mcCurve.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        return try items.map { item in
            guard let t = Int(item), (1...Self.maxPasses).contains(t) else {
                throw ValidationError("--mc-curve: '\(item)' is not a number of passes between 1 and \(Self.maxPasses)")
            }
            return t
        }
    }

    func run() throws {
        let model = try ModelFile.read(from: load)
        let trainer = try model.makeTrainer(source: load)
        guard let network = trainer.mlp else {
            throw DropvizError("dropviz ensemble is not for this model kind (\(trainer.model.kind.rawValue)); it needs a fully-connected network")
        }
        if let why = Ensemble.unsupported(network) { throw DropvizError("dropviz ensemble: \(why)") }
        let units = Ensemble.droppableUnits(network).count
        let seed = self.seed ?? trainer.config.seed
        let choice: Ensemble.Masks
        switch masks {
        case .all?:
            guard units <= Ensemble.maxExactUnits else {
                throw DropvizError("--masks all: the model has \(units) droppable units (2^\(units) subnetworks); at most \(Ensemble.maxExactUnits) are enumerated, give --masks N to sample")
            }
            choice = .all
        case .count(let n)?: choice = .sampled(count: n, seed: seed)
        case nil: choice = units <= Ensemble.maxExactUnits ? .all : .sampled(count: Self.defaultSampledMasks, seed: seed)
        }
        let report = try EnsembleReport.make(network, trainer.data.validation, masks: choice, mcCurve: try curve(), seed: seed)
        switch format {
        case .table: EnsembleTable.print(report, trainer: trainer, source: load, seed: seed)
        case .json: Swift.print(EnsembleTable.json(report, seed: seed))
        }
    }
}

/// `dropviz ensemble`'s table and JSON.
enum EnsembleTable {
    static func print(_ r: EnsembleReport, trainer: Trainer, source: String, seed: UInt64) {
        let c = trainer.config
        Swift.print("model \(source): \(c.dataset), hidden \(c.hidden.map(String.init).joined(separator: ",")), rates \(c.rates.map { "\($0)" }.joined(separator: ",")) (\(c.variant.rawValue), \(c.scaling.rawValue) scaling), step \(trainer.currentStep)")
        let which = r.exact ? "all \(r.subnetworks) subnetworks (exact)" : "\(r.subnetworks) sampled subnetworks (seed \(seed))"
        Swift.print("validation set: \(r.examples) examples; \(r.droppableUnits) droppable units; \(which)")
        Swift.print("")
        Swift.print("accuracy of each thinned subnetwork        count   weight")
        let width = 24
        for b in r.histogram {
            let bar = String(repeating: "#", count: Int((b.weight * Double(width)).rounded()))
            Swift.print(String(format: "  %.1f-%.1f |", b.from, b.to) + bar.padding(toLength: width, withPad: " ", startingAt: 0)
                        + String(format: "| %8d  %6.3f", b.count, b.weight))
        }
        Swift.print(String(format: "subnetworks: loss mean %@ (min %@, max %@), accuracy mean %.4f (min %.4f, max %.4f)",
                           number(r.subnetworkLoss.mean), number(r.subnetworkLoss.min), number(r.subnetworkLoss.max),
                           r.subnetworkAccuracy.mean, r.subnetworkAccuracy.min, r.subnetworkAccuracy.max))
        Swift.print("")
        Swift.print("predictor".padding(toLength: 34, withPad: " ", startingAt: 0) + "      loss  accuracy")
        let rows: [(String, EnsembleReport.Score)] = [
            ("arithmetic mean of subnetworks", r.arithmeticMean),
            ("geometric mean (normalised)", r.geometricMean),
            ("weight-scaled network (eval)", r.weightScaled),
        ]
        for (name, s) in rows { Swift.print(line(name, s)) }
        guard !r.mcCurve.isEmpty else { return }
        Swift.print("")
        Swift.print("Monte Carlo average of T passes (Srivastava et al. 2014, Fig. 11); weight scaling: \(number(r.weightScaled.loss)), \(String(format: "%.4f", r.weightScaled.accuracy))")
        for p in r.mcCurve { Swift.print(line("T = \(p.samples)", p.score)) }
    }

    private static func line(_ name: String, _ s: EnsembleReport.Score) -> String {
        // Padded by hand: `%10@` does not pad on Linux.
        let loss = number(s.loss)
        return name.padding(toLength: 34, withPad: " ", startingAt: 0)
            + String(repeating: " ", count: max(0, 10 - loss.count)) + loss + String(format: "  %8.4f", s.accuracy)
    }

    /// Six significant digits for the table; the JSON has every digit.
    private static func number(_ v: Double) -> String {
        EvaluationPrinter.number(Float(v))
    }

    static func json(_ r: EnsembleReport, seed: UInt64) -> String {
        func score(_ s: EnsembleReport.Score) -> String {
            "{\"loss\":\(full(s.loss)),\"accuracy\":\(full(s.accuracy))}"
        }
        func spread(_ s: EnsembleReport.Spread) -> String {
            "{\"mean\":\(full(s.mean)),\"min\":\(full(s.min)),\"max\":\(full(s.max))}"
        }
        let bins = r.histogram.map { "{\"from\":\(full($0.from)),\"to\":\(full($0.to)),\"count\":\($0.count),\"weight\":\(full($0.weight))}" }
        let curve = r.mcCurve.map { "{\"T\":\($0.samples),\"loss\":\(full($0.score.loss)),\"accuracy\":\(full($0.score.accuracy))}" }
        let fields = [
            "\"subnetworks\":\(r.subnetworks)", "\"exact\":\(r.exact)", "\"droppable_units\":\(r.droppableUnits)",
            "\"examples\":\(r.examples)", "\"seed\":\(seed)",
            "\"histogram\":[" + bins.joined(separator: ",") + "]",
            "\"subnetwork_loss\":" + spread(r.subnetworkLoss), "\"subnetwork_accuracy\":" + spread(r.subnetworkAccuracy),
            "\"arithmetic_mean\":" + score(r.arithmeticMean), "\"geometric_mean\":" + score(r.geometricMean),
            "\"weight_scaled\":" + score(r.weightScaled),
            "\"mc_curve\":[" + curve.joined(separator: ",") + "]",
        ]
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// The shortest decimal that reads back to the same `Double`; JSON has no NaN or infinity.
    private static func full(_ v: Double) -> String {
        v.isFinite ? v.description : "null"
    }
}
