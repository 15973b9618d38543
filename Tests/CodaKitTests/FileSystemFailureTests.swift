import Foundation
import Testing
@testable import CodaKit

/// A read-only folder, a full disk and a file that vanishes mid-run: each command says which file, what happened
/// and what to do, and leaves the project as it was. The tests run as root, where permissions stop nothing, so the
/// read-only folders and the full disk are real file systems (a read-only bind mount, a small tmpfs) set up in a
/// private mount namespace with `unshare -m`; where that is not allowed those tests say they were skipped. A
/// failure half-way through a change of several files is injected at the write layer (`WriteFault`).
@Suite(.serialized) struct FileSystemFailureTests {
    static let env = KillTests.env

    struct Command: Sendable {
        var name: String
        var arguments: @Sendable (URL) -> [String]
    }

    static let source: URL = {
        let folder = TestSupport.temporaryFolder("coda-failure-sources")
        let file = folder.appendingPathComponent("interview-P07.txt")
        let text = "Interviewer: Which queue?\n\nAli: The long one, at the branch.\n"
        try? text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }()

    static let commands: [Command] = [
        Command(name: "tag") { _ in ["tag", "P01", "4", "Queues"] },
        Command(name: "memo") { _ in ["memo", "code", "Queues", "Queues mean waiting."] },
        Command(name: "codebook rename") { _ in ["codebook", "rename", "Queues", "Waiting in line"] },
        Command(name: "import") { _ in ["import", source.path, "--id", "P07"] },
        Command(name: "export appendix") { _ in ["export", "appendix", "--format", "html"] },
    ]

