import XCTest
final class CodegenTestsPlaceholder: XCTestCase { func testNothing() {} }
