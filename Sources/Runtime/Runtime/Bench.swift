import Foundation
import Graph
import Formats

/// Measured machine figures: the roofline every kernel is judged against.
public struct MachineFigures: Codable, Sendable {
    public var sgemmGFLOPS: Double
    public var triadGBps: Double
    public var threads: Int
    public var blasCoreType: String
    /// The peak multiply rates of the team (fp32 FMA; AVX512-BF16's vdpbf16ps), from register-only
    /// loops; nil where the CPU lacks the instructions.
    public var fmaPeakGFLOPS: Double?
    public var bf16PeakGFLOPS: Double?
    enum CodingKeys: String, CodingKey {
        case threads
        case sgemmGFLOPS = "sgemm_gflops", triadGBps = "triad_gbps", blasCoreType = "blas_core_type"
        case fmaPeakGFLOPS = "fma_peak_gflops", bf16PeakGFLOPS = "bf16_peak_gflops"
    }
    /// FLOPs per byte above which a kernel is compute-bound.
    public var balance: Double { sgemmGFLOPS / triadGBps }
}

/// One kernel's timing from `bench kernels`.
public struct KernelTiming: Codable, Sendable {
    public var kernel: KernelInfo
    public var seconds: Double
    public var share: Double
    public var gflops: Double
    public var gbps: Double
    /// "compute" or "memory": which roof applies (arithmetic intensity against the machine balance).
    public var bound: String
    /// Fraction of that roof reached.
    public var roofline: Double
}

/// One program's timing from `bench step`.
public struct StepTiming: Codable, Sendable {
    /// 1-4, or "eval".
    public var phase: String
    public var medianS: Double
    public var minS: Double
    public var maxS: Double
    public var imagesPerSecond: Double
    public var peakRSSBytes: Int
    public var plannedBytes: Int
    /// Micro-batches per timed step (a training step: that many step programs, then one update).
    public var accumulation = 1
    /// Median seconds of one step-program call (forward, loss, backward) and of one update-program
    /// call (clipping, AdamW, EMA), timed inside the same steps; nil for eval.
    public var microBatchS: Double?
    public var updateS: Double?
    enum CodingKeys: String, CodingKey {
        case phase, accumulation
        case medianS = "median_s", minS = "min_s", maxS = "max_s", imagesPerSecond = "images_per_s"
        case peakRSSBytes = "peak_rss_bytes", plannedBytes = "planned_bytes"
        case microBatchS = "micro_batch_s", updateS = "update_s"
    }

    public init(phase: String, medianS: Double, minS: Double, maxS: Double, imagesPerSecond: Double,
                peakRSSBytes: Int, plannedBytes: Int) {
        self.phase = phase; self.medianS = medianS; self.minS = minS; self.maxS = maxS
        self.imagesPerSecond = imagesPerSecond; self.peakRSSBytes = peakRSSBytes; self.plannedBytes = plannedBytes
    }

    /// `phase` is a number for phases 1-4 and the string "eval" otherwise.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if let n = Int(phase) { try c.encode(n, forKey: .phase) } else { try c.encode(phase, forKey: .phase) }
        try c.encode(medianS, forKey: .medianS); try c.encode(minS, forKey: .minS); try c.encode(maxS, forKey: .maxS)
        try c.encode(imagesPerSecond, forKey: .imagesPerSecond)
        try c.encode(peakRSSBytes, forKey: .peakRSSBytes); try c.encode(plannedBytes, forKey: .plannedBytes)
        try c.encode(accumulation, forKey: .accumulation)
        try c.encodeIfPresent(microBatchS, forKey: .microBatchS); try c.encodeIfPresent(updateS, forKey: .updateS)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let n = try? c.decode(Int.self, forKey: .phase) { phase = String(n) } else { phase = try c.decode(String.self, forKey: .phase) }
        medianS = try c.decode(Double.self, forKey: .medianS); minS = try c.decode(Double.self, forKey: .minS)
        maxS = try c.decode(Double.self, forKey: .maxS); imagesPerSecond = try c.decode(Double.self, forKey: .imagesPerSecond)
        peakRSSBytes = try c.decode(Int.self, forKey: .peakRSSBytes); plannedBytes = try c.decode(Int.self, forKey: .plannedBytes)
        accumulation = try c.decodeIfPresent(Int.self, forKey: .accumulation) ?? 1
        microBatchS = try c.decodeIfPresent(Double.self, forKey: .microBatchS); updateS = try c.decodeIfPresent(Double.self, forKey: .updateS)
    }
}

