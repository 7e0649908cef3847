import Foundation
import Graph
import Data
import Evaluation
import Formats

extension TrainingConfig {
    /// Loads `url`, merges it over the defaults (the ULTRA-S values), applies `overrides` (dotted key
    /// to value text, e.g. `["training.epochs": "3", "paths.data_dir": "/data"]`) and checks
    /// everything. Errors name the file or override, the full dotted key and the problem.
    public static func load(url: URL, overrides: [String: String] = [:]) throws(RuntimeError) -> TrainingConfig {
        let source = url.relativePath
        let bytes: [UInt8]
        do {
            bytes = Array(try Foundation.Data(contentsOf: url))
        } catch {
            throw .io(path: source, problem: "cannot read the configuration: \(oneLine(error.localizedDescription))")
        }
        return try TrainingConfig(bytes: bytes, source: source, overrides: overrides)
    }

    /// The defaults (ULTRA-S) with `overrides` applied.
    public static func defaults(overrides: [String: String] = [:]) throws(RuntimeError) -> TrainingConfig {
        try TrainingConfig(bytes: Array("{}".utf8), source: "defaults", overrides: overrides)
    }

    /// Parses JSON text (a file's contents, or a checkpoint's stored `canonicalJSON`); `source` names it
    /// in errors.
    public init(jsonText: String, source: String, overrides: [String: String] = [:]) throws(RuntimeError) {
        try self.init(bytes: Array(jsonText.utf8), source: source, overrides: overrides)
    }

    init(bytes: [UInt8], source: String, overrides: [String: String]) throws(RuntimeError) {
        let user: ConfigJSON
        do {
            let parsed = try ConfigJSON.parse(bytes)
            user = parsed.value
            guard case .object(let members) = parsed.header else {
                throw RuntimeError.config(source: source, problem: "the configuration must be a JSON object, found \(user.kind)")
            }
            try Self.checkKnownKeys(members, schema: Self.defaultTree, path: [], source: source)
        } catch let error as ConfigJSONSyntaxError {
            throw .config(source: source, problem: error.message)
        } catch let error as RuntimeError {
            throw error
        } catch {
            throw .config(source: source, problem: "\(error)")
        }
        var merged = ConfigJSON.merge(Self.defaultTree, user)
        var origins: [String: String] = [:]
        for key in overrides.keys.sorted() {
            let text = overrides[key]!
            let overrideSource = "override \(key)=\(text)"
            let path = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            try Self.checkOverrideKey(path, source: overrideSource)
            let value = Self.parseOverride(text, default: Self.defaultTree.value(at: path)!)
            merged = merged.setting(path[...], to: value)
            origins[key] = overrideSource
        }
        var reader = ConfigReader(tree: merged, source: source, origins: origins)
        try self.init(reader: &reader, source: source)
        #if DEBUG
        let unread = Self.defaultLeafPaths.subtracting(reader.read)
        assert(unread.isEmpty, "configuration keys never read: \(unread.sorted())")
        #endif
    }

    // MARK: Defaults and the schema

    /// The parsed defaults; they are also the schema (every known key, with its section structure).
    static let defaultTree: ConfigJSON = {
        do {
            return try ConfigJSON.parse(Array(defaultConfigText.utf8)).value
        } catch {
            fatalError("the built-in default configuration does not parse: \(error)")
        }
    }()

    /// Every non-metadata leaf key of the defaults, dotted.
    static let defaultLeafPaths: Set<String> = {
        var out: Set<String> = []
        func walk(_ value: ConfigJSON, _ path: [String]) {
            if case .object(let dict) = value {
                for (key, member) in dict {
                    if path.isEmpty, metadataSections.contains(key) { continue }
                    walk(member, path + [key])
                }
            } else {
                out.insert(path.joined(separator: "."))
            }
        }
        walk(defaultTree, [])
        return out
    }()

    /// Keys users coming from the original may write somewhere else: where they live here.
    static let movedKeys: [String: String] = [
        "data.use_clahe": "data.augmentation.use_clahe",
        "training.epochs_phase1": "model.progressive_unfreezing.phase1_epochs",
        "training.early_stopping.monitor": "metrics.primary_metric",
        "clinical.primary_metric": "metrics.primary_metric",
    ]

