import Foundation

/// Fashion-MNIST (Xiao, Rasul & Vollgraf 2017): 70,000 grey 28×28 images of clothing in 10
/// classes, read from the IDX files of Debian's `dataset-fashion-mnist` package. The files are
/// found through `dpkg -L`, so a packaging change of the directory does not break them.
///
/// `fashion-mnist` is all 70,000 images (the 60,000 training then the 10,000 test ones);
/// `fashion-mnist:N` a seeded subset of N of them, drawn from the data stream.
public enum FashionMNIST {
    public static let name = "fashion-mnist"
    public static let package = "dataset-fashion-mnist"
    public static let side = 28
    public static let classNames = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
    static let files = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                        "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]

    /// Whether `name` is this set, with the subset size it asks for (nil: all of it).
    public static func matches(_ name: String) throws -> (Bool, Int?) {
        if name == Self.name { return (true, nil) }
        guard name.hasPrefix(Self.name + ":") else { return (false, nil) }
        let tail = name.dropFirst(Self.name.count + 1)
        guard let n = Int(tail), n >= 2, n <= 70_000 else {
            throw DropvizError("'\(name)': the subset size after 'fashion-mnist:' must be a whole number from 2 to 70000")
        }
        return (true, n)
    }

    /// The package's four files (the `.gz` or plain IDX), or nil when it is not installed.
    /// (`name`: another package, for the test of a missing one.)
    public static func installedFiles(package name: String = package) -> [String]? {
        guard let out = run("/usr/bin/dpkg", ["-L", name]) else { return nil }
        let listing = String(decoding: out, as: UTF8.self)
        let paths = listing.split(separator: "\n").map(String.init)
        var found: [String] = []
        for f in files {
            guard let path = paths.first(where: { $0.hasSuffix("/" + f + ".gz") || $0.hasSuffix("/" + f) }),
                  FileManager.default.fileExists(atPath: path) else { return nil }
            found.append(path)
        }
        return found
    }

    public static func load(count: Int? = nil, package name: String = package, rng: inout Xoshiro) throws -> Dataset {
        guard let paths = installedFiles(package: name) else {
            throw DropvizError("Fashion-MNIST is not installed: install the Debian package \(name) (apt-get install \(name))")
        }
        let trainImages = try idx(paths[0], magic: 0x803), trainLabels = try idx(paths[1], magic: 0x801)
        let testImages = try idx(paths[2], magic: 0x803), testLabels = try idx(paths[3], magic: 0x801)
        let pixels = side * side
        for (images, labels) in [(trainImages, trainLabels), (testImages, testLabels)] {
            guard images.count == labels.count, images.rowBytes == pixels, labels.rowBytes == 1 else {
                throw DropvizError("Fashion-MNIST: the files of \(package) do not have the expected shapes")
            }
        }
        var order = Array(0..<(trainImages.count + testImages.count))
        if let n = count {
            order.seededShuffle(using: &rng)
            order = Array(order.prefix(n)).sorted()
        }
        let labelBytes = [trainLabels.payload, testLabels.payload]
        var x = Matrix(rows: order.count, cols: pixels)
        var y: [Int] = []
        y.reserveCapacity(order.count)
        for (i, example) in order.enumerated() {
            let part = example < trainImages.count ? 0 : 1
            let r = part == 0 ? example : example - trainImages.count
            let images = part == 0 ? trainImages.payload : testImages.payload
            let base = images.startIndex + r * pixels
            for j in 0..<pixels { x[i, j] = Float(images[base + j]) }
            let label = Int(labelBytes[part][labelBytes[part].startIndex + r])
            guard label < 10 else { throw DropvizError("Fashion-MNIST: label \(label) out of range in \(paths[part * 2 + 1])") }
            y.append(label)
        }
        var set = Dataset(name: name, features: x, targets: .classes(y), task: .classification(classes: 10),
                          classNames: classNames)
        set.labelKeys = (0..<10).map(String.init)
        return set
    }

    /// An IDX file: a magic number, the dimensions (big-endian 32-bit), then unsigned bytes.
    struct IDX {
        var count: Int
        var rowBytes: Int
        var payload: Data
    }

    static func idx(_ path: String, magic: UInt32) throws -> IDX {
        let bytes = try read(path)
        func word(_ i: Int) -> UInt32 {
            let b = bytes.startIndex + i * 4
            return UInt32(bytes[b]) << 24 | UInt32(bytes[b + 1]) << 16 | UInt32(bytes[b + 2]) << 8 | UInt32(bytes[b + 3])
        }
        guard bytes.count >= 8, word(0) == magic else { throw DropvizError("\(path): not an IDX file of the expected kind") }
        let dims = Int(magic & 0xff)
        guard bytes.count >= 4 * (1 + dims) else { throw DropvizError("\(path): truncated IDX header") }
        let shape = (1...dims).map { Int(word($0)) }
        let count = shape[0]
        let rowBytes = shape.dropFirst().reduce(1, *)
        let start = 4 * (1 + dims)
        guard bytes.count - start == count * rowBytes else {
            throw DropvizError("\(path): \(bytes.count - start) data bytes, the header announces \(count * rowBytes)")
        }
        return IDX(count: count, rowBytes: rowBytes, payload: bytes.subdata(in: (bytes.startIndex + start)..<bytes.endIndex))
    }

    /// The file's bytes, through `gzip -dc` when it is compressed (Foundation on Linux cannot
    /// inflate, and every Debian system has gzip).
    static func read(_ path: String) throws -> Data {
        guard path.hasSuffix(".gz") else {
            guard let d = FileManager.default.contents(atPath: path) else { throw DropvizError("cannot read '\(path)'") }
            return d
        }
        guard let data = run("/bin/gzip", ["-dc", path]) else {
            throw DropvizError("'\(path)' could not be decompressed with gzip")
        }
        return data
    }

    /// A tool's standard output, or nil when it cannot run or fails.
    static func run(_ tool: String, _ arguments: [String]) -> Data? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return p.terminationStatus == 0 ? data : nil
    }
}
