import Foundation
import XCTest
@testable import Formats

/// CRC-32C, TFRecord framing and TensorBoard `Event` records: known CRC vectors, and a golden
/// events file written by tensorboard's own Python writer (tools/make_tensorboard_fixture.py):
/// its records parse to the inputs the script recorded in golden.json (the reader is right), and
/// the Swift writer, given those inputs, produces the same bytes record by record (the writer is right).
final class TensorBoardEventTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent("tensorboard")

    // MARK: CRC-32C

    func testCRC32CKnownVectors() {
        // The check value of the CRC catalogue, and RFC 3720 appendix B.4.
        XCTAssertEqual(CRC32C.checksum(Array("123456789".utf8)), 0xE306_9283)
        XCTAssertEqual(CRC32C.checksum([UInt8]()), 0)
        XCTAssertEqual(CRC32C.checksum([UInt8](repeating: 0, count: 32)), 0x8A91_36AA)
        XCTAssertEqual(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)), 0x62A8_AB43)
        XCTAssertEqual(CRC32C.checksum((0 ..< 32).map { UInt8($0) }), 0x46DD_794E)
        XCTAssertEqual(CRC32C.checksum((0 ..< 32).reversed().map { UInt8($0) }), 0x113F_DB5C)
        // The iSCSI SCSI Read (10) command PDU of RFC 3720 B.4.
        let pdu: [UInt8] = [0x01, 0xC0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x14, 0, 0, 0, 0, 0, 0x04, 0,
                            0, 0, 0, 0x14, 0, 0, 0, 0x18, 0x28, 0, 0, 0, 0, 0, 0, 0, 0x02, 0, 0, 0, 0, 0, 0, 0]
        XCTAssertEqual(CRC32C.checksum(pdu), 0xD996_3A56)
    }

    func testMaskIsTensorFlowsRotateAndAdd() {
        // rotate right by 15, plus 0xa282ead8: (0 -> the constant; 1 -> 1 << 17 plus it).
        XCTAssertEqual(CRC32C.masked(0), 0xA282_EAD8)
        XCTAssertEqual(CRC32C.masked(1), 0xA282_EAD8 &+ (1 << 17))
        XCTAssertEqual(CRC32C.masked(1 << 15), 0xA282_EAD9)
        XCTAssertEqual(CRC32C.masked(0xFFFF_FFFF), 0xA282_EAD7)  // 0xffffffff + 0xa282ead8 mod 2^32
    }

    // MARK: The golden file

    struct Golden {
        var bytes: [UInt8]
        var first: TensorBoardEvent
        var events: [TensorBoardEvent]
    }

    /// golden.tfevents and the events golden.json says it holds.
    func golden() throws -> Golden {
        let bytes = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent("golden.tfevents")))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.fixtures.appendingPathComponent("golden.json"))) as! [String: Any]
        XCTAssertEqual(json["format_version"] as? Int, 1)
        let first = json["first"] as! [String: Any]
        let header = TensorBoardEvent(wallTime: first["wall_time"] as! Double,
                                      content: .fileVersion(first["file_version"] as! String, writer: first["writer"] as? String))
        let events = (json["events"] as! [[String: Any]]).map { e in
            e["session_start"] as? Bool == true
                ? TensorBoardEvent(wallTime: e["wall_time"] as! Double, step: (e["step"] as! NSNumber).int64Value, content: .sessionStart)
                : TensorBoardEvent(wallTime: e["wall_time"] as! Double, step: (e["step"] as! NSNumber).int64Value,
                                   content: .summary((e["values"] as! [[String: Any]]).map { v in
                let tag = v["tag"] as! String
                if v["kind"] as! String == "text" { return .text(tag, v["value"] as! String) }
                switch v["value"] {
                case let s as String: return .scalar(tag, ["nan": Float.nan, "inf": .infinity, "-inf": -.infinity][s]!)
                case let n as NSNumber: return .scalar(tag, Float(n.doubleValue))
                default: preconditionFailure("golden.json: value of \(tag)")
                }
            }))
        }
        return Golden(bytes: bytes, first: header, events: events)
    }

    /// Compares two events; scalars by bit pattern (so NaN equals NaN).
    func assertSame(_ got: TensorBoardEvent, _ want: TensorBoardEvent, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(got.wallTime.bitPattern, want.wallTime.bitPattern, "\(what) wall time \(got.wallTime) vs \(want.wallTime)", file: file, line: line)
        XCTAssertEqual(got.step, want.step, "\(what) step", file: file, line: line)
        switch (got.content, want.content) {
        case (.summary(let a), .summary(let b)):
            XCTAssertEqual(a.count, b.count, "\(what) value count", file: file, line: line)
            for (x, y) in zip(a, b) {
                XCTAssertEqual(x.tag, y.tag, what, file: file, line: line)
                switch (x.data, y.data) {
                case (.scalar(let p), .scalar(let q)): XCTAssertEqual(p.bitPattern, q.bitPattern, "\(what) \(x.tag): \(p) vs \(q)", file: file, line: line)
                default: XCTAssertEqual(x.data, y.data, "\(what) \(x.tag)", file: file, line: line)
                }
            }
        default: XCTAssertEqual(got.content, want.content, what, file: file, line: line)
        }
    }

    func testGoldenFileParsesToItsInputs() throws {
        let g = try golden()
        let (records, torn) = try TFRecord.records(in: g.bytes, path: "golden.tfevents")
        XCTAssertFalse(torn)
        XCTAssertEqual(records.count, 1 + g.events.count)
        assertSame(try TensorBoardEvent(protobuf: records[0]), g.first, "header")
        for (i, (record, want)) in zip(records.dropFirst(), g.events).enumerated() {
            assertSame(try TensorBoardEvent(protobuf: record), want, "event \(i + 1)")
        }
    }

    func testSwiftWriterMatchesTensorBoardsBytesRecordByRecord() throws {
        let g = try golden()
        let (records, _) = try TFRecord.records(in: g.bytes, path: "golden.tfevents")
        let mine = [g.first.encoded()] + g.events.map { $0.encoded() }
        XCTAssertEqual(mine.count, records.count)
        for (i, (a, b)) in zip(mine, records).enumerated() where a != b {
            XCTFail("record \(i): \(a.count) bytes vs tensorboard's \(b.count); first difference at byte \(zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count))")
        }
        // Framed and written through the file writer: the whole file is byte-equal.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tfevents-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try TFRecordWriter(creating: url.path)
        for record in mine { try writer.write(record) }
        writer.close()
        let file = [UInt8](try Data(contentsOf: url))
        XCTAssertTrue(file == g.bytes, "the written file (\(file.count) bytes) differs from golden.tfevents (\(g.bytes.count) bytes)")
    }

    // MARK: Damage

    func testReaderToleratesATornTailAndRefusesACorruptRecord() throws {
        let g = try golden()
        let all = try TFRecord.records(in: g.bytes, path: "golden").records
        // Every cut inside the last record drops just that record.
        let lastStart = g.bytes.count - TFRecord.overhead - all.last!.count
        for cut in [lastStart + 1, lastStart + 8, lastStart + 12, lastStart + 20, g.bytes.count - 1] {
            let (records, torn) = try TFRecord.records(in: Array(g.bytes[..<cut]), path: "cut")
            XCTAssertTrue(torn, "cut at \(cut)")
            XCTAssertEqual(records, Array(all.dropLast()), "cut at \(cut)")
        }
        // A flipped bit in the data or in a length is an error naming the file and the record.
        var flipped = g.bytes
        flipped[lastStart + 14] ^= 0x01
        XCTAssertThrowsError(try TFRecord.records(in: flipped, path: "bad.tfevents")) { error in
            XCTAssertEqual("\(error)", "bad.tfevents: record at byte \(lastStart): the data's CRC does not match (\(all.last!.count) bytes)")
        }
        var length = g.bytes
        length[0] ^= 0x04
        XCTAssertThrowsError(try TFRecord.records(in: length, path: "bad.tfevents")) { error in
            XCTAssertEqual("\(error)", "bad.tfevents: record at byte 0: the length's CRC does not match")
        }
    }

    func testWriterNeverOpensAnExistingFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tfevents-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("someone else's".utf8).write(to: url)
        XCTAssertThrowsError(try TFRecordWriter(creating: url.path)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(url.path): cannot create the record file: File exists"), "\(error)")
        }
        XCTAssertEqual(String(decoding: try Data(contentsOf: url), as: UTF8.self), "someone else's")
    }
}
