import Foundation
import Testing
import TestSupport
@testable import ReleaseDocs

/// The charts render in a real browser: headless Chromium (Debian `chromium`, installed here when
/// missing) draws each SVG to a PNG, and the plot area must hold the data colour, not just white.
struct ChartRenderingTests {
    @Test(arguments: ["training/loss.svg", "eval/languages.svg"])
    func chartRendersWithDataInItsPlotArea(path: String) throws {
        guard let chromium = Chromium.locate() else {
            print("skipped: headless Chromium is not installed and `apt-get install chromium` failed (needs root and network); the chart was not rendered")
            return
        }
        let temporary = try TemporaryDirectory(prefix: "glassbox-chart-")
        let svg = try temporary.write("chart.svg", [UInt8](try #require(try FixtureRelease.documents().files[path])))
        let png = temporary.path + "/chart.png"
        let result = try ModelCardChecker.run(chromium, arguments: [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(temporary.path)/profile",
            "--window-size=\(Int(SVGCanvas.width)),\(Int(SVGCanvas.height))", "--screenshot=\(png)", "file://\(svg)",
        ])
        let image = try PNGImage(try Data(contentsOf: URL(fileURLWithPath: png)))
        #expect(image.width == Int(SVGCanvas.width) && image.height == Int(SVGCanvas.height), "\(result.output)")
        let p = SVGCanvas.plot
        var inked = 0
        var data = 0
        var total = 0
        for y in Int(p.top) + 2..<Int(p.bottom) - 2 {
            for x in Int(p.left) + 2..<Int(p.right) - 2 {
                let (r, g, b) = image.rgb(x, y)
                total += 1
                if r < 235 || g < 235 || b < 235 { inked += 1 }
                if b > 150, r < 80, Int(b) - Int(r) > 100 { data += 1 }  // the data colour #0969da
            }
        }
        #expect(data > total / 500, "\(path): only \(data) of \(total) plot pixels carry the data colour")
        #expect(inked < total * 9 / 10, "\(path): the plot area is filled, not drawn")
        if let keep = ProcessInfo.processInfo.environment["RELEASEDOCS_KEEP_PNG"] {
            try? FileManager.default.copyItem(atPath: png, toPath: keep + "/" + path.replacingOccurrences(of: "/", with: "_") + ".png")
        }
    }

    @Test func chartsAreWellFormedAndDeterministic() throws {
        let first = try FixtureRelease.documents()
        let second = try FixtureRelease.documents()
        for path in ["training/loss.svg", "eval/languages.svg"] {
            let data = try #require(first.files[path])
            #expect(data == second.files[path])
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.hasPrefix("<?xml") && text.hasSuffix("</svg>\n"))
            #expect(!text.contains("NaN") && !text.contains("inf"))
        }
    }
}

/// Finds headless Chromium, installing the Debian package when it is missing and installing is possible.
enum Chromium {
    static func locate() -> String? {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] where FileManager.default.isExecutableFile(atPath: path) { return path }
        let root = getuid() == 0
        let install = root ? "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"
            : "sudo -n apt-get update -qq && sudo -n DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"
        _ = try? ModelCardChecker.run("/bin/sh", arguments: ["-c", install + " >/dev/null 2>&1"])
        return FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") ? "/usr/bin/chromium" : nil
    }
}
