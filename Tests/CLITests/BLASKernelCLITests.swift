import DropoutCore
import Foundation
import Testing

/// The kernel selection as a user meets it: the core `dropviz --version` and `bench` report,
/// who chose it, and that every kernel set this CPU can run gives the same numbers.
@Suite struct BLASKernelCLITests {
    static let cpu = BLASKernel.CPU.current()

    /// This process's environment without any kernel choice, plus `extra`.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in ["OPENBLAS_CORETYPE", "DROPVIZ_BLAS_DETECTED", "DROPVIZ_TEST_BLAS_DETECTED"] { env[key] = nil }
        return env.merging(extra) { $1 }
    }

    /// The `blas:` line of --version: "OpenBLAS 0.3.21, blas_core Zen (detected by OpenBLAS)".
    static func versionBLASLine(_ extra: [String: String] = [:]) throws -> String {
        let r = try CLI.run(["--version"], environment: environment(extra))
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").first { $0.hasPrefix("blas: ") }.map(String.init) ?? ""
    }

    static func core(in line: String) -> String {
        guard let r = line.range(of: "blas_core ") else { return "" }
        return String(line[r.upperBound...].prefix { $0 != " " })
    }

    @Test(.enabled(if: cpu.avx2FMA, "needs a CPU with AVX2 and FMA"))
    func theCoreInUseIsNotGenericOnAnAVX2CPU() throws {
        let line = try Self.versionBLASLine()
        #expect(line.hasPrefix("blas: OpenBLAS "), "\(line)")
        #expect(!BLASKernel.isGeneric(Self.core(in: line)), "\(line)")
        #expect(!line.contains("generic kernels"))
    }

    /// OpenBLAS recognises this CPU, so the test makes the start-up believe it fell back to
    /// Prescott: the real re-exec then asks for the best kernels and OpenBLAS uses them.
    @Test(.enabled(if: cpu.avx2FMA, "needs a CPU with AVX2 and FMA"))
    func aGenericDetectionIsReplacedAtStartUp() throws {
        let line = try Self.versionBLASLine(["DROPVIZ_TEST_BLAS_DETECTED": "Prescott"])
        #expect(Self.core(in: line) == Self.cpu.bestCore, "\(line)")
        #expect(line.contains("chosen by dropviz; OpenBLAS detected Prescott"), "\(line)")
    }

    @Test(.enabled(if: cpu.avx2FMA, "needs a CPU with AVX2 and FMA"))
    func aCoreTypeTheUserSetIsKeptAndFlagged() throws {
        let line = try Self.versionBLASLine(["OPENBLAS_CORETYPE": "Prescott", "DROPVIZ_TEST_BLAS_DETECTED": "Prescott"])
        #expect(Self.core(in: line) == "Prescott", "\(line)")
        #expect(line.contains("OPENBLAS_CORETYPE=Prescott set by the user"), "\(line)")
        #expect(line.contains("generic kernels on a CPU that can run \(Self.cpu.bestCore ?? "")"), "\(line)")
    }

    @Test func benchReportsTheBLASInTableAndJSON() throws {
        let quick = ["bench", "--config", "tiny", "--seconds", "0.02", "--repetitions", "1", "--no-sgemm"]
        let json = try CLI.run(quick + ["--format", "json"], environment: Self.environment())
        #expect(json.status == 0, "\(json.stderr)")
        let obj = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(obj?["blas"] as? String == "OpenBLAS")
        #expect((obj?["blas_version"] as? String)?.first?.isNumber == true)
        #expect((obj?["blas_core"] as? String).map { !$0.isEmpty } == true)
        #expect(obj?["blas_core_origin"] as? String == "detected by OpenBLAS")
        let table = try CLI.run(quick, environment: Self.environment(["OPENBLAS_CORETYPE": "Prescott"]))
        #expect(table.stdout.contains("BLAS: OpenBLAS ") && table.stdout.contains("blas_core Prescott (OPENBLAS_CORETYPE=Prescott set by the user"), "\(table.stdout)")
    }

    /// The products of `bench --product-check` under `core`: the core OpenBLAS reports, then
    /// per transpose case the product and |a|·|b|.
    static func products(under core: String) throws -> (core: String, values: [[Float]]) {
        let r = try CLI.run(["bench", "--product-check"], environment: environment(["OPENBLAS_CORETYPE": core]))
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        let values = lines.dropFirst().map { $0.split(separator: " ").map { Float(bitPattern: UInt32($0, radix: 16) ?? 0) } }
        return (lines.first.map(String.init) ?? "", values)
    }

    /// Every kernel set this CPU can run gives each element of a product within the rounding
    /// bound of any summation order: |c₁ − c₂| ≤ 2·k·u·(|a|·|b|), u = 2⁻²⁴, k = 131.
    @Test func everyRunnableKernelGivesTheSameProducts() throws {
        let reference = try Self.products(under: "Prescott")
        #expect(reference.core == "Prescott" && reference.values.count == 8)
        let bound = 2 * 131 * Float(1.0 / 16_777_216.0)
        for core in Self.cpu.runnableCores.dropFirst() {
            let other = try Self.products(under: core)
            #expect(other.core == core, "OpenBLAS ran \(other.core) when asked for \(core)")
            #expect(other.values.count == reference.values.count)
            var worst: Float = 0
            for pair in stride(from: 0, to: min(other.values.count, reference.values.count), by: 2) {
                for (i, c) in other.values[pair].enumerated() {
                    let allowed = bound * reference.values[pair + 1][i]
                    worst = max(worst, abs(c - reference.values[pair][i]) / allowed)
                }
            }
            #expect(worst <= 1, "\(core): a product element differs by \(worst)× the rounding bound")
        }
    }

    /// A short training run (SGD, dropout 0.5, digits) ends with the same weights under every
    /// kernel set. Rounding differences of 1e-7 relative per product are carried through 200
    /// steps; no ReLU flips on them here, so the weights stay within 2e-7 of each other
    /// (measured on an EPYC, Prescott against Nehalem, Sandybridge, Haswell and Zen, largest
    /// weight 0.7); 1e-5 of the largest weight leaves a 40× margin and still catches a wrong
    /// kernel, whose errors would be of the order of the weights.
    @Test func everyRunnableKernelTrainsTheSameNetwork() throws {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func weights(_ core: String) throws -> [Float] {
            let path = dir.appendingPathComponent("\(core).json").path
            let r = try CLI.run(["train", "--dataset", "digits", "--hidden", "64,64", "--optimizer", "sgd", "--lr", "0.05",
                                 "--rate", "0.5", "--steps", "200", "--format", "csv", "--save", path],
                                environment: Self.environment(["OPENBLAS_CORETYPE": core]))
            #expect(r.status == 0, "\(r.stderr)")
            let model = try ModelFile.read(from: path)
            return model.parameters.flatMap(\.value)
        }
        let reference = try weights("Prescott")
        let scale = reference.map(abs).max() ?? 1
        #expect(scale > 0 && !reference.isEmpty)
        for core in Self.cpu.runnableCores.dropFirst() {
            let other = try weights(core)
            #expect(other.count == reference.count)
            let worst = zip(other, reference).map { abs($0 - $1) }.max() ?? .infinity
            #expect(worst <= 1e-5 * scale, "\(core): weights differ by \(worst) (largest weight \(scale))")
        }
    }
}