/// Benchmarks of a compiled program on synthetic data (random weights and images).
public final class BenchSession {
    public let program: CompiledProgram
    public let state: StateBlocks
    public let arena: Arena
    private var buffers: [IOSlot: UnsafeMutableRawPointer] = [:]
    private var allocations: [UnsafeMutableRawPointer] = []

    public init(program: CompiledProgram, seed: UInt64 = 1) throws {
        self.program = program
        let m = program.manifest
        state = try StateBlocks(layout: m.layout)
        arena = try Arena(bytes: max(64, (m.phases.map(\.arenaBytes) + [m.eval.arenaBytes]).max() ?? 64))
        var rng = SplitMix64(seed: seed)
        func next() -> Float { Float(rng.uniform(-1, 1)) }
        for e in m.layout.parameters {
            let fanIn = max(1, e.shape.dropFirst().reduce(1, *))
            let isScale = e.shape.count == 1 && e.name.hasSuffix(".weight")
            try state.write(.model, e.name, (0..<e.count).map { _ in isScale ? 1 : (e.shape.count == 1 ? 0 : next() * (3 / Float(fanIn)).squareRoot()) })
        }
        for e in m.layout.buffers {
            try state.write(.model, e.name, [Float](repeating: e.name.hasSuffix("running_var") ? 1 : 0, count: e.count))
        }
        state.copyModelToEMA()
        func buffer(_ slot: IOSlot, _ count: Int, _ fill: (Int) -> UInt32) {
            let p = UnsafeMutableRawPointer.allocate(byteCount: max(4, count * 4), alignment: 64)
            for i in 0..<count { p.storeBytes(of: fill(i), toByteOffset: 4 * i, as: UInt32.self) }
            allocations.append(p)
            buffers[slot] = p
        }
        let n = m.batch, k = m.classes
        buffer(.images, n * m.imageSize * m.imageSize * 3) { _ in next().bitPattern }
        buffer(.labels, n) { UInt32($0 % k) }
        buffer(.seed, 1) { _ in 12345 }
        // Values of a typical step (the timing does not depend on them): step 1 of every group.
        let inputs = OptimizerInputs(learningRate: 1e-4, weightDecay: 1e-4, gradScale: 0.25, maxGradNorm: 1, emaDecay: 0.9998,
                                     adamSteps: Array(repeating: 1, count: OptimizerInputs.groups))
        buffer(.hyper, Hyper.count) { inputs.hyper[$0].bitPattern }
        buffer(.biasCorrection, OptimizerInputs.biasCorrectionCount) { inputs.biasCorrection[$0].bitPattern }
        buffer(.loss, 1) { _ in 0 }
        buffer(.logits, n * k) { _ in 0 }
        buffer(.probabilities, n * k) { _ in 0 }
    }

    deinit { for a in allocations { a.deallocate() } }

    public func run(_ entry: String) throws {
        try program.run(entry, state: state, arena: arena, inputs: buffers)
    }

