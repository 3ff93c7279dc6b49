/// Reads the central directory of a zip archive held in memory (stored and deflated members; no zip64,
/// no encryption — both are refused with a message).
struct ZipReader {
    /// One member as the central directory describes it.
    struct Member {
        let path: String
        let method: Int
        let crc: UInt32
        let compressedSize: Int
        let uncompressedSize: Int
        let dataOffset: Int
        let isSymbolicLink: Bool
        var isDirectory: Bool { path.hasSuffix("/") }
    }

    private let data: UnsafeRawBufferPointer

    init(_ data: UnsafeRawBufferPointer) { self.data = data }

    func members() throws(ArchiveFormatError) -> [Member] {
        let end = try endOfCentralDirectory()
        let count = u16(end + 10)
        var offset = Int(u32(end + 16))
        var members: [Member] = []
        for _ in 0..<count {
            guard offset + 46 <= data.count, u32(offset) == 0x0201_4b50 else {
                throw ArchiveFormatError("central directory entry at byte \(offset) is malformed")
            }
            let flags = u16(offset + 8)
            let nameLength = u16(offset + 28), extraLength = u16(offset + 30), commentLength = u16(offset + 32)
            let compressed = u32(offset + 20), uncompressed = u32(offset + 24), local = u32(offset + 42)
            guard offset + 46 + nameLength <= data.count else { throw ArchiveFormatError("truncated central directory") }
            let path = String(decoding: data[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            guard flags & 1 == 0 else { throw ArchiveFormatError("member '\(path)' is encrypted") }
            guard compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF else {
                throw ArchiveFormatError("member '\(path)' needs zip64, which is not supported; use .tar.gz")
            }
            let mode = (u32(offset + 38) >> 16) & 0o170000
            let dataOffset = try localDataOffset(Int(local), path: path)
            guard dataOffset + Int(compressed) <= data.count else { throw ArchiveFormatError("member '\(path)' runs past the end") }
            members.append(Member(
                path: path, method: u16(offset + 10), crc: u32(offset + 16), compressedSize: Int(compressed),
                uncompressedSize: Int(uncompressed), dataOffset: dataOffset, isSymbolicLink: mode == 0o120000))
            offset += 46 + nameLength + extraLength + commentLength
        }
        return members
    }

    private func localDataOffset(_ local: Int, path: String) throws(ArchiveFormatError) -> Int {
        guard local + 30 <= data.count, u32(local) == 0x0403_4b50 else {
            throw ArchiveFormatError("local header of '\(path)' is missing")
        }
        return local + 30 + u16(local + 26) + u16(local + 28)
    }

    private func endOfCentralDirectory() throws(ArchiveFormatError) -> Int {
        guard data.count >= 22 else { throw ArchiveFormatError("too short to be a zip archive") }
        var offset = data.count - 22
        let lowest = max(0, data.count - 22 - 65535)
        while offset >= lowest {
            if u32(offset) == 0x0605_4b50 { return offset }
            offset -= 1
        }
        throw ArchiveFormatError("no end-of-central-directory record (not a zip archive?)")
    }

    private func u16(_ offset: Int) -> Int { Int(data[offset]) | Int(data[offset + 1]) << 8 }
    private func u32(_ offset: Int) -> UInt32 { Gunzip.readLE32(data, offset) }
}
