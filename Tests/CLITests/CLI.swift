import Foundation

/// Runs the built `dropviz` binary, which sits next to the test bundle.
enum CLI {
    static var binary: URL {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        // The test runner may sit inside a .xctest bundle directory.
        while dir.pathExtension == "xctest" || dir.lastPathComponent == "MacOS" { dir.deleteLastPathComponent() }
        return dir.appendingPathComponent("dropviz")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `directory`: the working directory (default: the test's own).
    static func run(_ arguments: [String], environment: [String: String]? = nil, in directory: URL? = nil) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        if let environment { p.environment = environment }
        if let directory { p.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // Read before waiting: a full pipe would block the child.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func temporaryDirectory() -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dropviz-cli-\(getpid())-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