    /// Measures sgemm, triad and the peak multiply rates with the artifact's own compiler, OpenMP
    /// and OpenBLAS.
    public func machine() -> MachineFigures {
        typealias Probe = @convention(c) (Int32, Int32) -> Double
        typealias Triad = @convention(c) (Int, Int32) -> Double
        typealias Threads = @convention(c) () -> Int32
        var sgemm = 0.0, triad = 0.0, threads = 0
        if let p = program.symbol("breastai_probe_sgemm") {
            let n = 2048
            let s = unsafeBitCast(p, to: Probe.self)(Int32(n), 5)
            sgemm = 2 * pow(Double(n), 3) / s / 1e9
        }
        if let p = program.symbol("breastai_probe_triad") {
            let n = 1 << 25
            let s = unsafeBitCast(p, to: Triad.self)(n, 10)
            triad = 3 * 4 * Double(n) / s / 1e9
        }
        if let p = program.symbol("breastai_threads") { threads = Int(unsafeBitCast(p, to: Threads.self)()) }
        var peaks: [Double?] = [nil, nil]
        if let p = program.symbol("breastai_probe_peak") {
            typealias Peak = @convention(c) (Int32, Int) -> Double
            let peak = unsafeBitCast(p, to: Peak.self)
            for kind in 0..<2 {
                _ = peak(Int32(kind), 1_000_000)   // wakes the team and lets the clocks settle
                let best = max(peak(Int32(kind), 40_000_000), peak(Int32(kind), 40_000_000))
                peaks[kind] = best > 0 ? best : nil
            }
        }
        return MachineFigures(sgemmGFLOPS: sgemm, triadGBps: triad, threads: threads,
                              blasCoreType: program.blasCoreName ?? program.blasConfiguration.coreType,
                              fmaPeakGFLOPS: peaks[0], bf16PeakGFLOPS: peaks[1])
    }

    /// Runs every kernel of `entry` alone (after one full call that fills the arena): one
    /// warm-up, then the median of `repeats` runs.
    public func kernels(_ entry: String, table: [KernelInfo], repeats: Int, filter: String?, machine: MachineFigures,
                        batchSeconds: Double = 0.02) throws -> [KernelTiming] {
        typealias KernelEntry = @convention(c) (UnsafePointer<UnsafeMutableRawPointer?>, Int32) -> Int32
        guard let symbol = program.symbol("\(entry)_kernel") else {
            throw RuntimeError.artifact(path: program.libraryPath, problem: "no per-kernel entry \(entry)_kernel; recompile the model")
        }
        let call = unsafeBitCast(symbol, to: KernelEntry.self)
        try run(entry)
        var io = [UnsafeMutableRawPointer?](repeating: nil, count: IOSlot.allCases.count)
        for (slot, p) in CompiledProgram.io(state: state, arena: arena, inputs: buffers) { io[slot.rawValue] = p }
        var timings: [KernelTiming] = []
        for k in table {
            if let f = filter, !k.function.contains(f), !k.scope.contains(f), !k.ops.joined(separator: " ").contains(f) { continue }
            // Back-to-back calls in one timed batch keep the OpenMP threads awake, as in a real step;
            // the batch grows until it lasts about `batchSeconds`.
            var samples: [Double] = []
            var batch = 1
            let code = io.withUnsafeBufferPointer { call($0.baseAddress!, Int32(k.index)) }   // warm-up
            guard code == 0 else { throw RuntimeError.artifact(path: program.libraryPath, problem: "kernel \(k.index) of \(entry) failed") }
            for _ in 0..<repeats {
                let t = DispatchTime.now().uptimeNanoseconds
                io.withUnsafeBufferPointer { p in for _ in 0..<batch { _ = call(p.baseAddress!, Int32(k.index)) } }
                let s = Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9
                samples.append(s / Double(batch))
                if s < batchSeconds { batch = min(1000, max(batch * 2, Int(batchSeconds / max(s / Double(batch), 1e-7)))) }
            }
            samples.sort()
            let s = samples[samples.count / 2]
            let intensity = Double(k.flops) / Double(max(1, k.bytes))
            let compute = intensity > machine.balance && k.contractionFlops > 0
            let gflops = Double(k.flops) / s / 1e9, gbps = Double(k.bytes) / s / 1e9
            timings.append(KernelTiming(kernel: k, seconds: s, share: 0, gflops: gflops, gbps: gbps,
                                        bound: compute ? "compute" : "memory",
                                        roofline: compute ? gflops / machine.sgemmGFLOPS : gbps / machine.triadGBps))
        }
        let total = timings.reduce(0) { $0 + $1.seconds }
        for i in timings.indices { timings[i].share = timings[i].seconds / total }
        return timings.sorted { $0.seconds > $1.seconds }
    }

