import Foundation

/// The non-linearities a hidden layer can use.
public enum Activation: String, Codable, CaseIterable, Sendable {
    case relu, leakyRelu = "leaky-relu", tanh, sigmoid, identity

    /// Slope of leaky ReLU for negative inputs (the common default of PyTorch and Keras is
    /// 0.01; 0.01 makes dead units visibly alive again on the diagram).
    public static let leakySlope: Float = 0.01

    @inline(__always)
    public func apply(_ x: Float) -> Float {
        switch self {
        case .relu: return x > 0 ? x : 0
        case .leakyRelu: return x > 0 ? x : Activation.leakySlope * x
        case .tanh: return Foundation.tanh(x)
        case .sigmoid: return 1 / (1 + exp(-x))
        case .identity: return x
        }
    }

    /// dy/dx written in terms of the input `x` and the output `y` (whichever is cheaper).
    @inline(__always)
    public func derivative(x: Float, y: Float) -> Float {
        switch self {
        case .relu: return x > 0 ? 1 : 0
        case .leakyRelu: return x > 0 ? 1 : Activation.leakySlope
        case .tanh: return 1 - y * y
        case .sigmoid: return y * (1 - y)
        case .identity: return 1
        }
    }

    /// He initialisation suits the rectifiers, Glorot the saturating ones.
    public var defaultInitialization: Initialization {
        switch self {
        case .relu, .leakyRelu: return .he
        case .tanh, .sigmoid, .identity: return .glorot
        }
    }
}

public enum Initialization: String, Codable, CaseIterable, Sendable {
    /// N(0, 2/fan_in) (He et al. 2015).
    case he
    /// U(±√(6/(fan_in+fan_out))) (Glorot & Bengio 2010).
    case glorot
}
