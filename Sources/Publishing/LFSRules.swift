import Foundation

/// Which files go to Git LFS, and the `.gitattributes` that says so, as Hugging Face writes it: one
/// `PATTERN filter=lfs diff=lfs merge=lfs -text` line per rule; patterns `*.safetensors`, `*.bin`,
/// `*.gguf`, plus the path of every other file over 10 MiB. Lines already in the repository's
/// `.gitattributes` are kept, and any `filter=lfs` pattern in them also sends matching files to LFS,
/// so that git-lfs on a clone sees exactly the pointers it expects.
struct LFSRules {
    /// Default patterns.
    static let defaultPatterns = ["*.safetensors", "*.bin", "*.gguf"]
    /// Files larger than this go to LFS whatever their name.
    static let sizeThreshold: Int64 = 10 << 20
    static let lfsSuffix = "filter=lfs diff=lfs merge=lfs -text"

    /// The patterns that mean LFS (existing and added).
    private(set) var patterns: [String]
    /// The `.gitattributes` text to commit.
    let text: String

    /// Rules for `files` (path, size) on top of an existing `.gitattributes` (nil: none).
    init(existing: String?, files: [(path: String, size: Int64)]) {
        var lines = existing.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } ?? []
        if lines.last == "" { lines.removeLast() }
        var patterns = lines.compactMap(Self.lfsPattern)
        func add(_ pattern: String) {
            guard !patterns.contains(pattern) else { return }
            patterns.append(pattern)
            lines.append("\(pattern) \(Self.lfsSuffix)")
        }
        Self.defaultPatterns.forEach(add)
        for file in files where file.size > Self.sizeThreshold && !Self.matches(patterns, file.path) {
            add(Self.escape(file.path))
        }
        self.patterns = patterns
        text = lines.joined(separator: "\n") + "\n"
    }

    /// Whether `path` is stored in LFS.
    func isLFS(_ path: String) -> Bool { Self.matches(patterns, path) }

    /// The pattern of a `filter=lfs` line (nil for comments, macros and other attributes).
    private static func lfsPattern(_ line: String) -> String? {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let pattern = words.first, !pattern.hasPrefix("#"), !pattern.hasPrefix("["), words.dropFirst().contains("filter=lfs") else { return nil }
        return pattern
    }

    /// gitattributes matching: a pattern without `/` matches the file name at any depth; one with `/`
    /// matches the whole path from the top (`**` crossing folders).
    static func matches(_ patterns: [String], _ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return patterns.contains { raw in
            var pattern = raw
            if pattern.hasPrefix("/") { pattern.removeFirst() }
            if !raw.contains("/") { return fnmatch(pattern, name, 0) == 0 }
            return fnmatch(pattern, path, pattern.contains("**") ? 0 : FNM_PATHNAME) == 0
        }
    }

    /// A path as a gitattributes pattern (spaces and glob characters escaped, as git-lfs does).
    private static func escape(_ path: String) -> String {
        var out = ""
        for character in path {
            switch character {
            case " ": out += "[[:space:]]"
            case "*", "?", "[", "\\", "#", "!": out += "\\\(character)"
            default: out.append(character)
            }
        }
        return out
    }
}