    /// Rejects a key the schema does not have (metadata sections excepted), and an object where the
    /// schema has a value or the reverse. Walks in file order so the first problem is reported.
    static func checkKnownKeys(
        _ members: [(key: String, value: HeaderJSON)], schema: ConfigJSON, path: [String], source: String
    ) throws(RuntimeError) {
        guard case .object(let known) = schema else { return }
        for (key, value) in members {
            let full = path + [key]
            let dotted = full.joined(separator: ".")
            if path.isEmpty, metadataSections.contains(key) { continue }
            guard let expected = known[key] else {
                throw .config(source: source, problem: unknownKeyProblem(dotted, siblings: Array(known.keys)))
            }
            switch (expected, value) {
            case (.object, .object(let inner)):
                try checkKnownKeys(inner, schema: expected, path: full, source: source)
            case (.object(let sub), _):
                throw .config(source: source, problem: "'\(dotted)' must be an object with keys \(sub.keys.sorted().joined(separator: ", ")), found \(ConfigJSON(value).shortText)")
            case (_, .object):
                throw .config(source: source, problem: "'\(dotted)' must be a single value, not an object")
            default:
                break
            }
        }
    }

    /// "unknown key 'a.b' (did you mean 'c'?)", with the best suggestion available.
    static func unknownKeyProblem(_ dotted: String, siblings: [String]) -> String {
        let name = String(dotted.split(separator: ".").last ?? "")
        var problem = "unknown key '\(dotted)'"
        if let moved = movedKeys[dotted] {
            problem += " (it is '\(moved)' here)"
        } else if let guess = closestMatch(to: name, among: siblings) {
            problem += " (did you mean '\(guess)'?)"
        } else if let elsewhere = defaultLeafPaths.sorted().first(where: { $0.hasSuffix("." + name) }) {
            problem += " (did you mean '\(elsewhere)'?)"
        } else if !siblings.isEmpty {
            problem += "; known keys here: \(siblings.sorted().joined(separator: ", "))"
        }
        return problem
    }

    /// An override must name a non-metadata leaf of the schema.
    static func checkOverrideKey(_ path: [String], source: String) throws(RuntimeError) {
        let dotted = path.joined(separator: ".")
        if let first = path.first, metadataSections.contains(first) {
            throw .config(source: source, problem: "'\(dotted)' is metadata; it has no command-line override")
        }
        var node = defaultTree
        for (i, key) in path.enumerated() {
            guard case .object(let dict) = node, let next = dict[key] else {
                let siblings: [String]
                if case .object(let dict) = node { siblings = Array(dict.keys) } else { siblings = [] }
                throw .config(source: source, problem: unknownKeyProblem(path[...i].joined(separator: "."), siblings: siblings))
            }
            node = next
        }
        if case .object(let dict) = node {
            throw .config(source: source, problem: "'\(dotted)' is a section; override one of its keys (\(dict.keys.sorted().joined(separator: ", ")))")
        }
    }

    /// An override's text as a JSON value: kept as a string where the key holds a string, else read as
    /// JSON (`3`, `true`, `[25,50]`); a list may also be written `25,50`; text that is not JSON stays a
    /// string (and then fails the type check with the text shown).
    static func parseOverride(_ text: String, default defaultValue: ConfigJSON) -> ConfigJSON {
        if case .string = defaultValue { return .string(text) }
        func json(_ t: String) -> ConfigJSON? {
            (try? ConfigJSON.parse(Array(t.trimmingCharacters(in: .whitespaces).utf8)))?.value
        }
        if case .array(let items) = defaultValue {
            if let value = json(text), case .array = value { return value }
            if text.trimmingCharacters(in: .whitespaces).isEmpty { return .array([]) }
            let stringItems: Bool
            if case .string = items.first { stringItems = true } else { stringItems = false }
            return .array(text.split(separator: ",", omittingEmptySubsequences: false).map { part in
                let t = part.trimmingCharacters(in: .whitespaces)
                return stringItems ? .string(t) : (json(t) ?? .string(t))
            })
        }
        return json(text) ?? .string(text)
    }

    // MARK: Typed decoding

