/// An error a user can act on: its message is one line that names the problem.
public struct DropvizError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
