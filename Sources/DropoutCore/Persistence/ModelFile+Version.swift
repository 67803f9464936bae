/// Which format version a model file gets, and which this dropviz can read.
///
/// A file says the oldest version that reads it right: version 3 unless the network has one
/// activation per hidden layer (the `activations` list, in `config` and `architecture`),
/// which version 3 readers silently read as the first activation for every layer; such a
/// file is version 4, which they refuse. So a uniform network's file stays byte for byte as
/// before, and a mixed one is never misread.
extension ModelFile {
    /// The version for a file of this configuration and architecture.
    static func version(writing config: TrainingConfig, _ architecture: Architecture) -> Int {
        // The same conditions under which the encoders write the lists (TrainingConfig,
        // Architecture): `activations` present ⇔ version 4.
        let listed = config.activations.count > 1
            || Set(architecture.activations).count > 1 || Set(architecture.initializations).count > 1
        return listed ? 4 : 3
    }

    /// A file from a later dropviz is refused as such: its new keys would be ignored.
    static func checkReadable(_ version: Int?, path: String) throws {
        guard let v = version, v > currentVersion else { return }
        throw DropvizError("model file '\(path)' was made by a newer dropviz (format version \(v); this one reads versions 1 to \(currentVersion))")
    }
}
