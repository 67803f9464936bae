/// Numbers in JSON output at full precision: the shortest decimal that reads back to the same
/// value (Swift's `description`), not rounded to a few digits. JSON has no NaN or infinity:
/// those are `null`.
enum JSONNumber {
    static func full(_ v: Float) -> String { v.isFinite ? v.description : "null" }
    static func full(_ v: Double) -> String { v.isFinite ? v.description : "null" }
}