    init(reader r: inout ConfigReader, source: String) throws(RuntimeError) {
        let p = "paths."
        paths = Paths(
            dataDir: try r.path(p + "data_dir"), checkpointDir: try r.path(p + "checkpoint_dir"),
            exportDir: try r.path(p + "export_dir"), logsDir: try r.path(p + "logs_dir"))

        let m = "model.", u = "model.progressive_unfreezing."
        let architecture = try r.oneOf(m + "architecture", Self.architectures.map(\.name))
        let unfreezing = ProgressiveUnfreezing(
            enabled: try r.bool(u + "enabled"),
            phase1Epochs: try r.int(u + "phase1_epochs", min: 1), phase2Epochs: try r.int(u + "phase2_epochs", min: 1),
            phase3Epochs: try r.int(u + "phase3_epochs", min: 1), phase4Epochs: try r.int(u + "phase4_epochs", min: 1),
            phase2UnfreezePercent: try r.double(u + "phase2_unfreeze_percent", .openClosedUnit),
            phase3UnfreezePercent: try r.double(u + "phase3_unfreeze_percent", .openClosedUnit),
            lrReductionPhase2: try r.double(u + "lr_reduction_phase2", .openClosedUnit),
            lrReductionPhase3: try r.double(u + "lr_reduction_phase3", .openClosedUnit),
            lrReductionPhase4: try r.double(u + "lr_reduction_phase4", .openClosedUnit))
        model = Model(
            architecture: architecture, variant: Self.architectures.first { $0.name == architecture }!.variant,
            pretrained: try r.bool(m + "pretrained"), numClasses: try r.int(m + "num_classes", min: 2),
            dropoutRate: try r.double(m + "dropout_rate", .halfOpenUnit), useCBAM: try r.bool(m + "use_cbam"),
            cbamReduction: try r.int(m + "cbam_reduction", min: 1), progressiveUnfreezing: unfreezing)

        let d = "data.", a = "data.augmentation.", e = "data.augmentation.random_erasing.", o = "data.oversampling."
        data = DataSettings(
            imageSize: try r.int(d + "image_size", min: 32), batchSize: try r.int(d + "batch_size", min: 1),
            gradientAccumulationSteps: try r.int(d + "gradient_accumulation_steps", min: 1),
            numWorkers: try r.int(d + "num_workers", min: 0), pinMemory: try r.bool(d + "pin_memory"),
            classNames: try r.stringList(d + "class_names", minCount: 2),
            malignantClass: try r.string(d + "malignant_class"),
            valSplit: try r.double(d + "val_split", .fraction), testSplit: try r.double(d + "test_split", .fraction),
            breastCropping: try r.bool(d + "breast_cropping"),
            oversampling: Oversampling(
                enabled: try r.bool(o + "enabled"), ratio: try r.double(o + "ratio", .closedUnit),
                maxWeight: try r.double(o + "max_weight", .atLeast(1))),
            augmentation: Augmentation(
                horizontalFlip: try r.double(a + "horizontal_flip", .closedUnit),
                verticalFlip: try r.double(a + "vertical_flip", .closedUnit),
                rotation: try r.double(a + "rotation", .range(0, 180)),
                brightness: try r.double(a + "brightness", .halfOpenUnit),
                contrast: try r.double(a + "contrast", .halfOpenUnit),
                useCLAHE: try r.bool(a + "use_clahe"),
                translate: try r.double(a + "translate", .halfOpenUnit),
                scale: try r.pair(a + "scale", .positive),
                randomErasing: RandomErasing(
                    p: try r.double(e + "p", .closedUnit), scale: try r.pair(e + "scale", .openClosedUnit),
                    ratio: try r.pair(e + "ratio", .positive))))

        let t = "training.", f = "training.focal_loss.", s = "training.early_stopping."
        training = Training(
            epochs: try r.int(t + "epochs", min: 1), learningRate: try r.double(t + "learning_rate", .positive),
            weightDecay: try r.double(t + "weight_decay", .nonNegative),
            optimizer: try r.oneOf(t + "optimizer", ["adamw"]),
            scheduler: try r.oneOf(t + "scheduler", ["cosine_warmup_restarts"]),
            warmupEpochs: try r.int(t + "warmup_epochs", min: 0), restartEpochs: try r.intList(t + "restart_epochs", min: 1),
            labelSmoothing: try r.double(t + "label_smoothing", .halfOpenUnit),
            gradientClip: try r.double(t + "gradient_clip", .positive), useEMA: try r.bool(t + "use_ema"),
            emaDecay: try r.double(t + "ema_decay", .openUnit),
            focalLoss: FocalLoss(
                enabled: try r.bool(f + "enabled"), alpha: try r.doubleList(f + "alpha", .nonNegative),
                gamma: try r.double(f + "gamma", .nonNegative)),
            earlyStopping: EarlyStopping(
                enabled: try r.bool(s + "enabled"), patience: try r.int(s + "patience", min: 1),
                minDelta: try r.double(s + "min_delta", .halfOpenUnit)))

        let c = "metrics.clinical_thresholds."
        metrics = Metrics(
            primaryMetric: try r.oneOf("metrics.primary_metric", Self.primaryMetricNames),
            trackMetrics: try r.stringList("metrics.track_metrics", minCount: 0, allowed: Self.metricNames),
            clinicalThresholds: ClinicalThresholds(
                sensitivityMin: try r.double(c + "sensitivity_min", .closedUnit),
                specificityMin: try r.double(c + "specificity_min", .closedUnit),
                aucROCMin: try r.double(c + "auc_roc_min", .closedUnit)))
        clinical = Clinical(minSensitivityMalignant: try r.double("clinical.min_sensitivity_malignant", .openClosedUnit))

        let i = "inference."
        inference = Inference(
            ttaEnabled: try r.bool(i + "tta_enabled"),
            ttaTransforms: try r.stringList(i + "tta_transforms", minCount: 1, allowed: Self.ttaTransformNames),
            temperatureScaling: try r.bool(i + "temperature_scaling"),
            initialTemperature: try r.double(i + "initial_temperature", .positive))

        system = SystemSettings(
            device: try r.oneOf("system.device", ["auto", "cpu"]),
            seed: UInt64(try r.int("system.seed", min: 0)), deterministic: try r.bool("system.deterministic"),
            numThreads: try r.int("system.num_threads", min: 0))
        checkpoints = Checkpoints(
            keepLatest: try r.int("checkpoints.keep_latest", min: 1),
            saveEveryNEpochs: try r.int("checkpoints.save_every_n_epochs", min: 0),
            backupDir: try r.string("checkpoints.backup_dir").nonEmpty)

        var metadata: [String: ConfigJSON] = [:]
        if case .object(let root) = r.tree {
            for key in Self.metadataSections { if let value = root[key] { metadata[key] = value } }
        }
        self.metadata = metadata
        self.source = source
        canonicalJSON = r.tree.canonical
        configHash = String(SHA256.hex(canonicalJSON).prefix(16))

        try checkConsistency(&r)
    }

