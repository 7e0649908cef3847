import Foundation
import XCTest
@testable import Data
import Training

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

    /// The URL comes from serve's one `serving` line, whatever else it prints around it.
    func testServingLineIsParsed() {
        XCTAssertEqual(ServeProcess.servingURL(in: "note: x\nserving http://127.0.0.1:40123/ (workspace /tmp/w)\nmore"), "http://127.0.0.1:40123/")
        XCTAssertEqual(ServeProcess.servingURL(in: "serving http://[::1]:8080/ (workspace /w w)"), "http://[::1]:8080/")
        XCTAssertNil(ServeProcess.servingURL(in: "starting\nserving soon"))
    }

    func testStartFollowStopResumeAndReport() throws {
        let browser = try DevToolsBrowserTests.browser(scratch: workspace.deletingLastPathComponent(), width: 1280, height: 1200)
        self.browser = browser
        try Phantoms.write(to: workspace.appendingPathComponent("data"), perClass: Phantoms.SplitCounts(train: 60, val: 8, test: 8),
                           size: 64, seed: 11)
        try Data(#"{"training": {"early_stopping": {"enabled": false}}}"#.utf8)
            .write(to: workspace.appendingPathComponent("no-early-stopping.json"))
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

        // The form: a tiny model on the phantoms, random weights, 30 short epochs (0.3 to 12 s each here,
        // by the machine's load), and a configuration file turning early stopping off, so the run
        // lasts long enough for the stop below to come before its end.
        try b.evaluate("""
            const f = document.querySelector('#start-form');
            const set = (name, value) => {
              const e = f.elements[name];
              if (!e) throw new Error('#start-form has no field ' + name);
              if (e.type === 'checkbox') e.checked = value; else e.value = value;
              e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));
            };
            set('model', 'tiny'); set('data_dir', 'data'); set('epochs', '30'); set('config', 'no-early-stopping.json'); set('batch_size', '4');
            set('accumulation', '1'); set('image_size', '32'); set('random_init', true); set('cbam', false);
            document.querySelector('#start').click();
            """)
        // Running, with the epoch in the progress panel and a chart with points (the compile takes tens of seconds).
        try waitForState(b, "running", timeout: 600, failOnError: true)
        try b.waitUntil("/Epoch \\d+\\/30/.test(document.querySelector('#progress').textContent)", timeout: 120,
                        what: "#progress to show 'Epoch e/30'", describe: "document.querySelector('#progress').textContent")
        let points = "Math.max(0, ...[...document.querySelectorAll('#charts [data-count]')].map(e => Number(e.dataset.count)))"
        try b.waitUntil("\(points) >= 1", timeout: 120, what: "a chart point", describe: points)
        // For the picture, a few epochs on the charts; not at the risk of the stop below coming after
        // the end: the run's own ETA (validation not counted) must stay above 8 s, several times what
        // the stop takes to reach the trainer. (A step of 4 images took 4 to 250 ms here, by the machine's load.)
        let shownEpoch = "(m => m ? Number(m[1]) : 0)(/Epoch (\\d+)\\/30/.exec(document.querySelector('#progress').textContent))"
        let progressURL = try runFolder().appendingPathComponent("logs").appendingPathComponent(ProgressFile.fileName)
        let pictureDeadline = Date().addingTimeInterval(40)
        while Date() < pictureDeadline, let p = try? ProgressFile.read(progressURL), (p.runETASeconds ?? 0) > 8,
              ((try? b.evaluate(shownEpoch)) as? NSNumber)?.intValue ?? 0 < 3 {
            usleep(200_000)
        }
        XCTAssertGreaterThanOrEqual((try b.evaluate("document.querySelectorAll('#charts svg').length") as? NSNumber)?.intValue ?? 0, 1, "#charts has SVG charts")
        try save(b.screenshot(), shots.appendingPathComponent("serve-live-run.png"))

        // Stop: a checkpoint at the next optimizer step.
        try b.evaluate("document.querySelector('#stop').click()")
        try waitForState(b, "stopped", timeout: 180)
        let logs = try runFolder().appendingPathComponent("logs")
        let stopped = try XCTUnwrap(try ProgressFile.read(logs.appendingPathComponent(ProgressFile.fileName)))
        XCTAssertEqual(stopped.state, .stopped, "the trainer's own record of the stop")
        XCTAssertLessThan(stopped.epochsDone ?? 99, 30, "stopped before the end")

        // Resume from latest, to the end.
        try b.waitUntil("[...document.querySelector('#resume-from').options].some(o => o.value === 'latest')", timeout: 30,
                        what: "#resume-from to offer latest", describe: "[...document.querySelector('#resume-from').options].map(o => o.value).join(',')")
        try b.evaluate("""
            const s = document.querySelector('#resume-from'); s.value = 'latest'; s.dispatchEvent(new Event('change', {bubbles: true}));
            document.querySelector('#resume').click();
            """)
        try waitForState(b, "running|starting|finished", timeout: 120)
        try waitForState(b, "finished", timeout: 1200)
        let finished = try XCTUnwrap(try ProgressFile.read(logs.appendingPathComponent(ProgressFile.fileName)))
        XCTAssertEqual(finished.state, .finished)
        XCTAssertEqual(finished.epochsDone, 30, "trained to the last epoch (early stopping off by the configuration file)")
        XCTAssertEqual(finished.runID, stopped.runID, "the resume continued the same run")
        let steps = StepLog.read(logs.appendingPathComponent(StepLog.fileName), runID: stopped.runID).map(\.step)
        XCTAssertEqual(steps, Array(1...(finished.optimizerStep ?? 0)), "every optimizer step once across stop and resume")
        XCTAssertGreaterThan(steps.count, stopped.optimizerStep ?? 0, "the resume trained on")

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
        // The picture: the report's head and two of its figures (they lie far apart on the page), cropped
        // from page captures and laid out on one image.
        let regions = try b.evaluate("""
            (() => {
              const box = e => { const r = e.getBoundingClientRect(); return [r.left + scrollX, r.top + scrollY, r.width, r.height]; };
              const report = document.querySelector('#report'), imgs = [...report.querySelectorAll('img')];
              const pick = alt => imgs.find(i => i.alt === alt);
              const figures = [pick('ROC curves') || imgs[0], pick('Precision-recall curves') || imgs[1] || imgs[0]];
              const head = box(report);
              return [[head[0], head[1], head[2], Math.min(head[3], 620)], ...figures.map(box)];
            })()
            """) as? [[NSNumber]] ?? []
        XCTAssertEqual(regions.count, 3, "the report and two figures")
        if regions.count == 3 {
            let crops = try regions.map { r -> RGBImage in
                let v = r.map(\.doubleValue)
                return try ImageCodec.decode(data: try b.screenshot(clip: (x: v[0], y: v[1], width: v[2], height: v[3])))
            }
            try save(ImageCodec.encodePNG(Self.compose([[crops[0]], [crops[1], crops[2]]])), shots.appendingPathComponent("serve-report.png"))
        }
        XCTAssertEqual(b.console.filter { $0.hasPrefix("uncaught") }, [], "no uncaught exception in the page")
        print("screenshots in \(shots.path)")
    }

    /// The one run folder of the workspace.
    func runFolder() throws -> URL {
        let runs = workspace.appendingPathComponent("runs")
        let names = try FileManager.default.contentsOfDirectory(atPath: runs.path).filter { !$0.hasPrefix(".") }
        XCTAssertEqual(names.count, 1, "one run in \(runs.path): \(names)")
        return runs.appendingPathComponent(try XCTUnwrap(names.first))
    }

    /// Waits until `#run-state` says one of `states` (a regex alternation); a failed run (or with
    /// `failOnError`, a message in `#error`, e.g. a refused start) stops the wait at once.
    func waitForState(_ b: DevToolsBrowser, _ states: String, timeout: TimeInterval, failOnError: Bool = false) throws {
        let deadline = Date().addingTimeInterval(timeout)
        let pattern = try NSRegularExpression(pattern: "\\b(\(states))\\b")
        var last = ""
        while Date() < deadline {
            last = (try b.evaluate("document.querySelector('#run-state').textContent.trim().toLowerCase()") as? String) ?? ""
            if pattern.firstMatch(in: last, range: NSRange(last.startIndex..., in: last)) != nil { return }
            if last.contains("failed") && !states.contains("failed") {
                throw DevToolsBrowser.Failure(description: "#run-state says '\(last)' while waiting for \(states)")
            }
            if failOnError, let error = try b.evaluate("document.querySelector('#error').textContent.trim()") as? String, !error.isEmpty {
                throw DevToolsBrowser.Failure(description: "#error says '\(error)' while waiting for #run-state \(states)")
            }
            usleep(250_000)
        }
        throw DevToolsBrowser.Failure(description: "waited \(Int(timeout)) s for #run-state \(states); it says '\(last)'")
    }

    /// Images laid out in rows (left to right, `gap` pixels apart and around) on white.
    static func compose(_ rows: [[RGBImage]], gap: Int = 16) -> RGBImage {
        let width = rows.map { $0.reduce(gap) { $0 + $1.width + gap } }.max() ?? 0
        let height = rows.reduce(gap) { $0 + ($1.map(\.height).max() ?? 0) + gap }
        var pixels = [UInt8](repeating: 255, count: width * height * 3)
        var top = gap
        for row in rows {
            var left = gap
            for image in row {
                for y in 0..<image.height {
                    let from = y * image.width * 3, to = ((top + y) * width + left) * 3
                    pixels.replaceSubrange(to..<to + image.width * 3, with: image.pixels[from..<from + image.width * 3])
                }
                left += image.width + gap
            }
            top += (row.map(\.height).max() ?? 0) + gap
        }
        return RGBImage(width: width, height: height, pixels: pixels)
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
        for run in ((try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? []) where !run.hasPrefix(".") {
            let console = (try? String(contentsOf: runs.appendingPathComponent(run).appendingPathComponent("console.txt"), encoding: .utf8)) ?? "(none)"
            lines.append("run \(run) console.txt:\n" + console.split(separator: "\n").suffix(40).joined(separator: "\n"))
        }
        print(lines.joined(separator: "\n"))
    }
}
