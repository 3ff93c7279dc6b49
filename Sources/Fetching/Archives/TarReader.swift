/// Reads the members of a tar archive (ustar, pax `x` headers, GNU `L`/`K` long names) held in memory.
struct TarReader {
    /// One member: its path as written in the archive, its kind, and where its bytes are.
    struct Member {
        enum Kind: Equatable { case file, directory, symbolicLink(String), hardLink(String), other(UInt8) }
        let path: String
        let kind: Kind
        let contents: Range<Int>
    }

    private let data: UnsafeRawBufferPointer

    init(_ data: UnsafeRawBufferPointer) { self.data = data }

    /// Every member in archive order.
    func members() throws(ArchiveFormatError) -> [Member] {
        var members: [Member] = []
        var offset = 0
        var longName: String?
        var longLink: String?
        var pax: [String: String] = [:]
        while offset + 512 <= data.count {
            let header = UnsafeRawBufferPointer(rebasing: data[offset..<(offset + 512)])
            if header.allSatisfy({ $0 == 0 }) { return members }
            try verifyChecksum(header, at: offset)
            let size = try number(header, 124, 12, at: offset)
            let start = offset + 512
            guard size >= 0, size <= data.count - start else { throw ArchiveFormatError("member at byte \(offset) runs past the end of the archive") }
            let contents = start..<(start + size)
            offset = start + (size + 511) / 512 * 512
            let type = header[156]
            switch type {
            case UInt8(ascii: "L"): longName = text(contents); continue
            case UInt8(ascii: "K"): longLink = text(contents); continue
            case UInt8(ascii: "x"): pax = paxRecords(contents); continue
            case UInt8(ascii: "g"): continue
            default: break
            }
            let path = pax["path"] ?? longName ?? headerPath(header)
            let link = pax["linkpath"] ?? longLink ?? field(header, 157, 100)
            longName = nil
            longLink = nil
            pax = [:]
            members.append(Member(path: path, kind: kind(type, link: link), contents: contents))
        }
        throw ArchiveFormatError("the archive ends without its two zero blocks (truncated?)")
    }

    private func kind(_ type: UInt8, link: String) -> Member.Kind {
        switch type {
        case 0, UInt8(ascii: "0"), UInt8(ascii: "7"): .file
        case UInt8(ascii: "5"): .directory
        case UInt8(ascii: "2"): .symbolicLink(link)
        case UInt8(ascii: "1"): .hardLink(link)
        default: .other(type)
        }
    }

    private func headerPath(_ header: UnsafeRawBufferPointer) -> String {
        let name = field(header, 0, 100)
        let magic = field(header, 257, 5)
        let prefix = magic == "ustar" ? field(header, 345, 155) : ""
        return prefix.isEmpty ? name : prefix + "/" + name
    }

    private func field(_ header: UnsafeRawBufferPointer, _ start: Int, _ length: Int) -> String {
        let slice = header[start..<(start + length)]
        let end = slice.firstIndex(of: 0) ?? slice.endIndex
        return String(decoding: header[start..<end], as: UTF8.self)
    }

    private func text(_ range: Range<Int>) -> String {
        let end = data[range].firstIndex(of: 0) ?? range.upperBound
        return String(decoding: data[range.lowerBound..<end], as: UTF8.self)
    }

    /// Octal (NUL/space padded) or GNU base-256 numbers.
    private func number(_ header: UnsafeRawBufferPointer, _ start: Int, _ length: Int, at offset: Int) throws(ArchiveFormatError) -> Int {
        if header[start] & 0x80 != 0 {
            var value = 0
            for index in (start + 1)..<(start + length) {
                guard value < Int.max >> 9 else { throw ArchiveFormatError("size too large at byte \(offset)") }
                value = value << 8 | Int(header[index])
            }
            return value
        }
        var value = 0
        for index in start..<(start + length) {
            let byte = header[index]
            if byte == 0 || byte == 0x20 { if value > 0 { break } else { continue } }
            guard byte >= 0x30 && byte <= 0x37, value < Int.max >> 4 else {
                throw ArchiveFormatError("bad octal number in the header at byte \(offset)")
            }
            value = value * 8 + Int(byte - 0x30)
        }
        return value
    }

    private func verifyChecksum(_ header: UnsafeRawBufferPointer, at offset: Int) throws(ArchiveFormatError) {
        let stored = try number(header, 148, 8, at: offset)
        var sum = 0
        for (index, byte) in header.enumerated() { sum += (148..<156).contains(index) ? 0x20 : Int(byte) }
        guard sum == stored else { throw ArchiveFormatError("header checksum mismatch at byte \(offset) (not a tar archive, or corrupt)") }
    }

    /// pax records: "<length> <key>=<value>\n".
    private func paxRecords(_ range: Range<Int>) -> [String: String] {
        var records: [String: String] = [:]
        let body = Array(data[range])
        var index = 0
        while index < body.count {
            guard let space = body[index...].firstIndex(of: 0x20),
                  let length = Int(String(decoding: body[index..<space], as: UTF8.self)), length > 0,
                  index + length <= body.count else { break }
            let record = body[(space + 1)..<(index + length - 1)]
            if let equals = record.firstIndex(of: UInt8(ascii: "=")) {
                records[String(decoding: record[..<equals], as: UTF8.self)] = String(decoding: record[(equals + 1)...], as: UTF8.self)
            }
            index += length
        }
        return records
    }
}

/// A malformed archive (the extractor adds the source and member).
struct ArchiveFormatError: Error, Sendable {
    let message: String
    init(_ message: String) { self.message = message }
}
