import ArgumentParser
import DropoutCore
import DropvizUI

/// A choice option's type: the parser itself refuses a value outside the enum, lists the values
/// in `--help`, and accepts any letter case (as the string options did: `--optimizer Adam`).
protocol ChoiceArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension ChoiceArgument {
    // Public: it is the witness of a public protocol for public types of other modules.
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension ModelKind: ChoiceArgument {}
extension Scaling: ChoiceArgument {}
extension DropConnectInference: ChoiceArgument {}
extension OptimizerKind: ChoiceArgument {}
extension ConvDropoutVariant: ChoiceArgument {}
extension ConvPadding: ChoiceArgument {}
extension RecurrentDropoutVariant: ChoiceArgument {}
extension Language: ChoiceArgument {}