    /// The constraints between keys.
    private func checkConsistency(_ r: inout ConfigReader) throws(RuntimeError) {
        // Classes.
        let names = data.classNames
        if let bad = names.first(where: { $0.isEmpty || $0.contains("/") || $0 == "." || $0 == ".." }) {
            throw r.fail("data.class_names", "must be folder names (non-empty, no '/'), found \"\(bad)\"")
        }
        if let duplicate = names.enumerated().first(where: { names[..<$0.offset].contains($0.element) })?.element {
            throw r.fail("data.class_names", "must be unique, found \"\(duplicate)\" twice")
        }
        guard model.numClasses == names.count else {
            throw r.fail("model.num_classes", "(\(model.numClasses)) must equal the number of 'data.class_names' (\(names.count))")
        }
        guard names.contains(data.malignantClass) else {
            throw r.fail("data.malignant_class", "must be one of 'data.class_names' (\(names.joined(separator: ", "))), found \"\(data.malignantClass)\"")
        }
        guard training.focalLoss.alpha.count == names.count else {
            throw r.fail("training.focal_loss.alpha", "must have one value per class (\(names.count)), found \(training.focalLoss.alpha.count)")
        }
        // Training-mode BatchNorm1d of the head needs two samples (PyTorch raises for one).
        guard data.batchSize >= 2 else {
            throw r.fail("data.batch_size", "must be at least 2: the head's BatchNorm1d cannot train on a batch of one (PyTorch raises the same)")
        }
        // Splits.
        guard data.valSplit + data.testSplit < 1 else {
            throw r.fail("data.test_split", "plus 'data.val_split' must be < 1, found \(data.testSplit) + \(data.valSplit)")
        }
        // Phases.
        let u = model.progressiveUnfreezing, prefix = "model.progressive_unfreezing."
        let ends = u.phaseEnds
        for k in 1 ..< 4 where ends[k] <= ends[k - 1] {
            throw r.fail(prefix + "phase\(k + 1)_epochs", "(\(ends[k])) must be greater than '\(prefix)phase\(k)_epochs' (\(ends[k - 1]))")
        }
        guard u.phase4Epochs <= training.epochs else {
            throw r.fail(prefix + "phase4_epochs", "(\(u.phase4Epochs)) must be <= 'training.epochs' (\(training.epochs)); a shorter run needs shorter phases")
        }
        guard u.phase3UnfreezePercent >= u.phase2UnfreezePercent else {
            throw r.fail(prefix + "phase3_unfreeze_percent", "(\(u.phase3UnfreezePercent)) must be >= '\(prefix)phase2_unfreeze_percent' (\(u.phase2UnfreezePercent))")
        }
        // Schedule.
        guard training.warmupEpochs < training.epochs else {
            throw r.fail("training.warmup_epochs", "(\(training.warmupEpochs)) must be < 'training.epochs' (\(training.epochs))")
        }
        var previous = training.warmupEpochs
        for restart in training.restartEpochs {
            guard restart > previous else {
                throw r.fail("training.restart_epochs", restart <= training.warmupEpochs
                    ? "must all be after 'training.warmup_epochs' (\(training.warmupEpochs)), found \(restart)"
                    : "must be strictly increasing, found \(restart) after \(previous)")
            }
            guard restart < training.epochs else {
                throw r.fail("training.restart_epochs", "must all be before 'training.epochs' (\(training.epochs)), found \(restart)")
            }
            previous = restart
        }
        // Lists without repeats.
        for (key, list) in [("metrics.track_metrics", metrics.trackMetrics), ("inference.tta_transforms", inference.ttaTransforms)] {
            if let duplicate = list.enumerated().first(where: { list[..<$0.offset].contains($0.element) })?.element {
                throw r.fail(key, "must not repeat \"\(duplicate)\"")
            }
        }
    }
}

