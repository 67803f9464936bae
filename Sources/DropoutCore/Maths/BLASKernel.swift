import CBLAS
import Foundation

/// Which BLAS is linked and which of its kernel sets runs the products. A DYNAMIC_ARCH
/// OpenBLAS (Debian's) picks the kernels for the CPU when it loads; a CPU newer than the
/// library is not recognised and gets the generic SSE3 ("Prescott") ones, 3–5× slower. The
/// executable re-runs itself with a better `OPENBLAS_CORETYPE` then (dropviz/BLASKernel.swift);
/// this file holds what both sides need: the query and the choice.
public enum BLASKernel {
    /// The kernel set in use, as OpenBLAS names it ("Zen", "Haswell", "SkylakeX", "Prescott"…).
    public static var core: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// "OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH …": the library's own build line.
    public static var config: String {
        guard let line = openblas_get_config() else { return "OpenBLAS" }
        return String(cString: line)
    }

    /// The library's name and version, the first two words of `config`.
    public static var library: (name: String, version: String) {
        let words = config.split(separator: " ")
        return (words.first.map(String.init) ?? "OpenBLAS", words.count > 1 ? String(words[1]) : "unknown")
    }

    /// OpenBLAS's x86-64 cores whose sgemm kernels use AVX-512 (lower-cased).
    static let avx512Cores: Set<String> = ["skylakex", "cooperlake", "sapphirerapids"]
    /// …and those that use AVX2 with FMA (Zen and Dhyana run the Haswell kernels).
    static let avx2Cores: Set<String> = ["haswell", "zen", "dhyana"]

    /// The vector extensions that decide the choice, from /proc/cpuinfo's `flags`.
    public struct CPU: Sendable, Equatable {
        public var avx2FMA: Bool
        /// The subsets OpenBLAS's SkylakeX kernels need (F, CD, BW, DQ, VL).
        public var avx512: Bool

        public init(avx2FMA: Bool, avx512: Bool) {
            self.avx2FMA = avx2FMA
            self.avx512 = avx512
        }

        /// Parses the first `flags` line of a /proc/cpuinfo text (x86 only; other CPUs have
        /// no such line and get neither extension).
        public init(cpuinfo: String) {
            let line = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
            let flags = Set(line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ":" }).map(String.init))
            avx2FMA = flags.isSuperset(of: ["avx2", "fma"])
            avx512 = avx2FMA && flags.isSuperset(of: ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"])
        }

        /// This machine's, read from /proc/cpuinfo (neither extension when it cannot be read).
        public static func current() -> CPU {
            guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else {
                return CPU(avx2FMA: false, avx512: false)
            }
            return CPU(cpuinfo: text)
        }

        /// The best kernel set OpenBLAS has for this CPU, or nil when the generic ones are right.
        public var bestCore: String? { avx512 ? "SkylakeX" : avx2FMA ? "Haswell" : nil }

        /// The kernel sets this CPU can run, one of each kind OpenBLAS has: the generic SSE3
        /// one always, SSE4.2 and AVX ones where AVX2 shows they are there, then AVX2 and
        /// AVX-512. (OpenBLAS takes any name it is given; a kernel the CPU lacks would crash.)
        public var runnableCores: [String] {
            ["Prescott"] + (avx2FMA ? ["Nehalem", "Sandybridge", "Haswell", "Zen"] : []) + (avx512 ? ["SkylakeX"] : [])
        }
    }

    /// True when `core` uses no AVX2: the generic or an older kernel set.
    public static func isGeneric(_ core: String) -> Bool {
        let c = core.lowercased()
        return !avx2Cores.contains(c) && !avx512Cores.contains(c)
    }

    /// The kernel set to ask for instead of `detected`, or nil to keep it: only when the CPU
    /// has AVX2+FMA (or AVX-512) and OpenBLAS fell back to a kernel set without them. A
    /// recognised CPU keeps OpenBLAS's own choice (Zen on an EPYC stays Zen).
    public static func replacement(for detected: String, on cpu: CPU) -> String? {
        guard let best = cpu.bestCore, isGeneric(detected) else { return nil }
        return best
    }
}
