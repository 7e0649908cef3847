import Foundation
import XCTest
@testable import Data
@testable import Formats
@testable import Training

/// The decoding keys: `data.intensity_window`, `data.intensity_percentiles`, `data.dicom.window_index`,
/// `data.dicom.frame` — defaults, files, overrides, refusals, and that they reach the Preprocessor.
final class DecodeConfigTests: XCTestCase {
    func testDefaultsArePercentileFirstWindowNoFrame() throws {
        let c = try TrainingConfig.defaults()
        XCTAssertEqual(c.data.decoding, DecodeOptions(window: .percentile(low: 0.5, high: 99.5), dicomWindowIndex: 0, dicomFrame: nil))
        XCTAssertEqual(c.data.decoding, .default)
        XCTAssertEqual(c.preprocessor.decoding, .default)
    }

    func testOverridesReachThePreprocessorAndItsCacheKey() throws {
        let fixed = try TrainingConfig.defaults(overrides: ["data.intensity_window": "[100, 3000]", "data.dicom.frame": "2",
                                                            "data.dicom.window_index": "1"])
        XCTAssertEqual(fixed.data.decoding, DecodeOptions(window: .fixed(low: 100, high: 3000), dicomWindowIndex: 1, dicomFrame: 2))
        XCTAssertEqual(fixed.preprocessor.decoding, fixed.data.decoding)
        let minmax = try TrainingConfig.defaults(overrides: ["data.intensity_window": "minmax"])
        XCTAssertEqual(minmax.data.decoding.window, .minmax)
        let percentiles = try TrainingConfig.defaults(overrides: ["data.intensity_percentiles": "[1, 99]"])
        XCTAssertEqual(percentiles.data.decoding.window, .percentile(low: 1, high: 99))
        let bytes: [UInt8] = Array("same file".utf8)
        let keys = Set([try TrainingConfig.defaults(), fixed, minmax, percentiles].map { $0.preprocessor.cacheKey(fileData: bytes) })
        XCTAssertEqual(keys.count, 4)
    }

    func testBadValuesAreRefusedNamingTheKey() {
        let cases: [(String, String, String)] = [
            ("data.intensity_window", "median", "'data.intensity_window' must be \"minmax\", \"percentile\" or [low, high] fixed values, found"),
            ("data.intensity_window", "[3000, 100]", "'data.intensity_window' must be [low, high] with low < high"),
            ("data.intensity_window", "[1, 2, 3]", "'data.intensity_window' must be \"minmax\", \"percentile\" or [low, high], found 3 values"),
            ("data.intensity_percentiles", "[0.5, 120]", "'data.intensity_percentiles'"),
            ("data.dicom.window_index", "-1", "'data.dicom.window_index'"),
            ("data.dicom.frame", "-2", "'data.dicom.frame' must be an integer >= 0 or null, found -2"),
            ("data.dicom.frame", "first", "'data.dicom.frame' must be an integer >= 0 or null"),
        ]
        for (key, value, fragment) in cases {
            XCTAssertThrowsError(try TrainingConfig.defaults(overrides: [key: value]), "\(key)=\(value)") { error in
                XCTAssertTrue("\(error)".contains(fragment), "\(key)=\(value): \(error)")
                XCTAssertFalse("\(error)".contains("\n"))
            }
        }
    }

    func testTheKeysAreOneBlockAfterBreastCroppingInTheTable() {
        let keys = ConfigSchema.keys.map(\.key)
        let start = keys.firstIndex(of: "data.breast_cropping")!
        XCTAssertEqual(Array(keys[start + 1 ... start + 4]), ["data.intensity_window", "data.intensity_percentiles",
                                                              "data.dicom.window_index", "data.dicom.frame"])
    }
}
