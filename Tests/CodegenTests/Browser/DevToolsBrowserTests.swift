import Foundation
import XCTest
@testable import Data

/// The DevTools client against a static page (a file:// URL): it starts chromium, evaluates
/// (values, promises, exceptions), fills a form and clicks by script, waits for the page's own
/// script to react, records console output, and takes screenshots whose pixels are the page's.
final class DevToolsBrowserTests: XCTestCase {
    /// A browser, or a skip (loud) on a machine without chromium; in CI (`CI` set) a failure.
    static func browser(scratch: URL, width: Int = 1280, height: Int = 900) throws -> DevToolsBrowser {
        guard let executable = DevToolsBrowser.executable() else {
            let message = "NO CHROMIUM: the real-browser tests need Debian's chromium (apt-get install chromium) or BREASTAI_CHROMIUM=/path/to/chrome"
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail(message) }
            print("warning: \(message); skipped")
            throw XCTSkip(message)
        }
        return try DevToolsBrowser(executable: executable, scratch: scratch, width: width, height: height)
    }

    static let page = """
        <!doctype html><html><head><meta charset="utf-8"><title>cdp test</title>
        <style>body { margin: 0; background: #fff } #red { position: absolute; left: 0; top: 0; width: 100px; height: 50px; background: rgb(255,0,0) }
        #blue { position: absolute; left: 0; top: 1500px; width: 100px; height: 50px; background: rgb(0,0,255) }</style></head>
        <body><div id="red"></div><div id="blue"></div>
        <form id="f" style="margin-top: 80px"><select name="model"><option>S</option><option>tiny</option></select>
        <input name="epochs" value="1"><input type="checkbox" name="cbam"></form>
        <button id="go">go</button><p id="out"></p>
        <script>
        document.getElementById('go').addEventListener('click', () => {
          const f = document.getElementById('f');
          console.log('clicked', f.model.value);
          setTimeout(() => { document.getElementById('out').textContent = `${f.model.value} x${f.epochs.value} cbam=${f.cbam.checked}` }, 300);
        });
        </script></body></html>
        """

    func testDrivesAStaticPage() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cdp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("page.html")
        try Self.page.write(to: file, atomically: true, encoding: .utf8)
        let browser = try Self.browser(scratch: scratch, width: 800, height: 600)
        defer { browser.close() }

        try browser.navigate(file.absoluteString)
        XCTAssertEqual(try browser.evaluate("document.title") as? String, "cdp test")
        XCTAssertEqual((try browser.evaluate("6 * 7") as? NSNumber)?.intValue, 42)
        XCTAssertEqual(try browser.evaluate("new Promise(r => setTimeout(() => r('later'), 100))") as? String, "later")
        XCTAssertNil(try browser.evaluate("undefined"))
        XCTAssertThrowsError(try browser.evaluate("nosuchname.x")) { error in
            XCTAssertTrue("\(error)".contains("nosuchname"), "\(error)")
        }
        XCTAssertThrowsError(try browser.call("No.suchMethod")) { error in
            XCTAssertTrue("\(error)".contains("No.suchMethod"), "\(error)")
        }

        // Form values set by script, a click, and the page's own delayed reaction.
        try browser.evaluate("""
            const f = document.getElementById('f'); f.model.value = 'tiny'; f.epochs.value = '7'; f.cbam.checked = true;
            document.getElementById('go').click()
            """)
        try browser.waitUntil("document.getElementById('out').textContent !== ''", timeout: 10, what: "the page's reaction")
        XCTAssertEqual(try browser.evaluate("document.getElementById('out').textContent") as? String, "tiny x7 cbam=true")
        XCTAssertTrue(browser.console.contains("console.log: clicked tiny"), "\(browser.console)")
        XCTAssertThrowsError(try browser.waitUntil("false", timeout: 0.5, what: "nothing", describe: "'still false'")) { error in
            XCTAssertTrue("\(error)".contains("nothing") && "\(error)".contains("still false"), "\(error)")
        }

        // The viewport screenshot shows the red box at the top left on white.
        let shot = try ImageCodec.decode(data: try browser.screenshot())
        XCTAssertEqual(shot.width, 800)
        XCTAssertEqual(shot.height, 600)
        func pixel(_ image: RGBImage, _ x: Int, _ y: Int) -> [UInt8] { Array(image.pixels[(y * image.width + x) * 3..<(y * image.width + x) * 3 + 3]) }
        XCTAssertEqual(pixel(shot, 10, 10), [255, 0, 0])
        XCTAssertEqual(pixel(shot, 150, 10), [255, 255, 255])
        // A clip below the viewport (beyond it) shows the blue box.
        let clip = try ImageCodec.decode(data: try browser.screenshot(clip: (x: 0, y: 1490, width: 200, height: 70)))
        XCTAssertEqual(clip.width, 200)
        XCTAssertEqual(clip.height, 70)
        XCTAssertEqual(pixel(clip, 10, 5), [255, 255, 255])
        XCTAssertEqual(pixel(clip, 10, 30), [0, 0, 255])

        // Closing ends the process and removes its profile.
        browser.close()
        XCTAssertEqual(kill(browser.pid, 0), -1, "the browser process is gone")
    }
}
