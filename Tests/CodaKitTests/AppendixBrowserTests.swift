import Foundation
import Testing
@testable import CodaKit

/// The sample appendix's HTML as a real browser shows it, at a desktop's and a phone's width: headless Chromium
/// takes a screenshot of each page and measures it. Skipped, with a message, where Chromium is not installed.
@Suite struct AppendixBrowserTests {
    static let widths = [1280, 375]

    /// A page that shows `page` in a frame `width` pixels wide and records how wide its content is, and which
    /// elements stick out of the page (a table scrolled in its own box does not widen the page).
    func probe(_ page: String, width: Int) -> String {
        """
        <!DOCTYPE html><html><body><iframe id="f" src="\(page)" style="width:\(width)px;height:900px;border:0">\
        </iframe><script>document.getElementById("f").addEventListener("load", () => {
        const d = document.getElementById("f").contentDocument.documentElement;
        const out = [...d.querySelectorAll("body *")].filter(e => !e.closest("table")
          && e.getBoundingClientRect().right > d.clientWidth + 1).slice(0, 5).map(e => e.tagName).join(" ");
        document.body.setAttribute("data-measured", d.scrollWidth + " " + d.clientWidth + " " + out);
        });</script></body></html>
        """
    }

    @Test func theSampleAppendixFitsADesktopAndAPhoneInChromium() throws {
        guard let chromium = TestSupport.chromium else {
            print("skipped: Chromium is not installed, so the appendix HTML was not looked at in a browser")
            return
        }
        let folder = TestSupport.temporaryFolder("coda-browser")
        let single = folder.appendingPathComponent("single"), parts = folder.appendingPathComponent("parts")
        _ = try Appendix(project: Project.load(TestSupport.packageRoot), coder: nil)
            .writeSingleHTML(to: single, displayName: "single")
        let written = try Appendix(project: Project.load(TestSupport.packageRoot), coder: nil)
            .write(to: parts, format: .html, displayName: "parts")
        let transcript = try #require(written.files.first { $0.hasPrefix("03-transcripts/") })
        let pages = [single.appendingPathComponent("appendix.html"), parts.appendingPathComponent("index.html"),
                     parts.appendingPathComponent("07-matrices.html"), parts.appendingPathComponent(transcript)]
        for page in pages {
            for width in Self.widths {
                let name = "\(page.deletingPathExtension().lastPathComponent)-\(width)"
                // The screenshot: the page drawn at this width, kept for a person to look at.
                let shot = folder.appendingPathComponent(name + ".png")
                _ = TestSupport.runChromium(chromium, ["--window-size=\(width),1200", "--screenshot=\(shot.path)",
                                                       page.absoluteString])
                let size = TestSupport.pngSize(shot)
                #expect(size?.width == width, "\(name): \(String(describing: size))")
                #expect(((try? Data(contentsOf: shot)) ?? Data()).count > 20_000, "\(name): a blank page")
                // The measurement: nothing but a table's own scrolling box is wider than the screen.
                let probe = page.deletingLastPathComponent().appendingPathComponent("probe-\(width).html")
                try Data(self.probe(page.lastPathComponent, width: width).utf8).write(to: probe)
                let dom = TestSupport.runChromium(chromium, ["--allow-file-access-from-files", "--dump-dom",
                                                             "--window-size=1400,1000", "--virtual-time-budget=5000",
                                                             probe.absoluteString]) ?? ""
                let measured = dom.components(separatedBy: "data-measured=\"").dropFirst().first?
                    .prefix { $0 != "\"" }.split(separator: " ").map(String.init) ?? []
                #expect(measured.count >= 2, "\(name): Chromium gave no measurement")
                if measured.count >= 2, let content = Int(measured[0]), let screen = Int(measured[1]) {
                    #expect(content <= screen,
                            "\(name): \(content) px of content on \(screen) px; \(measured.dropFirst(2))")
                }
                try? FileManager.default.removeItem(at: probe)
            }
        }
        print("note: the screenshots of the appendix at \(Self.widths) px are in \(folder.path)")
    }
}