    /// Every file under `root` with its bytes, hidden ones too (a leftover temporary or journal shows), except the
    /// lock file and the transcript cache, which a command may create.
    static func snapshot(_ root: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let base = root.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return result }
        // The lock and the transcript cache are not project state: a load may write the cache at any time.
        for case let path as String in walker where !path.hasSuffix("/.lock") && !path.hasPrefix(".coda/cache/") {
            var isFolder: ObjCBool = false
            let full = base + "/" + path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else {
                continue
            }
            result[path] = FileManager.default.contents(atPath: full)
        }
        return result
    }

    /// The empty folders under `root`, except in `.coda/` (the lock and the cache's folder, which a load may make).
    static func emptyFolders(_ root: URL) -> Set<String> {
        let base = root.standardizedFileURL.path
        let walker = FileManager.default.enumerator(atPath: base)
        var result: Set<String> = []
        for case let path as String in walker?.allObjects ?? [] where !path.hasPrefix(".coda/") {
            if (try? FileManager.default.contentsOfDirectory(atPath: base + "/" + path))?.isEmpty == true {
                result.insert(path)
            }
        }
        return result
    }

    /// Empty folders a failed command left behind in `after` that were not in `before`.
    static func newEmptyFolders(_ after: URL, before: Set<String>) -> Set<String> {
        emptyFolders(after).subtracting(before)
    }

    struct Outcome {
        var status: Int32
        var stderr: String
        /// The project as the command left it (copied out of the namespace).
        var after: URL
    }

    /// Runs `coda ARGS` in a private mount namespace after `setup` (shell, with `$P` the project folder) changed
    /// the file system; the project is copied out afterwards. Nil when this machine does not allow it.
    static func confined(_ arguments: [String], project: URL, setup: String) throws -> Outcome? {
        guard let binary = TestSupport.codaBinary else { throw TestError("coda is not built; run `swift build` first") }
        let out = TestSupport.temporaryFolder("coda-confined")
        let script = """
            set -e
            \(setup)
            cd "$P"
            set +e
            "$CODA" "$@" >"$OUT/stdout" 2>"$OUT/stderr"
            echo $? >"$OUT/status"
            rm -f "$P/.filler"
            mkdir -p "$OUT/after" && cp -a "$P/." "$OUT/after/"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["-m", "/bin/sh", "-c", script, "sh"] + arguments
        process.environment = env.merging(["PATH": "/usr/bin:/bin", "P": project.path, "CODA": binary.path,
                                           "OUT": out.path]) { a, _ in a }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return nil }
        try process.run()
        process.waitUntilExit()
        guard let status = try? String(contentsOf: out.appendingPathComponent("status"), encoding: .utf8),
              let code = Int32(status.trimmingWhitespace()) else { return nil }
        let stderr = (try? String(contentsOf: out.appendingPathComponent("stderr"), encoding: .utf8)) ?? ""
        return Outcome(status: code, stderr: stderr, after: out.appendingPathComponent("after"))
    }

    static func skipped(_ what: String) {
        print("skipped: \(what) needs `unshare -m` and `mount` (root in a private mount namespace), not allowed here")
    }

    static let readOnlyBind = #"mount --bind "$P" "$P" && mount -o remount,bind,ro "$P""#
    /// A 16 MB tmpfs over the project, the project copied in, and the rest filled up.
    static let fullDisk = """
        mkdir -p "$OUT/before-copy" && cp -a "$P/." "$OUT/before-copy/"
        mount -t tmpfs -o size=16m tmpfs "$P"
        cp -a "$OUT/before-copy/." "$P/"
        dd if=/dev/zero of="$P/.filler" bs=4096 2>/dev/null || true
        """

    /// A file system that refuses writes: its setup, the system's words for the refusal and the start of Coda's hint.
    enum Refusal: String, CaseIterable, Sendable {
        case readOnly = "a read-only project"
        case fullDisk = "a full disk"

        var setup: String { self == .readOnly ? FileSystemFailureTests.readOnlyBind : FileSystemFailureTests.fullDisk }
        var reason: String { self == .readOnly ? "Read-only file system" : "No space left on device" }
        var hint: String { self == .readOnly ? "hint: the folder is on a read-only disk" : "hint: the disk is full" }
    }

    @Test(arguments: Refusal.allCases, commands.map(\.name))
    func aRefusedWriteChangesNothingAndSaysWhy(_ refusal: Refusal, _ name: String) throws {
        let command = try #require(Self.commands.first { $0.name == name })
        let root = KillTests.tagged()
        let before = Self.snapshot(root)
        let emptyBefore = Self.emptyFolders(root)
        guard let outcome = try Self.confined(command.arguments(root), project: root, setup: refusal.setup) else {
            return Self.skipped("the test with \(refusal.rawValue)")
        }
        let context = "\(name) on \(refusal.rawValue): \(outcome.stderr)"
        #expect(outcome.status == 1, "\(context)")
        #expect(outcome.stderr.contains(refusal.reason), "\(context)")
        #expect(outcome.stderr.contains(refusal.hint), "\(context)")
        // The file is named, by its full path or by its path in the project (a new one: where it was to go), never
        // by a staged copy.
        let named = outcome.stderr.components(separatedBy: ": error:").first ?? ""
        let planned = name == "import" && named == "Sources/interview-P07.txt"
        #expect(named.hasPrefix(root.path) || before.keys.contains(named) || planned, "names the file: \(context)")
        #expect(!named.contains(ProjectTransaction.folder), "names the file, not its staged copy: \(context)")
        #expect(Self.snapshot(outcome.after) == before, "changed the project or left files behind: \(context)")
        #expect(Self.newEmptyFolders(outcome.after, before: emptyBefore).isEmpty, "left empty folders: \(context)")
        #expect(KillTests.State(outcome.after).errors.isEmpty)
    }

    /// Only bob's folder is read-only: a rename that must change alice's and bob's files refuses before changing any.
    @Test func aRenameThatCannotWriteOneCodersFolderChangesNoFile() throws {
        let root = KillTests.tagged()
        let bob = root.appendingPathComponent("Codings/bob")
        #expect(FileManager.default.fileExists(atPath: bob.path))
        let before = Self.snapshot(root)
        let setup = #"mount --bind "$P/Codings/bob" "$P/Codings/bob" && mount -o remount,bind,ro "$P/Codings/bob""#
        guard let outcome = try Self.confined(["codebook", "rename", "Queues", "Waiting in line"], project: root,
                                              setup: setup) else {
            return Self.skipped("the read-only folder test")
        }
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("Codings/bob/"), "names bob's file: \(outcome.stderr)")
        #expect(outcome.stderr.contains("Read-only file system"), "\(outcome.stderr)")
        #expect(Self.snapshot(outcome.after) == before)
        #expect(Self.newEmptyFolders(outcome.after, before: Self.emptyFolders(root)).isEmpty)
    }

    /// The disk fills up after the first of several files of a rename was staged: the old state stays, the staging
    /// is removed (its space given back), and the same command succeeds once there is room.
    @Test func aDiskThatFillsMidRenameLeavesTheOldState() throws {
        let root = KillTests.tagged()
        let before = Self.snapshot(root)
        let emptyBefore = Self.emptyFolders(root)
        let second = root.appendingPathComponent(ProjectTransaction.folder + "/1.new")
        WriteFault.inject(.fail(ENOSPC), at: second)
        let rename = ["codebook", "rename", "Queues", "Waiting in line"]
        let failed = TestSupport.run(rename, in: root, environment: Self.env)
        WriteFault.clear(second)
        #expect(failed.code == .problemsFound)
        #expect(failed.stderr.contains("Codings/alice/P01.tsv: error: cannot write the file: No space left on device"),
                "\(failed.stderr)")
        #expect(failed.stderr.contains("hint: the disk is full"), "\(failed.stderr)")
        #expect(Self.snapshot(root) == before)
        #expect(Self.newEmptyFolders(root, before: emptyBefore).isEmpty)
        let again = TestSupport.run(rename, in: root, environment: Self.env)
        #expect(again.code == .success, "\(again.stderr)")
        let codes = Project.load(root).codings.map(\.code)
        #expect(codes.filter { $0.hasSuffix("Waiting in line") }.count == 2)
        #expect(!codes.contains { $0.hasSuffix("/Queues") })
    }

    /// Runs `arguments` while `file` is removed just before `target` is written; returns the codings before and
    /// the project after, having checked that the command succeeded and every file still parses.
    static func run(_ arguments: [String], removing file: URL, whenWriting target: URL,
                    in root: URL) -> (before: [String], after: KillTests.State) {
        let before = KillTests.State(root).codings
        WriteFault.inject(.remove(file), at: target)
        let run = TestSupport.run(arguments, in: root, environment: env)
        WriteFault.clear(target)
        #expect(run.code == .success, "\(run.stderr)")
        let after = KillTests.State(root)
        #expect(after.errors.isEmpty, "\(after.errors)")
        return (before, after)
    }

    /// A codings file removed while a rename runs (after it was read, before the change is committed) comes back
    /// whole, renamed: nothing the command read is lost, and no file is half-written.
    @Test func aCodingsFileRemovedMidRenameComesBackWhole() throws {
        let root = KillTests.tagged()
        let bobsFile = try #require(DirectoryWalker.files(under: root.appendingPathComponent("Codings/bob")).first)
        let manifest = root.appendingPathComponent(ProjectTransaction.folder + "/" + ProjectTransaction.manifestName)
        let (before, after) = Self.run(["codebook", "rename", "Queues", "Waiting in line"], removing: bobsFile,
                                       whenWriting: manifest, in: root)
        let renamed = before.map { $0.replacingOccurrences(of: "Problems/Queues", with: "Problems/Waiting in line") }
        #expect(after.codings == renamed.sorted())
    }

    /// A codings file removed by another program just before `tag` writes it: the write is whole (temporary file
    /// and rename), holding the codings the command read and the new one.
    @Test func aCodingsFileRemovedMidTagIsWrittenWhole() throws {
        let root = KillTests.tagged()
        let alicesFile = try #require(DirectoryWalker.files(under: root.appendingPathComponent("Codings/alice")).first)
        let (before, after) = Self.run(["tag", "P01", "4", "Queues"], removing: alicesFile, whenWriting: alicesFile,
                                       in: root)
        #expect(Set(before).isSubset(of: Set(after.codings)))
        #expect(after.codings.count == before.count + 1)
    }

    /// A transcript listed but removed before it is read: the command names it, says it went away and what to do.
    @Test func aTranscriptRemovedBetweenListingAndReadingIsNamed() throws {
        let root = KillTests.tagged()
        let listed = try #require(DirectoryWalker.files(under: root.appendingPathComponent("Transcripts")).first)
        try FileManager.default.removeItem(at: listed)
        let file = ProjectLoader.parseTranscript(listed, path: "Transcripts/" + listed.lastPathComponent)
        #expect(file.transcript == nil)
        let problem = try #require(file.unreadable?.problem)
        #expect(problem.description.contains("Transcripts/" + listed.lastPathComponent))
        #expect(problem.message == "cannot read the file: it was moved or removed while Coda ran")
        #expect(problem.hint == "put it back, or run the command again to leave it out")
    }
}
