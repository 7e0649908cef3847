import ArgumentParser
import Foundation
import Data
import Formats
import Reports
import Training

/// `breastai-run validate`: reads every image of a dataset once and reports what would hurt training.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a dataset before training: unreadable, too-small and near-empty images, duplicates and patient groups across splits, class balance, sizes, bit depths, DICOM headers.",
        discussion: """
            Reads every image training would read once (in parallel) and prints a summary: the class folders \
            <data>/{train,val,test}/<class>/ or the --config's data.manifest, sub-folders per data.recursive, \
            groups per data.group_by; the configuration's data keys apply (default: the built-in ones). \
            With --report DIR it also writes validation.json (every finding with its paths, every image's record), \
            validation.md (summary, blocking problems first, class-balance chart, histograms, example thumbnails) \
            and the PNG figures into DIR, which must be new or empty and outside the data folder.

            Blocking problems: identical files in two splits, a patient group in two splits, a class folder \
            that is missing or empty in an existing split, a class with no readable image, no train/ folder, a layout or group rule training refuses. \
            Everything else (unreadable or too-small files, near-empty intensity windows, near duplicates, \
            duplicates within a split, imbalance, mixed DICOM modalities, ignored files) is a warning.

            Exit status: 0 when there is no blocking problem (warnings only, or nothing found); 1 when there \
            is at least one; 2 when the command itself fails (no data folder, a refused --report folder); \
            64 for a wrong option.

            The data folder is only read: no file in it is created, changed, moved or deleted, and no cache is written.

            Examples:
              breastai-run validate --data data
              breastai-run validate --data /scans --config config.json --report reports/validation
            """)
    @Option(name: .long, help: "Data folder with train/ (and val/, test/) class folders.")
    var data: String
    @Option(name: .long, help: "Configuration file (data.class_names, data.intensity_window; default: the built-in defaults).")
    var config: String?
    @Option(name: .long, help: "Write validation.json, validation.md and figures into this new or empty folder (outside the data folder).")
    var report: String?
    @Option(name: .long, help: "Reading threads (default: the number of cores).")
    var threads: Int?
    @Option(name: .long, help: ArgumentHelp("Perceptual hashes at most N of 64 bits apart are near duplicates (0-32).", valueName: "N"))
    var nearDistance: Int = DatasetValidator.defaultNearDistance

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        guard (0...32).contains(nearDistance) else { throw ValidationError("--near-distance must be in 0...32, got \(nearDistance)") }
    }

    func run() throws {
        do {
            try check()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            // Status 1 means "blocking problems found"; a failure of the command itself is 2.
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// Validates and reports; throws `ExitCode(1)` when a blocking problem was found.
    private func check() throws {
        let settings = try config.map { try TrainingConfig.load(url: URL(fileURLWithPath: $0), overrides: [:]) }
            ?? TrainingConfig.defaults(overrides: [:])
        let dataDir = URL(fileURLWithPath: data).standardizedFileURL
        if let report {
            let folder = URL(fileURLWithPath: report)
            if ReportLocation.isInside(folder, dataDir) {
                throw RuntimeError.io(path: folder.path, problem: "is inside the data folder \(dataDir.path); --report must be outside it (validate never writes into the data)")
            }
            try OutputPath.prepareDirectory(folder, force: false, option: "--report")
        }
        var bar: ProgressBar?
        let options = DatasetValidator.Options(classNames: settings.data.classNames,
                                               threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                                               nearDistance: nearDistance, groupBy: settings.data.groupBy,
                                               dicomTag: TrainingConfig.dicomTagReader, decoding: settings.data.decoding,
                                               recursive: Dataset.Recursion(rawValue: settings.data.recursive) ?? .auto,
                                               manifest: settings.data.manifest.map { URL(fileURLWithPath: $0) })
        let result = try DatasetValidator.run(dataDir: dataDir, options: options) { done, total in
            if bar == nil { bar = ProgressBar(total: total, label: "validate") }
            bar?.update(done: done)
        }
        bar?.finish()
        for line in ValidationReport.summaryLines(result) { consoleLine(line) }
        if let report {
            let files = try ValidationReport.write(result, to: URL(fileURLWithPath: report), decoding: settings.data.decoding)
            consoleLine("report: \(report)/validation.md (\(files.count) files)")
        }
        if result.isBlocked { throw ExitCode(1) }
    }
}

/// Whether a (possibly not yet existing) folder lies inside another, symbolic links resolved.
enum ReportLocation {
    static func isInside(_ folder: URL, _ container: URL) -> Bool {
        let inner = resolved(folder), outer = resolved(container)
        return inner == outer || inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/")
    }

    /// The absolute path with symbolic links resolved in its deepest existing ancestor.
    static func resolved(_ url: URL) -> String {
        var existing = url.standardizedFileURL, rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path) && existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var path = existing.resolvingSymlinksInPath().path
        for component in rest { path += (path.hasSuffix("/") ? "" : "/") + component }
        return path
    }
}
