import Foundation

/// Converts a transcript file (WebVTT, SRT, DOCX, transcription-service text) into a Coda transcript.
enum TranscriptImport {
    static func run(_ file: URL, into root: URL, options: ImportOptions) throws -> ImportOutcome {
        throw ImportError.unsupported(file: file.lastPathComponent, ext: file.pathExtension.lowercased())
    }
}
