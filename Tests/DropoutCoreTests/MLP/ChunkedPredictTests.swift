import Testing
@testable import DropoutCore

/// `predict(_:rowsPerPass:)` gives `predict`'s output, pass boundaries included.
struct ChunkedPredictTests {
    @Test(arguments: [1, 7, 50, 1000])
    func passesGiveTheWholePrediction(_ rowsPerPass: Int) {
        let net = FastPathTests.network(variant: .bernoulli, fast: true)
        let x = FastPathTests.values(123, 5, seed: 9)
        let whole = net.predict(x)
        let passes = net.predict(x, rowsPerPass: rowsPerPass)
        #expect(passes.rows == whole.rows && passes.cols == whole.cols)
        for i in 0..<whole.count {
            #expect(abs(passes.data[i] - whole.data[i]) <= 1e-5 * max(1, abs(whole.data[i])), "element \(i)")
        }
    }
}
