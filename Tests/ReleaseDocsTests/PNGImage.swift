import Foundation
@testable import Fetching

/// A minimal PNG reader for the chart tests: 8-bit RGB or RGBA, non-interlaced (what Chromium writes);
/// IDAT inflated with the Fetching module's DEFLATE decoder and the five scanline filters undone.
struct PNGImage {
    let width: Int
    let height: Int
    private let channels: Int
    private let pixels: [UInt8]

    enum Failure: Error { case malformed(String) }

    init(_ data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count > 33, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { throw Failure.malformed("no PNG signature") }
        var offset = 8
        var header: [UInt8] = []
        var compressed: [UInt8] = []
        while offset + 8 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            guard offset + 12 + length <= bytes.count else { throw Failure.malformed("truncated chunk \(type)") }
            let body = Array(bytes[(offset + 8)..<(offset + 8 + length)])
            if type == "IHDR" { header = body }
            if type == "IDAT" { compressed += body }
            offset += 12 + length
        }
        guard header.count == 13 else { throw Failure.malformed("no IHDR") }
        let width = Int(header[0]) << 24 | Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
        let height = Int(header[4]) << 24 | Int(header[5]) << 16 | Int(header[6]) << 8 | Int(header[7])
        guard header[8] == 8, header[12] == 0, header[9] == 2 || header[9] == 6 else {
            throw Failure.malformed("bit depth \(header[8]), colour type \(header[9]), interlace \(header[12]) not supported")
        }
        let channels = header[9] == 6 ? 4 : 3
        let raw: [UInt8] = try compressed.withUnsafeBytes { buffer in
            var inflater = Inflater(buffer, start: 2, limit: (width * channels + 1) * height)
            try inflater.run()
            return inflater.output
        }
        self.width = width
        self.height = height
        self.channels = channels
        pixels = try Self.unfilter(raw, width: width, height: height, channels: channels)
    }

    /// (red, green, blue) at (x, y).
    func rgb(_ x: Int, _ y: Int) -> (UInt8, UInt8, UInt8) {
        let index = (y * width + x) * channels
        return (pixels[index], pixels[index + 1], pixels[index + 2])
    }

    private static func unfilter(_ raw: [UInt8], width: Int, height: Int, channels: Int) throws -> [UInt8] {
        let stride = width * channels
        guard raw.count >= (stride + 1) * height else { throw Failure.malformed("image data too short") }
        var out = [UInt8](repeating: 0, count: stride * height)
        for y in 0..<height {
            let filter = raw[y * (stride + 1)]
            for x in 0..<stride {
                let value = raw[y * (stride + 1) + 1 + x]
                let a = x >= channels ? Int(out[y * stride + x - channels]) : 0
                let b = y > 0 ? Int(out[(y - 1) * stride + x]) : 0
                let c = x >= channels && y > 0 ? Int(out[(y - 1) * stride + x - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c
                    let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
                    predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: throw Failure.malformed("filter type \(filter)")
                }
                out[y * stride + x] = UInt8(truncatingIfNeeded: Int(value) + predictor)
            }
        }
        return out
    }
}
