/// Decompresses gzip data (RFC 1952), including several concatenated members; checks each CRC-32 and size.
enum Gunzip {
    /// The decompressed bytes of `data`, at most `limit` bytes.
    static func decompress(_ data: UnsafeRawBufferPointer, limit: Int) throws(InflateError) -> [UInt8] {
        var output: [UInt8] = []
        var position = 0
        repeat {
            position = try skipHeader(data, at: position)
            var inflater = Inflater(data, start: position, limit: limit - output.count)
            try inflater.run()
            position = inflater.end
            guard position + 8 <= data.count else { throw .malformed("gzip trailer missing") }
            let crc = readLE32(data, position)
            let size = readLE32(data, position + 4)
            guard CRC32.checksum(inflater.output) == crc else { throw .malformed("gzip CRC-32 mismatch") }
            guard UInt32(truncatingIfNeeded: inflater.output.count) == size else { throw .malformed("gzip size mismatch") }
            output.append(contentsOf: inflater.output)
            position += 8
        } while position < data.count && data[position] == 0x1f
        return output
    }

    private static func skipHeader(_ data: UnsafeRawBufferPointer, at start: Int) throws(InflateError) -> Int {
        guard start + 10 <= data.count, data[start] == 0x1f, data[start + 1] == 0x8b else {
            throw .malformed("not gzip data (bad magic bytes)")
        }
        guard data[start + 2] == 8 else { throw .malformed("gzip compression method is not deflate") }
        let flags = data[start + 3]
        var position = start + 10
        if flags & 0x04 != 0 {
            guard position + 2 <= data.count else { throw .malformed("truncated gzip header") }
            position += 2 + (Int(data[position]) | Int(data[position + 1]) << 8)
        }
        for flag in [UInt8(0x08), 0x10] where flags & flag != 0 {
            while position < data.count && data[position] != 0 { position += 1 }
            position += 1
        }
        if flags & 0x02 != 0 { position += 2 }
        guard position <= data.count else { throw .malformed("truncated gzip header") }
        return position
    }

    static func readLE32(_ data: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 {
        UInt32(data[offset]) | UInt32(data[offset + 1]) << 8 | UInt32(data[offset + 2]) << 16 | UInt32(data[offset + 3]) << 24
    }
}
