import Foundation
import XCTest
@testable import Formats

/// What the reader refuses: every malformed header, entry, size and truncation.
extension SafeTensorsTests {
    // MARK: Validation

    func testRejectsTruncatedAndOversizedHeaders() {
        assertRejects(Data(), "0 bytes", "truncated file")
        assertRejects(Data([1, 2, 3]), "3 bytes", "truncated file")
        assertRejects(rawFile("{}", headerLength: 100), "header length 100", "file has 10", "truncated header")
        assertRejects(rawFile("{}", headerLength: 100_000_001), "header length 100000001", "header too large")
        assertRejects(rawFile("{}", headerLength: UInt64.max), "header too large")
    }

    func testRejectsMalformedJSON() {
        assertRejects(rawFile(""), "invalid header JSON", "end of header")
        assertRejects(rawFile(#"{"a":"#), "invalid header JSON")
        assertRejects(rawFile(#"{"a":{"dtype":"F32","shape":[],"data_offsets":[0,4]},}"#, data: [0, 0, 0, 0]), "invalid header JSON")
        assertRejects(rawFile(#"{"a":1} x"#), "invalid header JSON", "after the JSON value")
        assertRejects(rawFile(#"{'a':1}"#), "invalid header JSON", "expected a string key")
        assertRejects(rawFile("{\"a\u{01}\":1}"), "invalid header JSON", "control character")
        assertRejects(rawFile(#"{"\ud800":1}"#), "invalid header JSON", "surrogate")
        assertRejects(rawFile(#"{"\q":1}"#), "invalid header JSON", "invalid escape")
        assertRejects(rawFile(#"{"a":01}"#), "invalid header JSON")
        assertRejects(rawFile(#"{"a":tru}"#), "invalid header JSON")
        assertRejects(rawFile(String(repeating: "[", count: 200) + String(repeating: "]", count: 200)), "nested deeper")
        assertRejects(rawFile([UInt8(ascii: "{"), UInt8(ascii: "\""), 0xFF, UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: "1"), UInt8(ascii: "}")]), "not valid UTF-8")
        assertRejects(rawFile("[1]"), "JSON array, expected an object")
    }

    func testRejectsDuplicateKeys() {
        let tensor = #"{"dtype":"U8","shape":[1],"data_offsets":[0,1]}"#
        assertRejects(rawFile(#"{"a":\#(tensor),"a":\#(tensor)}"#, data: [1]), "duplicate key 'a'")
        assertRejects(rawFile(#"{"a":{"dtype":"U8","dtype":"U8","shape":[1],"data_offsets":[0,1]}}"#, data: [1]), "duplicate key 'dtype'")
        assertRejects(rawFile(#"{"__metadata__":{"k":"1","k":"2"},"a":\#(tensor)}"#, data: [1]), "duplicate key 'k'")
        assertRejects(rawFile(#"{"__metadata__":{},"a":\#(tensor),"__metadata__":{}}"#, data: [1]), "duplicate key '__metadata__'")
        // Escapes are decoded before comparing: "\u0061" is "a".
        assertRejects(rawFile(#"{"a":\#(tensor),"\u0061":\#(tensor)}"#, data: [1]), "duplicate key 'a'")
    }

    func testRejectsBadTensorEntries() {
        assertRejects(rawFile(#"{"a":{"dtype":"F33","shape":[1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]), "tensor 'a'", "unknown dtype 'F33'")
        assertRejects(rawFile(#"{"a":{"dtype":"f32","shape":[1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]), "unknown dtype 'f32'")
        assertRejects(rawFile(#"{"a":{"dtype":4,"shape":[1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]), "tensor 'a'", "dtype")
        assertRejects(rawFile(#"{"a":{"dtype":"F32","data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]), "tensor 'a' has no \"shape\"")
        assertRejects(rawFile(#"{"a":{"dtype":"F32","shape":[1]}}"#, data: [0, 0, 0, 0]), "tensor 'a' has no \"data_offsets\"")
        assertRejects(rawFile(#"{"a":{"shape":[1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]), "tensor 'a' has no \"dtype\"")
        assertRejects(rawFile(#"{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]), "shape element -1", "non-negative integer")
        assertRejects(rawFile(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4.0]}}"#, data: [0, 0, 0, 0]), "data_offsets element 4.0")
        assertRejects(rawFile(#"{"a":{"dtype":"F32","shape":1,"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]), "shape of JSON number")
        assertRejects(rawFile(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4,8]}}"#, data: [0, 0, 0, 0]), "3 data_offsets, expected 2")
        assertRejects(rawFile(#"{"a":{"dtype":"F32","shape":[99999999999999999999],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]), "non-negative integer")
        assertRejects(rawFile(#"{"a":{"dtype":"U8","shape":[4294967296,4294967296],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]), "overflows")
        assertRejects(rawFile(#"{"a":[1]}"#), "tensor 'a' is a JSON array")
        assertRejects(rawFile(#"{"__metadata__":{"k":1}}"#), "__metadata__ key 'k'", "expected a string")
        assertRejects(rawFile(#"{"__metadata__":["k"]}"#), "__metadata__ is a JSON array")
    }

    func testRejectsSizeMismatch() {
        assertRejects(
            rawFile(#"{"features.0.0.weight":{"dtype":"F32","shape":[2,3],"data_offsets":[0,20]}}"#, data: Array(repeating: 0, count: 20)),
            "tensor 'features.0.0.weight' has data_offsets [0, 20] but F32 [2,3] needs 24 bytes")
        assertRejects(
            rawFile(#"{"s":{"dtype":"F64","shape":[],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]),
            "tensor 's' has data_offsets [0, 4] but F64 [] needs 8 bytes")
        assertRejects(rawFile(#"{"a":{"dtype":"U8","shape":[0],"data_offsets":[4,2]}}"#, data: [0, 0, 0, 0]), "[4, 2]", "end before begin")
    }

    func testRejectsGapsOverlapsAndBadStart() {
        let a = #""a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}"#
        assertRejects(
            rawFile(#"{\#(a),"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#, data: Array(repeating: 0, count: 12)),
            "tensor 'b' has data_offsets [8, 12]", "start at 4", "tensor 'a'", "gap of 4 bytes")
        assertRejects(
            rawFile(#"{"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#,
                    data: Array(repeating: 0, count: 12)),
            "tensor 'b' has data_offsets [4, 12]", "start at 8", "overlap of 4 bytes")
        assertRejects(
            rawFile(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, data: Array(repeating: 0, count: 8)),
            "tensor 'a' has data_offsets [4, 8]", "start at 0", "gap of 4 bytes")
        // A zero-size tensor inside another one's bytes is an overlap too.
        assertRejects(
            rawFile(#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"z":{"dtype":"F32","shape":[0],"data_offsets":[4,4]}}"#,
                    data: Array(repeating: 0, count: 8)),
            "tensor 'z'", "overlap of 4 bytes")
    }

    func testRejectsTrailingAndMissingDataBytes() {
        let header = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#
        let n = header.utf8.count
        assertRejects(rawFile(header, data: Array(repeating: 0, count: 11)),
                      "8-byte data section (file size \(8 + n + 8))", "has 11 bytes (file size \(8 + n + 11))", "3 trailing bytes")
        assertRejects(rawFile(header, data: Array(repeating: 0, count: 5)), "has 5 bytes", "3 bytes missing", "truncated data")
        assertRejects(rawFile("{}", data: [0]), "1 trailing bytes")
    }

    func testEveryTruncationOfAValidFileIsRejected() throws {
        var writer = SafeTensorsWriter(metadata: ["k": "v"])
        try writer.add("a", floats: [1, 2, 3], shape: [3])
        try writer.add("b", int64s: [4], shape: [1, 1])
        let file = writer.serialized()
        XCTAssertNoThrow(try SafeTensors(data: file))
        for length in 0 ..< file.count {
            XCTAssertThrowsError(try SafeTensors(data: file.prefix(length)), "prefix of \(length) bytes") { error in
                XCTAssertTrue(error is RuntimeError, "\(error)")
            }
        }
        // A slice with a non-zero start index reads the same as a fresh buffer.
        let sliced = (Data([9, 9, 9]) + file).dropFirst(3)
        XCTAssertEqual(try SafeTensors(data: sliced).floats("a"), [1, 2, 3])
    }

    // MARK: Writer checks

    func testWriterRejectsBadInput() throws {
        var writer = SafeTensorsWriter()
        try writer.add("w", floats: [1, 2, 3, 4, 5, 6], shape: [2, 3])
        assertThrows("tensor 'w'", "duplicate name") { try writer.add("w", floats: [1], shape: [1]) }
        assertThrows("tensor 'w'", "duplicate name") { try writer.add("w", int64s: [1], shape: [1]) }
        assertThrows("tensor 'x' has 5 values but F32 [2,3] needs 6") { try writer.add("x", floats: [1, 2, 3, 4, 5], shape: [2, 3]) }
        assertThrows("tensor 'x' has 2 values but I64 [3] needs 3") { try writer.add("x", int64s: [1, 2], shape: [3]) }
        assertThrows("tensor 'x' has 3 bytes but F16 [2] needs 4") { try writer.add("x", dtype: .F16, shape: [2], bytes: Data([1, 2, 3])) }
        assertThrows("negative dimension") { try writer.add("x", dtype: .U8, shape: [-1], bytes: Data()) }
        assertThrows("'__metadata__' is reserved") { try writer.add("__metadata__", floats: [1], shape: [1]) }
        // Failed adds leave the writer unchanged.
        XCTAssertEqual(try SafeTensors(data: writer.serialized()).names, ["w"])
    }
}
