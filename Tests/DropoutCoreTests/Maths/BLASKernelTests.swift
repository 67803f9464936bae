import DropoutCore
import Testing

/// The start-up choice of kernels: replace a generic kernel set on a CPU with AVX2+FMA or
/// AVX-512, keep OpenBLAS's own choice otherwise.
@Suite struct BLASKernelTests {
    static let avx2 = "flags\t\t: fpu sse sse2 ssse3 fma sse4_1 sse4_2 avx avx2 bmi2\n"
    static let avx512 = "flags\t\t: fpu sse2 fma avx avx2 avx512f avx512dq avx512cd avx512bw avx512vl avx512_bf16\n"
    static let sse = "processor: 0\nflags\t\t: fpu sse sse2 pni ssse3\n"

    @Test func readsTheVectorExtensionsFromCpuinfo() {
        #expect(BLASKernel.CPU(cpuinfo: Self.avx2) == .init(avx2FMA: true, avx512: false))
        #expect(BLASKernel.CPU(cpuinfo: Self.avx512) == .init(avx2FMA: true, avx512: true))
        #expect(BLASKernel.CPU(cpuinfo: Self.sse) == .init(avx2FMA: false, avx512: false))
        // AVX-512 without BW/VL (Knights Landing) cannot run the SkylakeX kernels.
        #expect(BLASKernel.CPU(cpuinfo: "flags: fma avx2 avx512f avx512cd\n") == .init(avx2FMA: true, avx512: false))
        // An ARM CPU: "Features", no "flags".
        #expect(BLASKernel.CPU(cpuinfo: "Features\t: fp asimd\n") == .init(avx2FMA: false, avx512: false))
    }

    @Test func genericKernelsAreReplacedByTheBestTheCPUHas() {
        let avx2 = BLASKernel.CPU(cpuinfo: Self.avx2), avx512 = BLASKernel.CPU(cpuinfo: Self.avx512)
        #expect(BLASKernel.replacement(for: "Prescott", on: avx512) == "SkylakeX")
        #expect(BLASKernel.replacement(for: "Prescott", on: avx2) == "Haswell")
        #expect(BLASKernel.replacement(for: "Sandybridge", on: avx2) == "Haswell")
        #expect(BLASKernel.replacement(for: "Nehalem", on: avx512) == "SkylakeX")
    }

    @Test func aRecognisedCPUKeepsOpenBLASsChoice() {
        let avx2 = BLASKernel.CPU(cpuinfo: Self.avx2), avx512 = BLASKernel.CPU(cpuinfo: Self.avx512)
        #expect(BLASKernel.replacement(for: "Zen", on: avx2) == nil)
        #expect(BLASKernel.replacement(for: "Haswell", on: avx2) == nil)
        #expect(BLASKernel.replacement(for: "SkylakeX", on: avx512) == nil)
        #expect(BLASKernel.replacement(for: "Cooperlake", on: avx512) == nil)
        // Without AVX2 the generic kernels are the right ones.
        #expect(BLASKernel.replacement(for: "Prescott", on: BLASKernel.CPU(cpuinfo: Self.sse)) == nil)
    }

    @Test func runnableCoresNeverExceedTheCPU() {
        #expect(BLASKernel.CPU(cpuinfo: Self.sse).runnableCores == ["Prescott"])
        #expect(!BLASKernel.CPU(cpuinfo: Self.avx2).runnableCores.contains("SkylakeX"))
        #expect(BLASKernel.CPU(cpuinfo: Self.avx512).runnableCores.contains("SkylakeX"))
    }

    @Test func reportsTheLinkedLibrary() {
        #expect(BLASKernel.library.name == "OpenBLAS")
        #expect(BLASKernel.library.version.first?.isNumber == true)
        #expect(!BLASKernel.core.isEmpty && BLASKernel.core != "unknown")
    }
}
