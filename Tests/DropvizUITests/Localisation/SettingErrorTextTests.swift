import DropoutCore
@testable import DropvizUI
import Testing

/// The core's errors name settings in plain words (no command-line flags); the screen shows them
/// in its language. The one an architecture key can cause is the memory estimate's refusal.
@Suite struct SettingErrorTextTests {
    func memoryRefusal() throws -> SettingError {
        let s = try Fixtures.state(hidden: [8])
        var c = s.trainer.config
        c.hidden = [100_000, 100_000]
        c.rates = [0, 0.5, 0.5]
        do { try MemoryEstimate.check(c, data: s.trainer.data) } catch let e as SettingError { return e }
        throw DropvizError("a 100000×100000 network passed the memory estimate")
    }

    @Test func theMemoryRefusalNamesNoFlagAndReadsInChinese() throws {
        let e = try memoryRefusal()
        let english = Language.en.errorText(e)
        #expect(english.hasPrefix("this network (hidden widths, conv channels, batch size, the data set) needs about "), "\(english)")
        #expect(!english.contains("--"))
        let chinese = Language.zh.errorText(e)
        #expect(chinese.hasPrefix("这个网络（隐藏层宽度、卷积通道数、批大小、数据集）约需 "), "\(chinese)")
        #expect(chinese.hasSuffix("（由内存上限选项设定）") || chinese.hasSuffix("（本机内存；内存上限选项可另设）"), "\(chinese)")
        #expect(!chinese.contains("--") && !chinese.contains("this network"))
    }
}
