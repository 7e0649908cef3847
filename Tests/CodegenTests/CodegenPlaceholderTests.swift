import XCTest
@testable import Codegen

/// Codegen is the next issue; this target exists so its tests have a home.
final class CodegenPlaceholderTests: XCTestCase {
    func testModuleLinks() { _ = Codegen.self }
}
