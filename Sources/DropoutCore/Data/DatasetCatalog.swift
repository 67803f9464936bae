/// The data sets `--dataset` knows by name; anything ending in `.csv` is read as a file.
public enum DatasetCatalog {
    public struct Entry: Sendable {
        public let name: String
        public let summary: String
        /// Default noise for generated sets; nil for real ones.
        public let defaultNoise: Double?
        public let isGenerated: Bool
    }

    /// Number of points generated for a toy set, before the split.
    public static let generatedCount = 1000

    public static let entries: [Entry] = [
        Entry(name: "moons", summary: "two interleaving half circles (2-D, 2 classes)", defaultNoise: 0.35, isGenerated: true),
        Entry(name: "circle", summary: "a disc inside a ring (2-D, 2 classes)", defaultNoise: 0.1, isGenerated: true),
        Entry(name: "xor", summary: "quadrants, same sign or not (2-D, 2 classes)", defaultNoise: 0.1, isGenerated: true),
        Entry(name: "gaussian", summary: "two Gaussian clusters (2-D, 2 classes)", defaultNoise: 0.3, isGenerated: true),
        Entry(name: "spiral", summary: "two interleaved spiral arms (2-D, 2 classes)", defaultNoise: 0.05, isGenerated: true),
        Entry(name: "sine", summary: "noisy sine, regression (1-D)", defaultNoise: 0.2, isGenerated: true),
        Entry(name: "digits", summary: "UCI handwritten digits, 8x8 pixels (64 features, 10 classes)", defaultNoise: nil, isGenerated: false),
        Entry(name: "breast-cancer", summary: "UCI Breast Cancer Wisconsin (30 features, 2 classes)", defaultNoise: nil, isGenerated: false),
        Entry(name: "iris", summary: "UCI Iris (4 features, 3 classes)", defaultNoise: nil, isGenerated: false),
        Entry(name: "wine", summary: "UCI Wine (13 features, 3 classes)", defaultNoise: nil, isGenerated: false),
        Entry(name: FashionMNIST.name, summary: "Fashion-MNIST, 28x28 clothing images (784 features, 10 classes; Debian package \(FashionMNIST.package))", defaultNoise: nil, isGenerated: false),
        // Sequences (a row holds T steps, time-major; --seq-len T, --model lstm).
        Entry(name: "adding", summary: "the adding problem: sum of the two marked values of a sequence (2 per step, needs memory)", defaultNoise: 0, isGenerated: true),
        Entry(name: "sine-seq", summary: "noisy sine of random frequency, predict 3 steps ahead at every step (1 per step)", defaultNoise: 0.1, isGenerated: true),
    ]

    public static func entry(_ name: String) -> Entry? { entries.first { $0.name == name } }

    public static func isFile(_ name: String) -> Bool { name.lowercased().hasSuffix(".csv") }

    /// Loads or generates a data set. `noise` nil means the set's default; `sequenceLength` is
    /// the steps of a sequence set (nil: `SequenceDatasets.defaultLength`), ignored by the others.
    /// `csv`: what a FILE.csv holds (labels or regression targets).
    public static func load(_ name: String, noise: Double?, sequenceLength: Int? = nil,
                            csv: CSVReadOptions = CSVReadOptions(), rng: inout Xoshiro) throws -> Dataset {
        if isFile(name) { return try CSVDataset.load(path: name, options: csv) }
        if case (true, let n) = try FashionMNIST.matches(name) { return try FashionMNIST.load(count: n, rng: &rng) }
        guard let e = entry(name) else {
            let names = entries.map(\.name).joined(separator: ", ")
            throw DropvizError("unknown data set '\(name)' (known: \(names), or a FILE.csv)")
        }
        let sigma = noise ?? e.defaultNoise ?? 0
        guard sigma >= 0 && sigma.isFinite else { throw SettingError(.noise, value: sigma, "must be non-negative, got \(sigma)") }
        let n = generatedCount
        switch name {
        case "moons": return ToyDatasets.moons(count: n, noise: sigma, rng: &rng)
        case "circle": return ToyDatasets.circle(count: n, noise: sigma, rng: &rng)
        case "xor": return ToyDatasets.xor(count: n, noise: sigma, rng: &rng)
        case "gaussian": return ToyDatasets.gaussian(count: n, noise: sigma, rng: &rng)
        case "spiral": return ToyDatasets.spiral(count: n, noise: sigma, rng: &rng)
        case "sine": return ToyDatasets.sine(count: n, noise: sigma, rng: &rng)
        case "adding", "sine-seq":
            let T = sequenceLength ?? SequenceDatasets.defaultLength
            guard T >= 2 && T <= SequenceDatasets.maxLength else {
                throw SettingError(.sequenceLength, value: T, "must be between 2 and \(SequenceDatasets.maxLength), got \(T)")
            }
            return name == "adding" ? SequenceDatasets.adding(count: n, length: T, noise: sigma, rng: &rng)
                : SequenceDatasets.sineSequence(count: n, length: T, noise: sigma, rng: &rng)
        case "digits": return try embedded(EmbeddedData.digits, name: name)
        case "breast-cancer": return try embedded(EmbeddedData.breast, name: name)
        case "iris": return try embedded(EmbeddedData.iris, name: name)
        case "wine": return try embedded(EmbeddedData.wine, name: name)
        default: throw DropvizError("unknown data set '\(name)'")
        }
    }

    private static func embedded(_ text: String, name: String) throws -> Dataset {
        try CSVDataset.parse(text, name: name, source: name)
    }
}
