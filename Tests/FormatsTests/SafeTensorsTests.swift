import Foundation
import XCTest
@testable import Formats

/// Tests for the safetensors reader and writer against the format of huggingface/safetensors.
final class SafeTensorsTests: XCTestCase {
    // MARK: Helpers

    /// A file with `header` used verbatim (no padding) and length prefix `headerLength` (its byte count by default).
    func rawFile(_ header: String, data: [UInt8] = [], headerLength: UInt64? = nil) -> Data {
        rawFile(Array(header.utf8), data: data, headerLength: headerLength)
    }

    func rawFile(_ header: [UInt8], data: [UInt8] = [], headerLength: UInt64? = nil) -> Data {
        var bytes: [UInt8] = []
        let n = headerLength ?? UInt64(header.count)
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: n >> UInt64(shift))) }
        return Data(bytes + header + data)
    }

    /// Little-endian bytes of an integer, built by shifting (independent of the code under test).
    func le<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0 ..< MemoryLayout<T>.size).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    /// Asserts that parsing `data` fails with a one-line `.safetensors` error naming the file and containing `fragments`.
    func assertRejects(
        _ data: Data, _ fragments: String..., file: StaticString = #filePath, line: UInt = #line
    ) {
        let path = "fixtures/bad.safetensors"
        do {
            let parsed = try SafeTensors(data: data, path: path)
            XCTFail("expected an error containing \(fragments), parsed \(parsed.names)", file: file, line: line)
        } catch let error as RuntimeError {
            guard case .safetensors(let errorPath, _) = error else {
                return XCTFail("expected .safetensors, got \(error)", file: file, line: line)
            }
            XCTAssertEqual(errorPath, path, file: file, line: line)
            let message = error.description
            XCTAssertTrue(message.hasPrefix(path + ": "), "message should start with the path: \(message)", file: file, line: line)
            XCTAssertFalse(message.contains("\n"), "message should be one line: \(message)", file: file, line: line)
            for fragment in fragments {
                XCTAssertTrue(message.contains(fragment), "'\(message)' should contain '\(fragment)'", file: file, line: line)
            }
        } catch {
            XCTFail("expected RuntimeError, got \(type(of: error)): \(error)", file: file, line: line)
        }
    }

    /// Asserts that `body` throws a RuntimeError whose description contains `fragments`.
    func assertThrows<T>(
        _ fragments: String..., file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> T
    ) {
        do {
            _ = try body()
            XCTFail("expected an error containing \(fragments)", file: file, line: line)
        } catch let error as RuntimeError {
            for fragment in fragments {
                XCTAssertTrue(error.description.contains(fragment), "'\(error)' should contain '\(fragment)'", file: file, line: line)
            }
        } catch {
            XCTFail("expected RuntimeError, got \(type(of: error)): \(error)", file: file, line: line)
        }
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("SafeTensorsTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Where `needle` first occurs in `haystack`, or nil.
    func offset(of needle: String, in haystack: String) -> Int? {
        haystack.range(of: needle).map { haystack.distance(from: haystack.startIndex, to: $0.lowerBound) }
    }

    // MARK: The spec's golden example

    func testGoldenBytesMatchTheReferenceWriter() throws {
        let values: [Float] = [1, -2.5, 0.5, 0, 65504, 3]
        var writer = SafeTensorsWriter()
        try writer.add("attn.0", floats: values, shape: [1, 2, 3])
        let file = writer.serialized()

        let header = #"{"attn.0":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]}}"#
        var expected: [UInt8] = [0x40, 0, 0, 0, 0, 0, 0, 0]
        expected += Array(header.utf8)
        expected += Array(repeating: 0x20, count: 64 - header.utf8.count)
        for value in values { expected += le(value.bitPattern) }
        XCTAssertEqual(Array(file.prefix(8)), [0x40, 0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(file.count, 8 + 64 + 24)
        XCTAssertEqual(Array(file), expected)
        // Spot-check the data encoding against IEEE constants: 1.0 is 0x3F800000, -2.5 is 0xC0200000.
        XCTAssertEqual(Array(file[72 ..< 80]), [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0])

        let parsed = try SafeTensors(data: file)
        XCTAssertEqual(parsed.names, ["attn.0"])
        XCTAssertEqual(parsed.entries["attn.0"]?.byteRange, 0 ..< 24)
        XCTAssertEqual(parsed.entries["attn.0"]?.dtype, .F32)
        XCTAssertEqual(try parsed.shape("attn.0"), [1, 2, 3])
        XCTAssertEqual(try parsed.floats("attn.0"), values)
        XCTAssertEqual(parsed.path, "<memory>")
        XCTAssertTrue(parsed.metadata.isEmpty)
    }

    func testEmptyWriterProducesPaddedEmptyObject() throws {
        let file = SafeTensorsWriter().serialized()
        XCTAssertEqual(Array(file), [8, 0, 0, 0, 0, 0, 0, 0] + Array("{}      ".utf8))
        let parsed = try SafeTensors(data: file)
        XCTAssertTrue(parsed.entries.isEmpty)
    }

    func testDTypeSizes() {
        let expected: [SafeTensorsDType: Int] = [
            .BOOL: 1, .U8: 1, .I8: 1, .F8_E5M2: 1, .F8_E4M3: 1, .I16: 2, .U16: 2, .F16: 2, .BF16: 2,
            .I32: 4, .U32: 4, .F32: 4, .F64: 8, .I64: 8, .U64: 8,
        ]
        XCTAssertEqual(SafeTensorsDType.allCases.count, expected.count)
        for dtype in SafeTensorsDType.allCases { XCTAssertEqual(dtype.byteSize, expected[dtype], "\(dtype)") }
    }

    // MARK: Round trips

    func testRoundTripOfEveryDTypeThroughAFile() throws {
        var writer = SafeTensorsWriter(metadata: ["format": "pt", "epoch": "12"])
        var expectedBytes: [String: (SafeTensorsDType, [Int], Data)] = [:]
        for (index, dtype) in SafeTensorsDType.allCases.enumerated() {
            let shape = [2, 3]
            let bytes = Data((0 ..< 6 * dtype.byteSize).map { UInt8(truncatingIfNeeded: $0 * 7 + index) })
            let name = "t.\(dtype.rawValue.lowercased())"
            try writer.add(name, dtype: dtype, shape: shape, bytes: bytes)
            expectedBytes[name] = (dtype, shape, bytes)
        }
        let floats: [Float] = (0 ..< 1000).map { Float($0) * 0.37 - 100 }
        try writer.add("weights", floats: floats, shape: [10, 100])
        let ints: [Int64] = [Int64.min, -1, 0, 1, Int64.max]
        try writer.add("step", int64s: ints, shape: [5])

        let url = try temporaryDirectory().appendingPathComponent("all.safetensors")
        try writer.write(to: url)
        let parsed = try SafeTensors(contentsOf: url)
        XCTAssertEqual(parsed.path, url.path)
        XCTAssertEqual(parsed.metadata, ["format": "pt", "epoch": "12"])
        XCTAssertEqual(parsed.names, (Array(expectedBytes.keys) + ["weights", "step"]).sorted())
        for (name, (dtype, shape, bytes)) in expectedBytes {
            XCTAssertEqual(parsed.entries[name]?.dtype, dtype, name)
            XCTAssertEqual(parsed.entries[name]?.name, name)
            XCTAssertEqual(try parsed.shape(name), shape, name)
            XCTAssertEqual(try parsed.bytes(name), bytes, name)
        }
        XCTAssertEqual(try parsed.floats("weights"), floats)
        XCTAssertEqual(try parsed.doubles("weights"), floats.map(Double.init))
        XCTAssertEqual(try parsed.int64s("step"), ints)
        XCTAssertEqual(try parsed.shape("weights"), [10, 100])
        // Every byte is accounted for: the data section is exactly the sum of the tensors.
        let total = parsed.entries.values.map(\.byteRange.count).reduce(0, +)
        XCTAssertEqual(parsed.entries.values.map(\.byteRange.upperBound).max(), total)
    }

    func testScalarsAndZeroSizeTensors() throws {
        var writer = SafeTensorsWriter()
        try writer.add("scalar", floats: [3.5], shape: [])
        try writer.add("count", int64s: [42], shape: [])
        try writer.add("empty", floats: [], shape: [0, 3])
        try writer.add("empty2", floats: [], shape: [2, 0])
        try writer.add("empty.i", int64s: [], shape: [0])
        try writer.add("empty.u8", dtype: .U8, shape: [4, 0, 2], bytes: Data())
        let parsed = try SafeTensors(data: writer.serialized())
        XCTAssertEqual(try parsed.floats("scalar"), [3.5])
        XCTAssertEqual(try parsed.shape("scalar"), [])
        XCTAssertEqual(parsed.entries["scalar"]?.byteRange.count, 4)
        XCTAssertEqual(parsed.entries["scalar"]?.count, 1)
        XCTAssertEqual(try parsed.int64s("count"), [42])
        XCTAssertEqual(try parsed.floats("empty"), [])
        XCTAssertEqual(try parsed.shape("empty"), [0, 3])
        XCTAssertEqual(try parsed.shape("empty2"), [2, 0])
        XCTAssertEqual(try parsed.int64s("empty.i"), [])
        XCTAssertEqual(try parsed.bytes("empty.u8"), Data())
        XCTAssertEqual(try parsed.shape("empty.u8"), [4, 0, 2])
        for name in ["empty", "empty2", "empty.i", "empty.u8"] {
            XCTAssertEqual(parsed.entries[name]?.byteRange.count, 0, name)
            XCTAssertEqual(parsed.entries[name]?.count, 0, name)
        }

        assertThrows("has 2 values but F32 [] needs 1") { try writer.add("bad", floats: [1, 2], shape: []) }
        assertThrows("has 1 values but F32 [0,3] needs 0") { try writer.add("bad", floats: [1], shape: [0, 3]) }
    }

    func testZeroSizeTensorsMayShareAnOffsetWithTheirNeighbours() throws {
        let header = #"{"b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[0],"data_offsets":[0,0]},"#
            + #""c":{"dtype":"I64","shape":[0,5],"data_offsets":[4,4]}}"#
        let parsed = try SafeTensors(data: rawFile(header, data: le(Float(2).bitPattern)))
        XCTAssertEqual(parsed.names, ["a", "b", "c"])
        XCTAssertEqual(try parsed.floats("b"), [2])
        XCTAssertEqual(try parsed.int64s("c"), [])
    }

    func testWriterOrdersByDescendingDTypeThenNameAndPutsMetadataFirst() throws {
        var writer = SafeTensorsWriter(metadata: ["z": "last", "a": "first"])
        let bytes = { (dtype: SafeTensorsDType) in Data(repeating: 1, count: dtype.byteSize) }
        for (name, dtype) in [("z", SafeTensorsDType.U8), ("b", .F32), ("a", .F32), ("c", .F64), ("d", .I64),
                              ("e", .I32), ("f", .BF16), ("g", .F16), ("B", .F32), ("h", .BOOL), ("u", .U64)] {
            try writer.add(name, dtype: dtype, shape: [1], bytes: bytes(dtype))
        }
        let file = writer.serialized()
        let parsed = try SafeTensors(data: file)
        let layout = parsed.entries.values.sorted { $0.byteRange.lowerBound < $1.byteRange.lowerBound }.map(\.name)
        // Reference order: U64 > I64 > F64 > F32 > I32 > BF16 > F16 > U8 > BOOL; names bytewise ("B" < "a").
        XCTAssertEqual(layout, ["u", "d", "c", "B", "a", "b", "e", "f", "g", "z", "h"])

        let n = Int(file.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
        XCTAssertEqual(n % 8, 0)
        let header = String(decoding: file[8 ..< 8 + n], as: UTF8.self)
        XCTAssertTrue(header.hasPrefix(#"{"__metadata__":{"a":"first","z":"last"},"u":{"dtype":"U64","shape":[1],"data_offsets":[0,8]},"#), header)
        let positions = layout.map { offset(of: "\"\($0)\":{\"dtype\"", in: header) ?? -1 }
        XCTAssertEqual(positions, positions.sorted(), "header keys follow the data layout")
        XCTAssertFalse(positions.contains(-1))
    }

    func testMetadataAndNamesWithSpecialCharactersRoundTrip() throws {
        let metadata = [
            "quote": "say \"hi\"", "backslash": #"C:\x"#, "newline": "a\nb\r\tc", "control": "\u{01}\u{08}\u{0C}\u{1F}",
            "unicode": "é日本🙂", "slash": "a/b", "empty": "",
        ]
        var writer = SafeTensorsWriter(metadata: metadata)
        try writer.add("layer \"1\"/weight\\é", floats: [1], shape: [1])
        let file = writer.serialized()
        let parsed = try SafeTensors(data: file)
        XCTAssertEqual(parsed.metadata, metadata)
        XCTAssertEqual(parsed.names, ["layer \"1\"/weight\\é"])

        let header = String(decoding: file.dropFirst(8), as: UTF8.self)
        // serde_json escaping: short escapes where JSON has them, \u00XX (lowercase) for other controls, '/' and non-ASCII raw.
        XCTAssertTrue(header.contains(#""control":"\u0001\b\f\u001f""#), header)
        XCTAssertTrue(header.contains(#""newline":"a\nb\r\tc""#), header)
        XCTAssertTrue(header.contains(#""quote":"say \"hi\"""#), header)
        XCTAssertTrue(header.contains(#""backslash":"C:\\x""#), header)
        XCTAssertTrue(header.contains(#""slash":"a/b""#), header)
        XCTAssertTrue(header.contains(#""unicode":"é日本🙂""#), header)
        XCTAssertTrue(header.contains(#""layer \"1\"/weight\\é":{"#), header)
    }

    func testReaderDecodesJSONEscapesAndToleratesWhitespaceAndUnknownFields() throws {
        let header = " \n{ \"\\u00e9\\ud83d\\ude42\\/x\" : { \"shape\" : [ 1 ] , \"extra\": [true, false, null, {\"k\": -1.5e3}],"
            + " \"dtype\" : \"U8\" , \"data_offsets\" : [ 0 , 1 ] } ,\"__metadata__\":{\"k\\tey\":\"v\\\"\"} }\t  "
        let parsed = try SafeTensors(data: rawFile(header, data: [7]))
        XCTAssertEqual(parsed.names, ["é🙂/x"])
        XCTAssertEqual(try parsed.int64s("é🙂/x"), [7])
        XCTAssertEqual(parsed.metadata, ["k\tey": "v\""])
    }

    // MARK: Conversions

    func testF16ConversionOfKnownValues() throws {
        let cases: [(UInt16, Float)] = [
            (0x3C00, 1), (0xC100, -2.5), (0x7BFF, 65504), (0xFBFF, -65504), (0x0000, 0), (0x3555, 0.333251953125),
            (0x0001, 0x1p-24), (0x03FF, 1023 * 0x1p-24), (0x0400, 0x1p-14), (0x7C00, .infinity), (0xFC00, -.infinity),
            (0x4248, 3.140625), (0x3800, 0.5),
        ]
        let file = try fileWith("h", .F16, bits: cases.map(\.0) + [0x8000, 0x7E00, 0xFE01])
        let floats = try file.floats("h")
        let doubles = try file.doubles("h")
        for (index, (bits, value)) in cases.enumerated() {
            XCTAssertEqual(floats[index], value, "F16 0x\(String(bits, radix: 16))")
            XCTAssertEqual(doubles[index], Double(value), "F16 0x\(String(bits, radix: 16))")
        }
        XCTAssertEqual(floats[cases.count], 0)
        XCTAssertEqual(floats[cases.count].sign, .minus, "0x8000 is -0")
        XCTAssertTrue(floats[cases.count + 1].isNaN)
        XCTAssertTrue(floats[cases.count + 2].isNaN)
        XCTAssertTrue(doubles[cases.count + 2].isNaN)
    }

    #if !(os(macOS) && arch(x86_64))
    func testF16ConversionOfEveryBitPatternMatchesFloat16() throws {
        let bits = (0 ... UInt16.max).map { $0 }
        let floats = try fileWith("h", .F16, bits: bits).floats("h")
        for (pattern, value) in zip(bits, floats) {
            let reference = Float(Float16(bitPattern: pattern))
            if reference.isNaN {
                XCTAssertTrue(value.isNaN, "F16 0x\(String(pattern, radix: 16))")
            } else {
                XCTAssertEqual(value.bitPattern, reference.bitPattern, "F16 0x\(String(pattern, radix: 16))")
            }
        }
    }
    #endif

    func testBF16ConversionOfKnownValues() throws {
        let cases: [(UInt16, Float)] = [
            (0x3F80, 1), (0xC020, -2.5), (0x4049, 3.140625), (0x7F80, .infinity), (0xFF80, -.infinity), (0x0000, 0),
            (0x477F, 65280), (0x3F00, 0.5), (0x0080, 0x1p-126), (0x0001, 0x1p-133),
        ]
        let file = try fileWith("b", .BF16, bits: cases.map(\.0) + [0x7FC0])
        let floats = try file.floats("b")
        let doubles = try file.doubles("b")
        for (index, (bits, value)) in cases.enumerated() {
            XCTAssertEqual(floats[index], value, "BF16 0x\(String(bits, radix: 16))")
            XCTAssertEqual(doubles[index], Double(value), "BF16 0x\(String(bits, radix: 16))")
        }
        XCTAssertTrue(floats[cases.count].isNaN)
    }

    func testF64AndF32Conversions() throws {
        var writer = SafeTensorsWriter()
        let doubles: [Double] = [0.1, -1e300, 1.0 / 3.0, 0]
        try writer.add("d", dtype: .F64, shape: [4], bytes: Data(doubles.flatMap { le($0.bitPattern) }))
        try writer.add("f", floats: [0.1, -3], shape: [2])
        let parsed = try SafeTensors(data: writer.serialized())
        XCTAssertEqual(try parsed.doubles("d"), doubles)
        XCTAssertEqual(try parsed.floats("d"), [Float(0.1), -.infinity, Float(1.0 / 3.0), 0])
        XCTAssertEqual(try parsed.doubles("f"), [Double(Float(0.1)), -3])
    }

    func testIntegerConversions() throws {
        var writer = SafeTensorsWriter()
        try writer.add("u8", dtype: .U8, shape: [2], bytes: Data([0, 0xFF]))
        try writer.add("i8", dtype: .I8, shape: [3], bytes: Data([0xFF, 0x80, 0x7F]))
        try writer.add("u16", dtype: .U16, shape: [2], bytes: Data([0xFF, 0xFF, 0x34, 0x12]))
        try writer.add("i16", dtype: .I16, shape: [2], bytes: Data([0xFF, 0xFF, 0x00, 0x80]))
        try writer.add("u32", dtype: .U32, shape: [1], bytes: Data([0xFF, 0xFF, 0xFF, 0xFF]))
        try writer.add("i32", dtype: .I32, shape: [2], bytes: Data([0xFE, 0xFF, 0xFF, 0xFF, 0x01, 0x02, 0x03, 0x04]))
        try writer.add("u64", dtype: .U64, shape: [2], bytes: Data(le(UInt64(5)) + le(UInt64(Int64.max))))
        try writer.add("u64.big", dtype: .U64, shape: [2], bytes: Data(le(UInt64(1)) + le(UInt64.max)))
        try writer.add("bool", dtype: .BOOL, shape: [3], bytes: Data([0, 1, 2]))
        let parsed = try SafeTensors(data: writer.serialized(), path: "ints.safetensors")
        XCTAssertEqual(try parsed.int64s("u8"), [0, 255])
        XCTAssertEqual(try parsed.int64s("i8"), [-1, -128, 127])
        XCTAssertEqual(try parsed.int64s("u16"), [65535, 0x1234])
        XCTAssertEqual(try parsed.int64s("i16"), [-1, -32768])
        XCTAssertEqual(try parsed.int64s("u32"), [4_294_967_295])
        XCTAssertEqual(try parsed.int64s("i32"), [-2, 0x0403_0201])
        XCTAssertEqual(try parsed.int64s("u64"), [5, Int64.max])
        XCTAssertEqual(try parsed.int64s("bool"), [0, 1, 1])
        assertThrows("ints.safetensors: ", "'u64.big'", "18446744073709551615", "index 1") { try parsed.int64s("u64.big") }
    }

    func testAccessorsRejectWrongDTypesAndUnknownNames() throws {
        var writer = SafeTensorsWriter()
        try writer.add("w", floats: [1], shape: [1])
        try writer.add("n", int64s: [1], shape: [1])
        try writer.add("q", dtype: .F8_E4M3, shape: [1], bytes: Data([0x38]))
        let parsed = try SafeTensors(data: writer.serialized(), path: "m.safetensors")
        assertThrows("m.safetensors: ", "tensor 'w'", "F32", "int64s()") { try parsed.int64s("w") }
        assertThrows("m.safetensors: ", "tensor 'n'", "I64", "floats()") { try parsed.floats("n") }
        assertThrows("tensor 'n'", "I64", "doubles()") { try parsed.doubles("n") }
        assertThrows("tensor 'q'", "F8_E4M3", "floats()") { try parsed.floats("q") }
        assertThrows("m.safetensors: ", "no tensor named 'missing'") { try parsed.floats("missing") }
        assertThrows("no tensor named 'missing'") { try parsed.shape("missing") }
        assertThrows("no tensor named 'missing'") { try parsed.bytes("missing") }
        XCTAssertEqual(try parsed.bytes("q"), Data([0x38]))
    }

    // MARK: Files

    func testAtomicWriteReplacesTheFileAndLeavesNoTemporaries() throws {
        let directory = try temporaryDirectory()
        let url = directory.appendingPathComponent("best.safetensors")
        var first = SafeTensorsWriter(metadata: ["epoch": "1"])
        try first.add("w", floats: Array(repeating: 1, count: 1000), shape: [1000])
        try first.write(to: url)
        XCTAssertEqual(try Data(contentsOf: url), first.serialized())

        var second = SafeTensorsWriter(metadata: ["epoch": "2"])
        try second.add("w", floats: [2, 3], shape: [2])
        try second.write(to: url)
        XCTAssertEqual(try Data(contentsOf: url), second.serialized())
        let reread = try SafeTensors(contentsOf: url)
        XCTAssertEqual(reread.metadata, ["epoch": "2"])
        XCTAssertEqual(try reread.floats("w"), [2, 3])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["best.safetensors"])
    }

    func testFailedWritesReportTheFileAndLeaveNothingBehind() throws {
        let directory = try temporaryDirectory()
        var writer = SafeTensorsWriter()
        try writer.add("w", floats: [1], shape: [1])

        let missing = directory.appendingPathComponent("no/such/dir/model.safetensors")
        do {
            try writer.write(to: missing)
            XCTFail("writing into a missing directory should fail")
        } catch let error as RuntimeError {
            guard case .io(let path, _) = error else { return XCTFail("expected .io, got \(error)") }
            XCTAssertEqual(path, missing.path)
            XCTAssertTrue(error.description.hasPrefix(missing.path + ": "), error.description)
        }

        // The target is a non-empty directory: the rename fails after the temporary was written.
        let occupied = directory.appendingPathComponent("occupied")
        try FileManager.default.createDirectory(at: occupied.appendingPathComponent("child"), withIntermediateDirectories: true)
        assertThrows(occupied.path + ": ", "rename") { try writer.write(to: occupied) }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["occupied"])
    }

    func testReadingMissingFileIsAnIOError() throws {
        let url = try temporaryDirectory().appendingPathComponent("absent.safetensors")
        do {
            _ = try SafeTensors(contentsOf: url)
            XCTFail("expected an error")
        } catch let error as RuntimeError {
            guard case .io(let path, _) = error else { return XCTFail("expected .io, got \(error)") }
            XCTAssertEqual(path, url.path)
            XCTAssertEqual(error.description, "\(url.path): no such file")
        }
    }

    func testErrorDescriptionIsPathThenProblem() {
        let error = RuntimeError.safetensors(path: "checkpoints/best.safetensors", problem: "tensor 'x' is wrong")
        XCTAssertEqual(error.description, "checkpoints/best.safetensors: tensor 'x' is wrong")
        XCTAssertEqual(error.localizedDescription, error.description)
        XCTAssertEqual(RuntimeError.io(path: "a", problem: "b").description, "a: b")
    }

    // MARK: Fixture builders

    /// A parsed file holding one 1-D tensor of 16-bit words.
    private func fileWith(_ name: String, _ dtype: SafeTensorsDType, bits: [UInt16]) throws -> SafeTensors {
        var writer = SafeTensorsWriter()
        try writer.add(name, dtype: dtype, shape: [bits.count], bytes: Data(bits.flatMap { le($0) }))
        return try SafeTensors(data: writer.serialized())
    }
}
