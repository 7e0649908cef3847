import Foundation
import Formats

/// Reads one DICOM tag (`PatientID`, `StudyInstanceUID`) of a file; nil when the file lacks it.
public typealias DicomTagReader = @Sendable (URL, String) throws -> String?

/// How images are grouped (by patient or study) so that a group never straddles two splits:
/// `data.group_by`.
///
/// - `""` (default): one group per image (the relative path);
/// - `dicom:PatientID`, `dicom:StudyInstanceUID`: the tag of each file, read from its header; the
///   group key is `SHA-256(value)`'s first 16 hex digits, so the identity itself never reaches a
///   log, a report or `split.json`;
/// - anything else: a regular expression searched in the relative path (`train/benign/P12_cc.png`),
///   whose first capture group is the key, e.g. `^[^/]+/[^/]+/(P\d+)_`.
///
/// A file the rule cannot group (no match, an empty capture, no such tag) is an error listing how
/// many and the first three: there is no silent per-image fallback. A manifest's `group` column
/// (when `data.group_by` is empty) gives the key instead, hashed the same way as DICOM values.
public enum GroupRule: Equatable, Sendable {
    case perImage
    case dicom(tag: String)
    case pattern(String)

    public static let dicomTags = ["PatientID", "StudyInstanceUID"]

    /// Reads `PatientID` or `StudyInstanceUID` from a file's header (`DicomFile.readHeader`, no
    /// pixel data); nil when the tag is empty or absent.
    public static let dicomHeaderTag: DicomTagReader = { url, tag in
        let header = try DicomFile.readHeader(contentsOf: url)
        let value = tag == "StudyInstanceUID" ? header.studyInstanceUID : header.patientID
        return value.isEmpty ? nil : value
    }

    /// The rule of a `data.group_by` value; throws a one-line problem (without the key name) when
    /// the regex does not compile, has no capture group, or the DICOM tag is not supported.
    public init(parsing text: String) throws(RuntimeError) {
        if text.isEmpty { self = .perImage; return }
        if text.hasPrefix("dicom:") {
            let tag = String(text.dropFirst("dicom:".count))
            guard Self.dicomTags.contains(tag) else {
                throw .io(path: text, problem: "unsupported DICOM tag '\(tag)'; use dicom:PatientID or dicom:StudyInstanceUID")
            }
            self = .dicom(tag: tag)
            return
        }
        let regex: NSRegularExpression
        do { regex = try NSRegularExpression(pattern: text) } catch {
            throw .io(path: text, problem: "is not a valid regular expression")
        }
        guard regex.numberOfCaptureGroups >= 1 else {
            throw .io(path: text, problem: "has no capture group; the first (...) group must capture the patient or study id")
        }
        self = .pattern(text)
    }

    /// The text form (`data.group_by`).
    public var text: String {
        switch self {
        case .perImage: return ""
        case .dicom(let tag): return "dicom:\(tag)"
        case .pattern(let p): return p
        }
    }

    /// The identity-hiding key of a value: the first 16 hex digits of its SHA-256.
    public static func hashedKey(_ value: String) -> String { String(SHA256.hex(value).prefix(16)) }

    /// The group of each sample (in order). `given` are a manifest's group values (nil entries:
    /// none given), used when the rule is `perImage`; a DICOM rule needs `dicomTag`.
    func groups(of samples: [Dataset.Sample], given: [String?]?, dicomTag: DicomTagReader?,
                dataDir: String) throws(RuntimeError) -> [String] {
        var failed: [String] = []
        var keys: [String] = []
        keys.reserveCapacity(samples.count)
        if self != .perImage, let given, given.contains(where: { !($0 ?? "").isEmpty }) {
            throw .io(path: dataDir, problem: "both data.group_by (\(text)) and the manifest's group column give groups; use one of them")
        }
        switch self {
        case .perImage:
            guard let given else { return samples.map(\.relativePath) }
            let named = given.filter { !($0 ?? "").isEmpty }.count
            if named > 0 && named < samples.count {
                let missing = zip(samples, given).filter { ($0.1 ?? "").isEmpty }.map(\.0.relativePath)
                throw .io(path: dataDir, problem: "the manifest gives a group for \(named) of \(samples.count) files but not for \(missing.count): "
                          + Self.firstFew(missing) + "; give every row a group (or none)")
            }
            return zip(samples, given).map { sample, value in
                (value ?? "").isEmpty ? sample.relativePath : "manifest:" + Self.hashedKey(value!)
            }
        case .pattern(let pattern):
            let regex = try! NSRegularExpression(pattern: pattern)  // checked by init(parsing:)
            for sample in samples {
                let path = sample.relativePath
                let range = NSRange(path.startIndex..., in: path)
                if let match = regex.firstMatch(in: path, range: range), let r = Range(match.range(at: 1), in: path), !r.isEmpty {
                    keys.append(String(path[r]))
                } else {
                    failed.append(path)
                }
            }
            if !failed.isEmpty {
                throw .io(path: dataDir, problem: "data.group_by \(pattern) does not match (or captures nothing in) \(failed.count) of \(samples.count) files: "
                          + Self.firstFew(failed) + "; fix the pattern or set data.group_by to \"\" for one group per image")
            }
        case .dicom(let tag):
            guard let dicomTag else {
                throw .io(path: dataDir, problem: "data.group_by dicom:\(tag) needs the DICOM reader, which this build lacks")
            }
            var unreadable: [String] = []
            // Headers are read in parallel; results by index, so the outcome does not depend on timing.
            let values = Self.readTags(samples.map(\.url), tag: tag, reader: dicomTag)
            for (sample, value) in zip(samples, values) {
                switch value {
                case .some(.some(let v)) where !v.trimmingCharacters(in: .whitespaces).isEmpty:
                    keys.append("dicom:" + Self.hashedKey(v.trimmingCharacters(in: .whitespaces)))
                case .some: failed.append(sample.relativePath)
                case .none: unreadable.append(sample.relativePath)
                }
            }
            if !unreadable.isEmpty {
                throw .io(path: dataDir, problem: "data.group_by dicom:\(tag): \(unreadable.count) of \(samples.count) files have no readable DICOM header: "
                          + Self.firstFew(unreadable) + "; group them with a regex or a manifest instead")
            }
            if !failed.isEmpty {
                throw .io(path: dataDir, problem: "data.group_by dicom:\(tag): \(failed.count) of \(samples.count) files have no \(tag): "
                          + Self.firstFew(failed) + "; group them with a regex or a manifest instead")
            }
        }
        return keys
    }

    /// The tag of each file (outer nil: the header could not be read), read on all cores.
    static func readTags(_ urls: [URL], tag: String, reader: DicomTagReader) -> [String??] {
        final class Results: @unchecked Sendable {
            var values: [String??]
            let lock = NSLock()
            init(_ n: Int) { values = Array(repeating: nil, count: n) }
        }
        let results = Results(urls.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, urls.count))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            for i in stride(from: w, to: urls.count, by: workers) {
                let value: String??
                do { value = .some(try reader(urls[i], tag)) } catch { value = nil }
                results.lock.withLock { results.values[i] = value }
            }
        }
        return results.values
    }

    /// `a, b, c` or `a, b, c and 12 more`.
    static func firstFew(_ items: [String], _ n: Int = 3) -> String {
        items.prefix(n).joined(separator: ", ") + (items.count > n ? " and \(items.count - n) more" : "")
    }
}
