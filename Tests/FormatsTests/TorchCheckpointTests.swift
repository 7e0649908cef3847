import Foundation
import XCTest
@testable import Formats
@testable import Runtime

/// The native `.pth` reader against files written by `torch.save` (tools/make_pth_fixtures.py):
/// every value is compared bit for bit with a safetensors twin written by `safetensors.torch`,
/// an independent writer read by the independent `SafeTensors` reader.
final class TorchCheckpointTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static func pth(_ name: String) -> URL { fixtures.appendingPathComponent("pth").appendingPathComponent(name) }

    /// Asserts that `reader`'s tensor `name` has the shape and bit patterns of `twin`'s `twinName`.
    func assertSameFloats(_ reader: TorchCheckpoint, _ name: String, _ twin: SafeTensors, _ twinName: String,
                          file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try reader.shape(name), try twin.shape(twinName), name, file: file, line: line)
        let got = try reader.floats(name).map(\.bitPattern), want = try twin.floats(twinName).map(\.bitPattern)
        XCTAssertEqual(got.count, want.count, name, file: file, line: line)
        if let i = got.indices.first(where: { i in i < want.count && got[i] != want[i] }) {
            XCTFail("\(name)[\(i)]: \(Float(bitPattern: got[i])) vs \(Float(bitPattern: want[i]))", file: file, line: line)
        }
    }

    func testTinyStateDictMatchesItsSafetensorsTwin() throws {
        let reader = try TorchCheckpoint(contentsOf: Self.pth("tiny_plain.pth"))
        let twin = try SafeTensors(contentsOf: Self.fixtures.appendingPathComponent("tiny_plain.safetensors"))
        XCTAssertEqual(reader.format, .zip)
        XCTAssertNil(reader.stateDictKey)
        let stateNames = twin.names.filter { !["input", "labels", "logits", "loss", "eval_logits"].contains($0)
            && !$0.hasPrefix("grad.") && !$0.hasPrefix("after.") }
        XCTAssertEqual(stateNames.count, 99)
        XCTAssertEqual(Set(reader.names.filter { !$0.hasSuffix("num_batches_tracked") }), Set(stateNames))
        for name in stateNames { try assertSameFloats(reader, name, twin, name) }
        // torchvision's order is kept, and every BatchNorm's int64 counter reads as what the script set.
        XCTAssertEqual(reader.names.first, "features.0.0.weight")
        let counters = reader.names.filter { $0.hasSuffix("num_batches_tracked") }
        XCTAssertEqual(counters.count, 17)
        for name in counters {
            XCTAssertEqual(try reader.int64s(name), [7])
            XCTAssertEqual(try reader.shape(name), [])
            XCTAssertEqual(try reader.dtype(name), "int64")
        }
        XCTAssertThrowsError(try reader.floats(counters[0])) { XCTAssertTrue("\($0)".contains("int64, not floating point"), "\($0)") }
    }

    func testEveryMicroVariantReadsTheSameValues() throws {
        let twin = try SafeTensors(contentsOf: Self.pth("micro.safetensors"))
        let cases: [(file: String, prefix: String, key: String?, format: TorchCheckpoint.Format)] = [
            ("micro.pth", "", nil, .zip), ("micro_legacy.pth", "", nil, .legacy),
            ("micro_module.pth", "module.", nil, .zip), ("micro_wrapped.pth", "model.", "state_dict", .zip),
        ]
        for c in cases {
            let reader = try TorchCheckpoint(contentsOf: Self.pth(c.file))
            XCTAssertEqual(reader.format, c.format, c.file)
            XCTAssertEqual(reader.stateDictKey, c.key, c.file)
            XCTAssertEqual(reader.names, twin.names.sorted { a, b in
                // torch's order: the module order of Micro, which the twin (sorted) does not keep.
                let order = ["features.0.0.weight", "features.0.1.weight", "features.0.1.bias", "features.0.1.running_mean",
                             "features.0.1.running_var", "features.0.1.num_batches_tracked", "features.1.0.weight",
                             "features.1.0.bias", "classifier.1.weight", "classifier.1.bias"]
                return order.firstIndex(of: a)! < order.firstIndex(of: b)!
            }.map { c.prefix + $0 }, c.file)
            for name in twin.names where !name.hasSuffix("num_batches_tracked") {
                try assertSameFloats(reader, c.prefix + name, twin, name)
            }
            // 123456789012 needs 64 bits: the int64 storage is read whole.
            XCTAssertEqual(try reader.int64s(c.prefix + "features.0.1.num_batches_tracked"), [123_456_789_012], c.file)
        }
        // nn.Parameter objects pickle through torch._utils._rebuild_parameter.
        let parameters = try TorchCheckpoint(contentsOf: Self.pth("micro_param.pth"))
        XCTAssertEqual(parameters.names.count, 7)
        for name in parameters.names { try assertSameFloats(parameters, name, twin, name) }
    }

    func testWrapperNotesSayWhichEntryWasUsed() throws {
        let reader = try TorchCheckpoint(contentsOf: Self.pth("micro_wrapped.pth"))
        XCTAssertTrue(reader.readingNotes.contains("state dict read from the checkpoint's 'state_dict' entry"), "\(reader.readingNotes)")
    }

    func testViewsDtypesAndSharedStorages() throws {
        let reader = try TorchCheckpoint(contentsOf: Self.pth("views.pth"))
        let twin = try SafeTensors(contentsOf: Self.pth("views.safetensors"))
        XCTAssertEqual(Set(reader.names), Set(twin.names))
        let dtypes = ["half": "float16", "bfloat16": "bfloat16", "double": "float64", "transposed": "float32",
                      "long": "int64", "int": "int32", "bool": "bool", "scalar": "float32"]
        for (name, dtype) in dtypes { XCTAssertEqual(try reader.dtype(name), dtype, name) }
        for name in twin.names {
            XCTAssertEqual(try reader.shape(name), try twin.shape(name), name)
            if twin.entries[name]!.dtype == .I64 {
                XCTAssertEqual(try reader.int64s(name), try twin.int64s(name), name)
            } else {
                try assertSameFloats(reader, name, twin, name)
            }
        }
        XCTAssertEqual(try reader.shape("transposed"), [7, 5])
        XCTAssertEqual(try reader.floats("empty"), [])
        XCTAssertEqual(try reader.floats("scalar"), [2.5])
    }

    func testForbiddenGlobalsAreRefusedByName() throws {
        for (file, global) in [("forbidden.pth", "posix.system"), ("forbidden_class.pth", "__main__.Config")] {
            let url = Self.pth(file)
            XCTAssertThrowsError(try TorchCheckpoint(contentsOf: url)) { error in
                XCTAssertEqual("\(error)", "\(url.path): refusing to unpickle \(global): only state dicts of tensors are read")
            }
        }
        // Also through a hand-written protocol-2 pickle: GLOBAL 'builtins eval', then STOP.
        let pickle = Data([0x80, 0x02]) + Data("cbuiltins\neval\n".utf8) + Data([0x2E])
        XCTAssertThrowsError(try TorchPickle(pickle, path: "x.pkl")) { error in
            XCTAssertEqual("\(error)", "x.pkl: refusing to unpickle builtins.eval: only state dicts of tensors are read")
        }
    }

    func testHandWrittenPickles() throws {
        // {"a": [1, -2, 3.5, True, None], "b": (b"xy", 2**64)} in protocol 2, memoised and re-fetched.
        var p = Data([0x80, 0x02, 0x7D, 0x71, 0x00, 0x28])
        p += Data([0x58, 1, 0, 0, 0]) + Data("a".utf8) + Data([0x5D, 0x71, 0x01, 0x28, 0x4B, 0x01, 0x4A, 0xFE, 0xFF, 0xFF, 0xFF])
        p += Data([0x47, 0x40, 0x0C, 0, 0, 0, 0, 0, 0, 0x88, 0x4E, 0x65])
        p += Data([0x58, 1, 0, 0, 0]) + Data("b".utf8) + Data([0x43, 2]) + Data("xy".utf8)
        p += Data([0x8A, 9, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0x86, 0x75, 0x68, 0x00, 0x2E])
        let parsed = try TorchPickle(p, path: "hand.pkl")
        XCTAssertEqual(parsed.end, p.count)
        guard case .dict(let d) = parsed.value, case .list(let a)? = d["a"], case .tuple(let b)? = d["b"] else {
            return XCTFail("wrong structure: \(parsed.value.kind)")
        }
        XCTAssertEqual(a.items.map(\.kind), ["int", "int", "float", "bool", "None"])
        if case .int(let n) = a.items[1] { XCTAssertEqual(n, -2) } else { XCTFail() }
        if case .float(let x) = a.items[2] { XCTAssertEqual(x, 3.5) } else { XCTFail() }
        if case .bytes(let x) = b[0] { XCTAssertEqual(x, Data("xy".utf8)) } else { XCTFail() }
        if case .bigInt(let x) = b[1] { XCTAssertEqual(Array(x), [0, 0, 0, 0, 0, 0, 0, 0, 1]) } else { XCTFail() }

        // _rebuild_tensor_v2(storage, 0, (2**62, 4), (4, 1), False, None): a crafted size is refused, not trapped on.
        func unicode(_ text: String) -> Data { Data([0x58, UInt8(text.utf8.count), 0, 0, 0]) + Data(text.utf8) }
        var t = Data([0x80, 0x02]) + Data("ctorch._utils\n_rebuild_tensor_v2\n".utf8) + Data([0x28, 0x28]) + unicode("storage")
        t += Data("ctorch\nFloatStorage\n".utf8) + unicode("0") + unicode("cpu") + Data([0x4B, 4, 0x74, 0x51, 0x4B, 0])
        t += Data([0x8A, 8, 0, 0, 0, 0, 0, 0, 0, 0x40, 0x4B, 4, 0x86, 0x4B, 4, 0x4B, 1, 0x86, 0x89, 0x4E, 0x74, 0x52, 0x2E])
        XCTAssertThrowsError(try TorchPickle(t, path: "t.pkl")) {
            XCTAssertEqual("\($0)", "t.pkl: pickle at byte 110: torch._utils._rebuild_tensor_v2: size [4611686018427387904, 4] with stride [4, 1] overflows")
        }
        t[t.count - 14] = 0  // the size's LONG1 now reads 0: a valid empty [0, 4] tensor
        let empty = try TorchPickle(t, path: "t.pkl")
        guard case .tensor(let ref) = empty.value else { return XCTFail("\(empty.value.kind)") }
        XCTAssertEqual(ref.shape, [0, 4])
        XCTAssertEqual(ref.storage.dtype, .float32)
        XCTAssertEqual(empty.storages["0"]?.count, 4)

        // An opcode torch.save never writes (INST, protocol 0) is named, not guessed at.
        XCTAssertThrowsError(try TorchPickle(Data([0x80, 0x02, 0x69]), path: "p.pkl")) {
            XCTAssertEqual("\($0)", "p.pkl: pickle at byte 2: unsupported pickle opcode 0x69 ('i') (only what torch.save writes is read)")
        }
        XCTAssertThrowsError(try TorchPickle(Data([0x80, 0x02, 0x58, 9, 0, 0]), path: "p.pkl")) {
            XCTAssertEqual("\($0)", "p.pkl: pickle ends early at byte 6 (truncated or corrupt file)")
        }
    }

    func testTruncatedAndCorruptFilesGiveOneLineNamingTheFile() throws {
        let whole = try Data(contentsOf: Self.pth("tiny_plain.pth"))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        func expectError(_ data: Data, _ name: String, _ fragment: String) throws {
            let url = directory.appendingPathComponent(name)
            try data.write(to: url)
            for open in [{ _ = try TorchCheckpoint(contentsOf: url) }, { _ = try Weights.open(url) }] {
                XCTAssertThrowsError(try open()) { error in
                    let text = "\(error)"
                    XCTAssertTrue(text.hasPrefix(url.path + ": "), text)
                    XCTAssertTrue(text.contains(fragment), "\(name): \(text)")
                    XCTAssertFalse(text.contains("\n"), text)
                }
            }
        }
        try expectError(whole.prefix(whole.count / 2), "half.pth", "no end-of-central-directory record")
        try expectError(whole.prefix(100), "head.pth", "no end-of-central-directory record")
        var flipped = whole
        let largest = try ZipArchive(data: whole, path: "").entries.max { $0.dataRange.count < $1.dataRange.count }!
        XCTAssertTrue(largest.name.hasPrefix("tiny_plain/data/"), largest.name)
        flipped[largest.dataRange.lowerBound + 17] ^= 0x40  // inside a storage record
        try expectError(flipped, "flipped.pth", "fails its CRC-32 check")
        var pickle = whole
        pickle[200] ^= 0x01  // inside data.pkl
        try expectError(pickle, "pickle.pth", "'tiny_plain/data.pkl' fails its CRC-32 check")
        let legacy = try Data(contentsOf: Self.pth("micro_legacy.pth"))
        try expectError(legacy.prefix(legacy.count - 10), "legacy.pth", "truncated")
        try expectError(legacy.prefix(40), "legacy_head.pth", "pickle ends early")
        try expectError(Data("hello world, not weights".utf8), "text.pth", "neither")
        try expectError(Data(), "empty.pth", "neither")
    }

    func testOpenChoosesTheReaderByContent() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Extensions that lie: a .pth copy of a safetensors file and a .safetensors copy of a .pth.
        let fakePth = directory.appendingPathComponent("weights.pth")
        let fakeSafetensors = directory.appendingPathComponent("weights.safetensors")
        try FileManager.default.copyItem(at: Self.pth("micro.safetensors"), to: fakePth)
        try FileManager.default.copyItem(at: Self.pth("micro_legacy.pth"), to: fakeSafetensors)
        XCTAssertTrue(try Weights.open(fakePth) is SafeTensors)
        XCTAssertTrue(try Weights.open(fakeSafetensors) is TorchCheckpoint)
        XCTAssertTrue(try Weights.open(Self.pth("micro.pth")) is TorchCheckpoint)
        // A safetensors header of 128 bytes starts the file with 0x80, a pickle's first byte.
        let json = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#
        var header = Data(json.utf8) + Data(repeating: 0x20, count: 128 - json.utf8.count)
        header = Data([0x80, 0, 0, 0, 0, 0, 0, 0]) + header + Data([0, 0, 0x80, 0x3F])
        let tricky = directory.appendingPathComponent("tricky.safetensors")
        try header.write(to: tricky)
        let opened = try Weights.open(tricky)
        XCTAssertTrue(opened is SafeTensors)
        XCTAssertEqual(try opened.floats("a"), [1])
        XCTAssertThrowsError(try Weights.open(directory.appendingPathComponent("absent.pth"))) {
            XCTAssertEqual("\($0)", "\(directory.path)/absent.pth: no such file")
        }
    }
}