/// Reads typed values from the merged tree, each failure naming the key and where its value came from.
struct ConfigReader {
    let tree: ConfigJSON
    let source: String
    /// Dotted key to the override that set it.
    let origins: [String: String]
    /// Keys read so far (checked against the schema in debug builds).
    private(set) var read: Set<String> = []

    init(tree: ConfigJSON, source: String, origins: [String: String]) {
        self.tree = tree
        self.source = source
        self.origins = origins
    }

    /// The interval a number must lie in.
    enum Bound {
        case positive, nonNegative, closedUnit, halfOpenUnit, openClosedUnit, openUnit, fraction
        case atLeast(Double), range(Double, Double)

        func check(_ x: Double) -> String? {
            switch self {
            case .positive: return x > 0 ? nil : "must be > 0"
            case .nonNegative: return x >= 0 ? nil : "must be >= 0"
            case .closedUnit: return (0 ... 1).contains(x) ? nil : "must be in [0, 1]"
            case .halfOpenUnit, .fraction: return x >= 0 && x < 1 ? nil : "must be in [0, 1)"
            case .openClosedUnit: return x > 0 && x <= 1 ? nil : "must be in (0, 1]"
            case .openUnit: return x > 0 && x < 1 ? nil : "must be in (0, 1)"
            case .atLeast(let lo): return x >= lo ? nil : "must be >= \(ConfigJSON.canonicalNumber("\(lo)"))"
            case .range(let lo, let hi):
                return (lo ... hi).contains(x) ? nil : "must be in [\(ConfigJSON.canonicalNumber("\(lo)")), \(ConfigJSON.canonicalNumber("\(hi)"))]"
            }
        }
    }

    /// The error for `key`. Its source is the override that set `key`, else an override that set a
    /// key the problem names (a constraint between keys), else the file.
    func fail(_ key: String, _ problem: String) -> RuntimeError {
        let related = origins.keys.sorted().first { problem.contains("'\($0)'") }
        return .config(source: origins[key] ?? related.flatMap { origins[$0] } ?? source, problem: "'\(key)' \(problem)")
    }

    private mutating func value(_ key: String) throws(RuntimeError) -> ConfigJSON {
        read.insert(key)
        guard let value = tree.value(at: key.split(separator: ".").map(String.init)) else {
            throw fail(key, "is missing")  // unreachable: the defaults hold every key
        }
        return value
    }

    mutating func bool(_ key: String) throws(RuntimeError) -> Bool {
        let v = try value(key)
        guard case .bool(let b) = v else { throw fail(key, "must be true or false, found \(v.shortText)") }
        return b
    }

