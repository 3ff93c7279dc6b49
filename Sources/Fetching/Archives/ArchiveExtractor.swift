import Foundation

/// Unpacks a verified archive into a staging folder: only regular files selected by `members` are
/// written; absolute paths, `..`, links pointing outside the archive, duplicate paths and members whose
/// uncompressed/compressed ratio exceeds `maximumRatio` (when larger than 1 MiB) are refused.
/// Links that stay inside are checked and skipped (Glassbox writes regular files only).
struct ArchiveExtractor {
    let source: String
    let format: ArchiveFormat
    let members: [GlobPattern]
    let maximumRatio: Double

    /// Members smaller than this are never treated as bombs, whatever their ratio.
    static let ratioFloor = 1 << 20

    func extract(_ archive: URL, into folder: URL) throws(FetchError) -> [FetchedFile] {
        let data: Data
        do { data = try Data(contentsOf: archive, options: .alwaysMapped) } catch {
            throw .fileUnreadable(source: source, path: archive.path, reason: error.localizedDescription)
        }
        return try TypedBytes.with(data) { (buffer) throws(FetchError) in try extract(buffer, into: folder) }
    }

    private func extract(_ buffer: UnsafeRawBufferPointer, into folder: URL) throws(FetchError) -> [FetchedFile] {
        switch format {
        case .none: return []
        case .tar: return try extractTar(buffer, into: folder)
        case .tarGz:
            let limit = max(Self.ratioFloor, Int(min(Double(Int.max / 2), Double(buffer.count) * maximumRatio)))
            let tar: [UInt8]
            do { tar = try Gunzip.decompress(buffer, limit: limit) } catch {
                throw describe(error, member: "(gzip stream)", limit: limit)
            }
            return try TypedBytes.with(tar) { (bytes) throws(FetchError) in try extractTar(bytes, into: folder) }
        case .zip: return try extractZip(buffer, into: folder)
        }
    }

    private func extractTar(_ buffer: UnsafeRawBufferPointer, into folder: URL) throws(FetchError) -> [FetchedFile] {
        let entries: [TarReader.Member]
        do { entries = try TarReader(buffer).members() } catch {
            throw .badArchive(source: source, member: "(header)", reason: error.message)
        }
        var writer = MemberWriter(source: source, folder: folder, members: members)
        for entry in entries {
            let path = try writer.checkedPath(entry.path)
            switch entry.kind {
            case .file:
                try writer.write(path, UnsafeRawBufferPointer(rebasing: buffer[entry.contents]))
            case .directory:
                continue
            case let .symbolicLink(target):
                try writer.checkLink(path, target: target, relativeToMember: true)
            case let .hardLink(target):
                try writer.checkLink(path, target: target, relativeToMember: false)
            case let .other(type):
                throw .badArchive(source: source, member: entry.path, reason: "unsupported member type '\(Character(Unicode.Scalar(type)))' (device, fifo…)")
            }
        }
        return writer.files
    }

    private func extractZip(_ buffer: UnsafeRawBufferPointer, into folder: URL) throws(FetchError) -> [FetchedFile] {
        let entries: [ZipReader.Member]
        do { entries = try ZipReader(buffer).members() } catch {
            throw .badArchive(source: source, member: "(central directory)", reason: error.message)
        }
        var writer = MemberWriter(source: source, folder: folder, members: members)
        for entry in entries where !entry.isDirectory {
            let path = try writer.checkedPath(entry.path)
            let raw = UnsafeRawBufferPointer(rebasing: buffer[entry.dataOffset..<(entry.dataOffset + entry.compressedSize)])
            let bytes = try zipContents(entry, raw)
            if entry.isSymbolicLink {
                try writer.checkLink(path, target: String(decoding: bytes, as: UTF8.self), relativeToMember: true)
                continue
            }
            try TypedBytes.with(bytes) { (contents) throws(FetchError) in try writer.write(path, contents) }
        }
        return writer.files
    }

    private func zipContents(_ entry: ZipReader.Member, _ raw: UnsafeRawBufferPointer) throws(FetchError) -> [UInt8] {
        let ratio = Double(entry.uncompressedSize) / Double(max(entry.compressedSize, 1))
        if entry.uncompressedSize > Self.ratioFloor && ratio > maximumRatio {
            throw .badArchive(source: source, member: entry.path, reason: "compression ratio \(Int(ratio)):1 exceeds \(Int(maximumRatio)):1 (zip bomb?)")
        }
        let bytes: [UInt8]
        switch entry.method {
        case 0:
            bytes = Array(raw)
        case 8:
            var inflater = Inflater(raw, start: 0, limit: entry.uncompressedSize)
            do { try inflater.run() } catch { throw describe(error, member: entry.path, limit: entry.uncompressedSize) }
            bytes = inflater.output
        default:
            throw .badArchive(source: source, member: entry.path, reason: "compression method \(entry.method) is not supported (stored and deflate are)")
        }
        guard bytes.count == entry.uncompressedSize, CRC32.checksum(bytes) == entry.crc else {
            throw .badArchive(source: source, member: entry.path, reason: "size or CRC-32 does not match the central directory (corrupt archive)")
        }
        return bytes
    }

    private func describe(_ error: InflateError, member: String, limit: Int) -> FetchError {
        switch error {
        case let .malformed(reason):
            return .badArchive(source: source, member: member, reason: "corrupt compressed data: \(reason)")
        case .tooLarge:
            return .badArchive(source: source, member: member, reason: "expands beyond \(limit) bytes, over the \(Int(maximumRatio)):1 ratio limit (zip bomb?)")
        }
    }
}

/// Writes selected members and keeps the path rules of `ArchiveExtractor`.
private struct MemberWriter {
    let source: String
    let folder: URL
    let members: [GlobPattern]
    var files: [FetchedFile] = []
    var seen: Set<String> = []

    init(source: String, folder: URL, members: [GlobPattern]) {
        self.source = source
        self.folder = folder
        self.members = members
    }

    func checkedPath(_ raw: String) throws(FetchError) -> String {
        guard let path = SafePath.normalised(raw) else {
            throw .badArchive(source: source, member: raw, reason: "absolute path, '..' or empty name (path traversal)")
        }
        return path
    }

    mutating func write(_ path: String, _ bytes: UnsafeRawBufferPointer) throws(FetchError) {
        guard GlobPattern.anyMatches(members, path) else { return }
        guard seen.insert(path).inserted else {
            throw .badArchive(source: source, member: path, reason: "the archive holds this path twice")
        }
        let output = try AtomicOutputFile(relativePath: path, in: folder, source: source)
        try output.write(bytes)
        files.append(try output.commit())
    }

    /// Refuses a link whose target leaves the archive; a link inside is not written.
    func checkLink(_ path: String, target: String, relativeToMember: Bool) throws(FetchError) {
        let base = relativeToMember ? path.split(separator: "/").dropLast().joined(separator: "/") : ""
        let joined = base.isEmpty ? target : base + "/" + target
        guard !target.hasPrefix("/"), Self.staysInside(joined) else {
            throw .badArchive(source: source, member: path, reason: "link to '\(target)' points outside the archive")
        }
    }

    private static func staysInside(_ path: String) -> Bool {
        var depth = 0
        for segment in path.split(separator: "/") where segment != "." {
            depth += segment == ".." ? -1 : 1
            if depth < 0 { return false }
        }
        return true
    }
}
