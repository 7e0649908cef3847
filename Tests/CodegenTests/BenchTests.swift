import Foundation
import XCTest
@testable import Codegen
import Graph
import Runtime

/// The benchmark machinery works on the tiny model (timings are reported, never asserted).
final class BenchTests: XCTestCase {
    /// `bench gemm-f32` builds its probe library in a folder of its own under $TMPDIR and removes
    /// that folder and nothing else: folders of the same prefix that it did not make (another
    /// process's, a user's) are left as they were, and none of its own is left behind.
    func testGemmProbeRemovesOnlyItsOwnFolder() throws {
        let tmp = try Harness.temporaryDirectory("probe-tmpdir"), work = try Harness.temporaryDirectory("probe-work")
        defer { for d in [tmp, work] { try? FileManager.default.removeItem(at: d) } }
        for name in ["breastai-gemm-probe-decoy", "breastai-gemm-probe-\(getpid())-other"] {
            let d = tmp.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: d, withIntermediateDirectories: false)
            try Data("not the probe's\n".utf8).write(to: d.appendingPathComponent("keep.txt"))
        }
        let before = CommandLineHarness.snapshot(tmp)
        let entries = try FileManager.default.contentsOfDirectory(atPath: tmp.path).sorted()
        let r = try CommandLineHarness.run(["bench", "gemm-f32", "--repeats", "1"], in: work, environment: ["TMPDIR": tmp.path])
        XCTAssertTrue(r.succeeded, r.output)
        XCTAssertEqual(CommandLineHarness.snapshot(tmp), before, "files under $TMPDIR changed")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp.path).sorted(), entries, "the probe's folder was left behind")
    }

    func testBenchKernelsAndStepOnTiny() throws {
        let artifact = try compileArtifact(ModelConfig(variant: .tiny), phases: [Phase.recipe[3]], loss: .recipe)
        let (program, dir) = try Harness.load(artifact, name: "bench")
        defer { try? FileManager.default.removeItem(at: dir) }
        let table = try JSONDecoder().decode([String: [KernelInfo]].self,
                                             from: Data(contentsOf: dir.appendingPathComponent(Artifact.kernelTableFile)))
        let phase = program.manifest.phases[0]
        XCTAssertEqual(table[phase.stepEntry]?.count, artifact.programs[0].schedule.kernels.count)
        let session = try BenchSession(program: program)
        let machine = session.machine()
        XCTAssertGreaterThan(machine.sgemmGFLOPS, 0)
        XCTAssertGreaterThan(machine.triadGBps, 0)
        // The peak probes answer exactly where the CPU has the instructions.
        let flags = ((try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "")
            .split(separator: "\n").first { $0.hasPrefix("flags") }.map { Set($0.split(separator: " ")) } ?? []
        XCTAssertEqual(machine.fmaPeakGFLOPS != nil, flags.contains("avx512f"))
        XCTAssertEqual(machine.bf16PeakGFLOPS != nil, flags.contains("avx512f") && flags.contains("avx512_bf16"))
        for peak in [machine.fmaPeakGFLOPS, machine.bf16PeakGFLOPS].compactMap({ $0 }) { XCTAssertGreaterThan(peak, 1) }
        let timings = try session.kernels(phase.stepEntry, table: table[phase.stepEntry]!, repeats: 2, filter: nil, machine: machine, batchSeconds: 0.0005)
        XCTAssertEqual(timings.count, table[phase.stepEntry]!.count)
        XCTAssertTrue(timings.allSatisfy { $0.seconds > 0 && $0.roofline >= 0 })
        XCTAssertEqual(timings.reduce(0) { $0 + $1.share }, 1, accuracy: 1e-9)
        let step = try session.step("4", entries: [phase.stepEntry, phase.updateEntry], warmup: 1, steps: 3, plannedBytes: phase.arenaBytes)
        XCTAssertGreaterThan(step.medianS, 0)
        XCTAssertGreaterThan(step.peakRSSBytes, 0)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(step)) as? [String: Any]
        XCTAssertEqual(json?["phase"] as? Int, 4)
        for key in ["median_s", "peak_rss_bytes", "planned_bytes"] { XCTAssertNotNil(json?[key], key) }
        // The per-kernel entry rejects an index out of range.
        typealias KernelEntry = @convention(c) (UnsafePointer<UnsafeMutableRawPointer?>, Int32) -> Int32
        let call = unsafeBitCast(program.symbol("\(phase.stepEntry)_kernel")!, to: KernelEntry.self)
        let io = [UnsafeMutableRawPointer?](repeating: nil, count: IOSlot.allCases.count)
        XCTAssertEqual(io.withUnsafeBufferPointer { call($0.baseAddress!, Int32(timings.count)) }, 1)
    }
}