    mutating func int(_ key: String, min: Int) throws(RuntimeError) -> Int {
        let v = try value(key)
        let n = try integer(v, key: key, what: "an integer")
        guard n >= min else { throw fail(key, "must be >= \(min), found \(v.shortText)") }
        return n
    }

    mutating func double(_ key: String, _ range: Bound) throws(RuntimeError) -> Double {
        let v = try value(key)
        let x = try number(v, key: key, what: "a number")
        if let problem = range.check(x) { throw fail(key, "\(problem), found \(v.shortText)") }
        return x
    }

    mutating func string(_ key: String) throws(RuntimeError) -> String {
        let v = try value(key)
        guard case .string(let s) = v else { throw fail(key, "must be a string, found \(v.shortText)") }
        return s
    }

    mutating func path(_ key: String) throws(RuntimeError) -> String {
        let s = try string(key)
        guard !s.isEmpty else { throw fail(key, "must be a non-empty path") }
        return s
    }

    mutating func oneOf(_ key: String, _ allowed: [String]) throws(RuntimeError) -> String {
        let s = try string(key)
        guard allowed.contains(s) else {
            var problem = "must be one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", ")), found \"\(s)\""
            if let guess = closestMatch(to: s, among: allowed) { problem += " (did you mean \"\(guess)\"?)" }
            throw fail(key, problem)
        }
        return s
    }

    mutating func stringList(_ key: String, minCount: Int, allowed: [String]? = nil) throws(RuntimeError) -> [String] {
        let items = try list(key, what: "a list of strings")
        var out: [String] = []
        for item in items {
            guard case .string(let s) = item else { throw fail(key, "must be a list of strings, found \(item.shortText) in it") }
            if let allowed, !allowed.contains(s) {
                throw fail(key, "may only hold \(allowed.map { "\"\($0)\"" }.joined(separator: ", ")), found \"\(s)\"")
            }
            out.append(s)
        }
        guard out.count >= minCount else { throw fail(key, "must hold at least \(minCount) names, found \(out.count)") }
        return out
    }

    mutating func intList(_ key: String, min: Int) throws(RuntimeError) -> [Int] {
        try list(key, what: "a list of integers").map { (item) throws(RuntimeError) -> Int in
            let n = try integer(item, key: key, what: "a list of integers")
            guard n >= min else { throw fail(key, "values must be >= \(min), found \(item.shortText)") }
            return n
        }
    }

    mutating func doubleList(_ key: String, _ range: Bound) throws(RuntimeError) -> [Double] {
        try list(key, what: "a list of numbers").map { (item) throws(RuntimeError) -> Double in
            let x = try number(item, key: key, what: "a list of numbers")
            if let problem = range.check(x) { throw fail(key, "values \(problem), found \(item.shortText)") }
            return x
        }
    }

    /// `[min, max]` with min <= max, both in `range`.
    mutating func pair(_ key: String, _ range: Bound) throws(RuntimeError) -> [Double] {
        let values = try doubleList(key, range)
        guard values.count == 2 else { throw fail(key, "must be a [min, max] pair, found \(values.count) values") }
        guard values[0] <= values[1] else { throw fail(key, "must be [min, max] with min <= max, found [\(values[0]), \(values[1])]") }
        return values
    }

    private mutating func list(_ key: String, what: String) throws(RuntimeError) -> [ConfigJSON] {
        let v = try value(key)
        guard case .array(let items) = v else { throw fail(key, "must be \(what), found \(v.shortText)") }
        return items
    }

    private func integer(_ v: ConfigJSON, key: String, what: String) throws(RuntimeError) -> Int {
        guard case .number(let text) = v else { throw fail(key, "must be \(what), found \(v.shortText)") }
        guard let n = Int(text) else {
            if text.allSatisfy({ $0.isNumber || $0 == "-" }) { throw fail(key, "is too large, found \(text)") }
            throw fail(key, "must be \(what), found \(text)")
        }
        return n
    }

    private func number(_ v: ConfigJSON, key: String, what: String) throws(RuntimeError) -> Double {
        guard case .number(let text) = v else { throw fail(key, "must be \(what), found \(v.shortText)") }
        guard let x = Double(text), x.isFinite else { throw fail(key, "must be a finite number, found \(text)") }
        return x
    }
}
