import Foundation
import Testing
@testable import CodaKit

@Suite struct ProjectSettingsTests {
    @Test func readsFieldsWhateverTheirSpelling() {
        let settings = ProjectSettings(text: "# Settings\nTitle: JMO study\nmain-coder:  nurul \n")
        #expect(settings.title == "JMO study")
        #expect(settings.mainCoder == "nurul")
        #expect(settings.problems.isEmpty)
    }

    @Test func settingOneValueChangesOnlyItsLine() {
        let text = "# Settings\n\nTitle: Old title\nMain coder: nurul\n\nFree text the researcher wrote.\n"
        let changed = ProjectSettings(text: text).setting(.title, to: "New title")
        #expect(changed.text == text.replacingOccurrences(of: "Old title", with: "New title"))
        let removed = changed.setting(.mainCoder, to: nil)
        #expect(removed.mainCoder == nil)
        #expect(!removed.text.contains("Main coder"))
        #expect(removed.text.contains("Free text the researcher wrote."))
    }

    @Test func addsAMissingSettingAtTheEnd() {
        let added = ProjectSettings().setting(.mainCoder, to: "amir")
        #expect(added.text.hasPrefix("# "))
        #expect(added.text.hasSuffix("Main coder: amir\n"))
        #expect(ProjectSettings(text: added.text).mainCoder == "amir")
    }

    @Test func unknownFieldsAreKeptAndReported() {
        let text = "Title: A\nMain cooder: nurul\n"
        let settings = ProjectSettings(text: text, path: "Project.md")
        #expect(settings.mainCoder == nil)
        #expect(settings.problems.count == 1)
        #expect(settings.problems[0].description.contains("Project.md:2"))
        #expect(settings.problems[0].hint?.contains("Main coder") == true)
        #expect(settings.setting(.title, to: "B").text == "Title: B\nMain cooder: nurul\n")
    }

    @Test func declaredMainCoderWinsOverTheBusiestCoder() throws {
        let root = TestSupport.temporaryFolder("coda-settings")
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["Transcripts", "Codebooks", "Codings"] {
            try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent(folder),
                                             to: root.appendingPathComponent(folder))
        }
        let busiest = try #require(CodingFilter.mainCoder(of: Project.load(root).humanCodings))
        let other = try #require(Project.load(root).coders.first { $0 != busiest })
        try ProjectSettings().setting(.mainCoder, to: other.uppercased()).save(root: root)
        let project = Project.load(root)
        #expect(project.mainCoder == other)
    }

    @Test func initWritesTitleAndMainCoder() throws {
        let parent = TestSupport.temporaryFolder("coda-settings")
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = parent.appendingPathComponent("jmo-study")
        let written = try ProjectInitializer.create(at: folder, mainCoder: "siti")
        #expect(written.contains(ProjectSettings.fileName))
        let project = Project.load(folder)
        #expect(project.settings.title == "jmo-study")
        #expect(project.settings.mainCoder == "siti")
        #expect(!project.diagnostics.contains { $0.location?.file == ProjectSettings.fileName })
    }
}