    /// Times training steps of a phase as `train` runs them: `accumulation` calls of `stepEntry`
    /// then one of `updateEntry`, `steps` times after `warmup`. The median, min and max are of whole
    /// steps; `microBatchS` and `updateS` are the medians of the single calls inside them;
    /// images/s counts `batch x accumulation` images per step.
    public func trainingStep(_ label: String, stepEntry: String, updateEntry: String, accumulation: Int, warmup: Int, steps: Int,
                             plannedBytes: Int) throws -> StepTiming {
        precondition(accumulation >= 1 && steps >= 1, "accumulation and steps must be positive")
        arena.discard()
        ResidentMemory.resetPeak()
        for _ in 0..<warmup {
            for _ in 0..<accumulation { try run(stepEntry) }
            try run(updateEntry)
        }
        var whole: [Double] = [], micro: [Double] = [], update: [Double] = []
        for _ in 0..<steps {
            let t = DispatchTime.now().uptimeNanoseconds
            var u = t
            for _ in 0..<accumulation {
                try run(stepEntry)
                let v = DispatchTime.now().uptimeNanoseconds
                micro.append(Double(v - u) / 1e9); u = v
            }
            try run(updateEntry)
            let v = DispatchTime.now().uptimeNanoseconds
            update.append(Double(v - u) / 1e9)
            whole.append(Double(v - t) / 1e9)
        }
        func median(_ x: [Double]) -> Double { x.sorted()[x.count / 2] }
        let m = median(whole)
        var timing = StepTiming(phase: label, medianS: m, minS: whole.min()!, maxS: whole.max()!,
                                imagesPerSecond: Double(program.manifest.batch * accumulation) / m,
                                peakRSSBytes: ResidentMemory.peak(), plannedBytes: plannedBytes)
        timing.accumulation = accumulation
        timing.microBatchS = median(micro)
        timing.updateS = median(update)
        return timing
    }

    /// Times `entries` run back to back (one training step: micro-batch then update), `steps`
    /// times after `warmup`, and reads the process's peak resident memory (reset first).
    public func step(_ label: String, entries: [String], warmup: Int, steps: Int, plannedBytes: Int) throws -> StepTiming {
        arena.discard()
        ResidentMemory.resetPeak()
        for _ in 0..<warmup { for e in entries { try run(e) } }
        var samples: [Double] = []
        for _ in 0..<steps {
            let t = DispatchTime.now().uptimeNanoseconds
            for e in entries { try run(e) }
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9)
        }
        samples.sort()
        let median = samples[samples.count / 2]
        return StepTiming(phase: label, medianS: median, minS: samples.first!, maxS: samples.last!,
                          imagesPerSecond: Double(program.manifest.batch) / median,
                          peakRSSBytes: ResidentMemory.peak(), plannedBytes: plannedBytes)
    }
}

/// The process's resident memory, from /proc/self.
public enum ResidentMemory {
    /// Peak resident set size (VmHWM) in bytes, 0 when unavailable.
    public static func peak() -> Int { field("VmHWM") }
    public static func current() -> Int { field("VmRSS") }

    /// Resets the peak to the current size (writes 5 to /proc/self/clear_refs); no-op if refused.
    public static func resetPeak() {
        if let h = fopen("/proc/self/clear_refs", "w") { fputs("5", h); fclose(h) }
    }

    private static func field(_ name: String) -> Int {
        guard let text = procFile("/proc/self/status") else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kb * 1024
        }
        return 0
    }
}
