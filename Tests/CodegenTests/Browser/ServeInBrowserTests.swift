import Foundation
import XCTest
@testable import Data

/// The web interface in a real browser (issue 12): `breastai-run serve` on a free port over a
/// workspace of phantoms; headless chromium opens the page, starts a tiny run from the form, sees
/// the progress and a chart point appear, stops it, resumes it from latest to the end, evaluates
/// a checkpoint on the test split and sees the report's figures. Screenshots of the live run and
/// the report go to `$BREASTAI_SCREENSHOTS` (default: a temporary folder): `serve-live-run.png`,
/// `serve-report.png`. Only the DOM contract of the page is used (ids and names listed in the
/// README's "Web interface" section). On failure it prints the page's `#error`, its console, the
/// server's output and the run's console.
final class ServeInBrowserTests: XCTestCase {
    var workspace: URL!
    var server: ServeProcess?
    var browser: DevToolsBrowser?

    override func setUpWithError() throws {
        workspace = FileManager.default.temporaryDirectory.appendingPathComponent("breastai-serve-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        browser?.close()
        server?.stop()
        if let server { try? FileManager.default.removeItem(at: server.outputURL) }
        try? FileManager.default.removeItem(at: workspace)
    }

    /// Where the screenshots go: `$BREASTAI_SCREENSHOTS` (relative to the current folder), else a temporary folder.
    func screenshotFolder() throws -> URL {
        let env = ProcessInfo.processInfo.environment["BREASTAI_SCREENSHOTS"]
        let folder = env.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) }
            ?? workspace.deletingLastPathComponent().appendingPathComponent("breastai-screenshots")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.standardizedFileURL
    }

    func testStartFollowStopResumeAndReport() throws {
        let browser = try DevToolsBrowserTests.browser(scratch: workspace.deletingLastPathComponent(), width: 1280, height: 1000)
        self.browser = browser
        try Phantoms.write(to: workspace.appendingPathComponent("data"), perClass: Phantoms.SplitCounts(train: 36, val: 8, test: 8),
                           size: 64, seed: 11)
        let server = try ServeProcess(workspace: workspace)
        self.server = server
        let shots = try screenshotFolder()
        do {
            try drive(browser, url: server.url, shots: shots)
        } catch {
            report(error)
            throw error
        }
    }

    /// The whole scenario; each wait is bounded.
    func drive(_ b: DevToolsBrowser, url: String, shots: URL) throws {
        try b.navigate(url)
        try b.waitUntil("document.querySelector('#start-form') && document.querySelector('#run-state')", timeout: 30, what: "the page's start form")

        // The form: a tiny model on the phantoms, random weights, 24 short epochs (about 1 s each here; long
        // enough that the stop below comes before the end, early stopping included).
        try b.evaluate("""
            const f = document.querySelector('#start-form');
            const set = (name, value) => {
              const e = f.elements[name];
              if (!e) throw new Error('#start-form has no field ' + name);
              if (e.type === 'checkbox') e.checked = value; else e.value = value;
              e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));
            };
            set('model', 'tiny'); set('data_dir', 'data'); set('epochs', '24'); set('batch_size', '4');
            set('accumulation', '1'); set('image_size', '32'); set('random_init', true); set('cbam', false);
            document.querySelector('#start').click();
            """)
        // Running, with the epoch in the progress panel and a chart with points (the compile takes tens of seconds).
        try waitForState(b, "running", timeout: 600)
        try b.waitUntil("/Epoch \\d+\\/24/.test(document.querySelector('#progress').textContent)", timeout: 120,
                        what: "#progress to show 'Epoch e/24'", describe: "document.querySelector('#progress').textContent")
        let points = "Math.max(0, ...[...document.querySelectorAll('#charts [data-count]')].map(e => Number(e.dataset.count)))"
        try b.waitUntil("\(points) >= 1", timeout: 120, what: "a chart point", describe: points)
        // A few more points for the picture (not required).
        try? b.waitUntil("\(points) >= 4", timeout: 15, what: "more chart points")
        XCTAssertGreaterThanOrEqual((try b.evaluate("document.querySelectorAll('#charts svg').length") as? NSNumber)?.intValue ?? 0, 1, "#charts has SVG charts")
        try save(b.screenshot(), shots.appendingPathComponent("serve-live-run.png"))

        // Stop: a checkpoint at the next optimizer step.
        try b.evaluate("document.querySelector('#stop').click()")
        try waitForState(b, "stopped", timeout: 180)

        // Resume from latest, to the end.
        try b.waitUntil("[...document.querySelector('#resume-from').options].some(o => o.value === 'latest')", timeout: 30,
                        what: "#resume-from to offer latest", describe: "[...document.querySelector('#resume-from').options].map(o => o.value).join(',')")
        try b.evaluate("""
            const s = document.querySelector('#resume-from'); s.value = 'latest'; s.dispatchEvent(new Event('change', {bubbles: true}));
            document.querySelector('#resume').click();
            """)
        try waitForState(b, "running|starting|finished", timeout: 120)
        try waitForState(b, "finished", timeout: 1200)

        // Evaluate the best checkpoint (else the last) on the test split; the report shows its figures.
        try b.waitUntil("document.querySelectorAll('#checkpoints tr[data-name] button.eval').length > 0", timeout: 60,
                        what: "#checkpoints rows with an eval button")
        let name = try b.evaluate("""
            (() => {
              const rows = [...document.querySelectorAll('#checkpoints tr[data-name]')].filter(r => r.querySelector('button.eval'));
              const best = rows.find(r => /\\bbest\\b/i.test(r.className + ' ' + r.textContent)) || rows[rows.length - 1];
              const split = document.querySelector('#eval-split'); split.value = 'test'; split.dispatchEvent(new Event('change', {bubbles: true}));
              best.querySelector('button.eval').click();
              return best.dataset.name;
            })()
            """) as? String
        XCTAssertNotNil(name)
        let figures = "[...document.querySelectorAll('#report img')]"
        try b.waitUntil("\(figures).length > 0 && \(figures).every(i => i.complete && i.naturalWidth > 0)", timeout: 600,
                        what: "the report's figures for checkpoint \(name ?? "?")",
                        describe: "\(figures).map(i => i.src + ':' + i.naturalWidth).join(' ') + ' error: ' + document.querySelector('#error').textContent")
        XCTAssertEqual(try b.evaluate("document.querySelector('#error').textContent.trim()") as? String, "", "no error shown")
        let rect = try b.evaluate("""
            (() => { const r = document.querySelector('#report'); r.scrollIntoView();
                     const b = r.getBoundingClientRect();
                     return [b.left + scrollX, b.top + scrollY, b.width, Math.min(b.height, 1600)]; })()
            """) as? [NSNumber] ?? []
        XCTAssertEqual(rect.count, 4)
        if rect.count == 4, rect[2].doubleValue > 0, rect[3].doubleValue > 0 {
            try save(b.screenshot(clip: (x: 0, y: max(0, rect[1].doubleValue - 8), width: 1280, height: rect[3].doubleValue + 16)),
                     shots.appendingPathComponent("serve-report.png"))
        }
        XCTAssertEqual(b.console.filter { $0.hasPrefix("uncaught") }, [], "no uncaught exception in the page")
        print("screenshots in \(shots.path)")
    }

    /// Waits until `#run-state` says one of `states` (a regex alternation); a failed run stops the wait at once.
    func waitForState(_ b: DevToolsBrowser, _ states: String, timeout: TimeInterval) throws {
        let deadline = Date().addingTimeInterval(timeout)
        let pattern = try NSRegularExpression(pattern: "\\b(\(states))\\b")
        var last = ""
        while Date() < deadline {
            last = (try b.evaluate("document.querySelector('#run-state').textContent.trim().toLowerCase()") as? String) ?? ""
            if pattern.firstMatch(in: last, range: NSRange(last.startIndex..., in: last)) != nil { return }
            if last.contains("failed") && !states.contains("failed") {
                throw DevToolsBrowser.Failure(description: "#run-state says '\(last)' while waiting for \(states)")
            }
            usleep(250_000)
        }
        throw DevToolsBrowser.Failure(description: "waited \(Int(timeout)) s for #run-state \(states); it says '\(last)'")
    }

    func save(_ png: Data, _ url: URL) throws {
        XCTAssertTrue(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        try png.write(to: url, options: .atomic)
    }

    /// Everything that helps to see why: the page's error and console, the server's output, the runs' consoles.
    func report(_ error: Error) {
        var lines = ["browser test failed: \(error)"]
        if let b = browser {
            lines.append("#error: " + (((try? b.evaluate("document.querySelector('#error') && document.querySelector('#error').textContent")) as? String) ?? "?"))
            lines.append("#run-state: " + (((try? b.evaluate("document.querySelector('#run-state') && document.querySelector('#run-state').textContent")) as? String) ?? "?"))
            lines.append("#progress: " + (((try? b.evaluate("document.querySelector('#progress') && document.querySelector('#progress').textContent")) as? String) ?? "?"))
            lines.append("page console:\n  " + b.console.suffix(30).joined(separator: "\n  "))
            if let png = try? b.screenshot() {
                let url = workspace.deletingLastPathComponent().appendingPathComponent("breastai-serve-failure-\(UUID().uuidString.prefix(8)).png")
                try? png.write(to: url)
                lines.append("screenshot of the failure: \(url.path)")
            }
        }
        if let server { lines.append("server output:\n" + server.output.split(separator: "\n").suffix(60).joined(separator: "\n")) }
        let runs = workspace.appendingPathComponent("runs")
        for run in (try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? [] {
            let console = (try? String(contentsOf: runs.appendingPathComponent(run).appendingPathComponent("console.txt"), encoding: .utf8)) ?? "(none)"
            lines.append("run \(run) console.txt:\n" + console.split(separator: "\n").suffix(40).joined(separator: "\n"))
        }
        print(lines.joined(separator: "\n"))
    }
}
