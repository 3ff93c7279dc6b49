import Foundation
import Testing

@testable import SafeTensors
import TestSupport

/// Hand-crafted files that break one rule each; every one must give its own `SafeTensorsError`.
struct HostileFileTests {
    /// A file: 8-byte little-endian length (or `declared`), `header`, then `data`.
    static func file(_ header: String, data: [UInt8] = [], declared: UInt64? = nil) -> [UInt8] {
        let headerBytes = Array(header.utf8)
        let length = declared ?? UInt64(headerBytes.count)
        return (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * UInt64($0))) } + headerBytes + data
    }

    static func parse(_ bytes: [UInt8]) throws(SafeTensorsError) -> SafeTensorsFile {
        try SafeTensorsFile(bytes: bytes)
    }

    static let one = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#

    @Test func acceptsMinimalFilesAndPadding() throws {
        #expect(try Self.parse(Self.file("{}")).tensors.isEmpty)
        #expect(try Self.parse(Self.file(Self.one, data: [0, 0, 0x80, 0x3F])).floats(for: "a") == [1])
        #expect(try Self.parse(Self.file(Self.one + "    ", data: [0, 0, 0, 0])).tensors.count == 1)
    }

    @Test func prefixAndLengthRules() {
        #expect(throws: SafeTensorsError.truncatedPrefix(size: 5)) { try Self.parse([1, 2, 3, 4, 5]) }
        #expect(throws: SafeTensorsError.headerLength(declared: 100, fileSize: 10, limit: 100_000_000)) {
            try Self.parse(Self.file("{}", declared: 100))
        }
        #expect(throws: SafeTensorsError.headerLength(declared: 200_000_000, fileSize: 10, limit: 100_000_000)) {
            try Self.parse(Self.file("{}", declared: 200_000_000))
        }
        #expect(throws: SafeTensorsError.headerLength(declared: UInt64.max, fileSize: 10, limit: 100_000_000)) {
            try Self.parse(Self.file("{}", declared: UInt64.max))
        }
    }

    @Test func encodingAndJSONRules() {
        #expect(throws: SafeTensorsError.invalidUTF8) { try Self.parse([3, 0, 0, 0, 0, 0, 0, 0, 0x7B, 0xFF, 0x7D]) }
        // An overlong encoding of '"' and a truncated two-byte sequence.
        #expect(throws: SafeTensorsError.invalidUTF8) { try Self.parse([4, 0, 0, 0, 0, 0, 0, 0, 0x7B, 0xC0, 0xA2, 0x7D]) }
        #expect(throws: SafeTensorsError.invalidUTF8) { try Self.parse([3, 0, 0, 0, 0, 0, 0, 0, 0x7B, 0x7D, 0xC3]) }
        #expect(throws: SafeTensorsError.invalidJSON(offset: 2, reason: "unexpected bytes after the top-level value")) {
            try Self.parse(Self.file("{},"))
        }
        #expect(throws: SafeTensorsError.invalidJSON(offset: 7, reason: "expected a string key")) {
            try Self.parse(Self.file("{\"a\":1,}"))
        }
        #expect(throws: SafeTensorsError.invalidHeader("the header must be a JSON object starting with '{'")) {
            try Self.parse(Self.file("[]"))
        }
        #expect(throws: SafeTensorsError.invalidJSON(offset: 8, reason: "lone high surrogate")) {
            try Self.parse(Self.file(#"{"\ud800":1}"#))
        }
        let deep = "{\"a\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(throws: SafeTensorsError.invalidJSON(offset: 68, reason: "nesting deeper than 64 levels")) {
            try Self.parse(Self.file(deep))
        }
    }

    @Test func duplicateKeys() {
        let twice = #"{"a":{"dtype":"F32","shape":[0],"data_offsets":[0,0]},"a":{"dtype":"F32","shape":[0],"data_offsets":[0,0]}}"#
        #expect(throws: SafeTensorsError.duplicateKey("a")) { try Self.parse(Self.file(twice)) }
        let escaped = #"{"a":{"dtype":"F32","shape":[0],"data_offsets":[0,0]},"\u0061":{"dtype":"F32","shape":[0],"data_offsets":[0,0]}}"#
        #expect(throws: SafeTensorsError.duplicateKey("a")) { try Self.parse(Self.file(escaped)) }
        let field = #"{"a":{"dtype":"F32","dtype":"F16","shape":[0],"data_offsets":[0,0]}}"#
        #expect(throws: SafeTensorsError.duplicateKey("dtype")) { try Self.parse(Self.file(field)) }
    }

    @Test func tensorEntryRules() {
        func entry(_ body: String) -> [UInt8] { Self.file("{\"w\":{\(body)}}", data: [0, 0, 0, 0]) }
        #expect(throws: SafeTensorsError.invalidTensor(name: "w", reason: "unknown dtype 'F128'")) {
            try Self.parse(entry(#""dtype":"F128","shape":[1],"data_offsets":[0,4]"#))
        }
        #expect(throws: SafeTensorsError.invalidTensor(name: "w", reason: "missing or non-string 'dtype'")) {
            try Self.parse(entry(#""shape":[1],"data_offsets":[0,4]"#))
        }
        let shapeReason = "shape entries must be non-negative integers"
        for shape in ["[-1]", "[1.0]", "[1e0]", "[\"1\"]", "[99999999999999999999999]"] {
            #expect(throws: SafeTensorsError.invalidTensor(name: "w", reason: shapeReason)) {
                try Self.parse(entry(#""dtype":"F32","shape":\#(shape),"data_offsets":[0,4]"#))
            }
        }
        #expect(throws: SafeTensorsError.invalidTensor(name: "w", reason: "'data_offsets' begin 4 is after end 0")) {
            try Self.parse(entry(#""dtype":"F32","shape":[0],"data_offsets":[4,0]"#))
        }
        #expect(throws: SafeTensorsError.invalidTensor(name: "w", reason: "'data_offsets' must be [begin, end], two non-negative integers")) {
            try Self.parse(entry(#""dtype":"F32","shape":[1],"data_offsets":[0,4,8]"#))
        }
        #expect(throws: SafeTensorsError.invalidTensor(name: "w", reason: "unknown field 'offsets'")) {
            try Self.parse(entry(#""dtype":"F32","shape":[1],"data_offsets":[0,4],"offsets":1"#))
        }
        #expect(throws: SafeTensorsError.invalidTensor(name: "w", reason: "expected an object, found an array")) {
            try Self.parse(Self.file(#"{"w":[]}"#))
        }
    }

    @Test func sizeRules() {
        let mismatch = #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}"#
        #expect(throws: SafeTensorsError.sizeMismatch(name: "w", expected: 8, actual: 4)) {
            try Self.parse(Self.file(mismatch, data: [0, 0, 0, 0]))
        }
        let huge = #"{"w":{"dtype":"F64","shape":[4294967296,4294967296],"data_offsets":[0,0]}}"#
        #expect(throws: SafeTensorsError.sizeMismatch(name: "w", expected: nil, actual: 0)) {
            try Self.parse(Self.file(huge))
        }
        let wraps = #"{"w":{"dtype":"U8","shape":[9223372036854775807,2],"data_offsets":[0,18446744073709551614]}}"#
        #expect(throws: SafeTensorsError.sizeMismatch(name: "w", expected: nil, actual: 18_446_744_073_709_551_614)) {
            try Self.parse(Self.file(wraps))
        }
        let beyond = #"{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#
        #expect(throws: SafeTensorsError.outOfBounds(name: "w", end: 16, dataSize: 4)) {
            try Self.parse(Self.file(beyond, data: [0, 0, 0, 0]))
        }
    }

    @Test func layoutRules() throws {
        let overlap = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#
        #expect(throws: SafeTensorsError.layout(name: "b", reason: "data 4..<8 overlaps the previous tensor, which ends at 8")) {
            try Self.parse(Self.file(overlap, data: .init(repeating: 0, count: 8)))
        }
        let gap = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#
        #expect(throws: SafeTensorsError.layout(name: "b", reason: "gap of 4 bytes before its data at 8")) {
            try Self.parse(Self.file(gap, data: .init(repeating: 0, count: 12)))
        }
        #expect(throws: SafeTensorsError.trailingBytes(count: 3)) {
            try Self.parse(Self.file(Self.one, data: .init(repeating: 0, count: 7)))
        }
        #expect(throws: SafeTensorsError.trailingBytes(count: 1)) { try Self.parse(Self.file("{}", data: [9])) }
        let unsorted = #"{"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]},"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#
        #expect(try Self.parse(Self.file(unsorted, data: .init(repeating: 0, count: 8))).tensors.map(\.name) == ["a", "b"])
    }

    @Test func metadataRules() {
        #expect(throws: SafeTensorsError.invalidMetadata(key: "n", reason: "values must be strings, found a number")) {
            try Self.parse(Self.file(#"{"__metadata__":{"n":1}}"#))
        }
        #expect(throws: SafeTensorsError.invalidMetadata(key: nil, reason: "expected an object of strings, found a string")) {
            try Self.parse(Self.file(#"{"__metadata__":"x"}"#))
        }
        #expect((try? Self.parse(Self.file(#"{"__metadata__":{"k":"v\n\u00e9"}}"#)).metadata) == ["k": "v\n\u{E9}"])
    }

    @Test func fileTruncatedAfterOpening() throws {
        let temporary = try TemporaryDirectory(prefix: "st-")
        let directory = temporary.url
        let url = directory.appendingPathComponent("x.safetensors")
        try Data(Self.file(Self.one, data: [0, 0, 0x80, 0x3F])).write(to: url)
        let file = try SafeTensorsFile(contentsOf: url)
        try FileManager.default.removeItem(at: url)
        #expect(throws: SafeTensorsError.self) { try file.data(for: "a") }
        try Data(Self.file(Self.one)).write(to: url)
        #expect(throws: SafeTensorsError.self) { try file.data(for: "a") }
        #expect(throws: SafeTensorsError.io(path: directory.path, reason: "not a regular file")) {
            try SafeTensorsFile(contentsOf: directory)
        }
    }

    @Test(arguments: ["", "a\u{0}b", "line\nbreak", "\u{1B}[2Jclear", "tab\there", "del\u{7F}", "c1\u{9B}31m"])
    func controlCharactersAndEmptyNamesAreRefused(_ name: String) throws {
        let quoted = String(decoding: try JSONEncoder().encode(name), as: UTF8.self)
        let header = "{" + quoted + #":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#
        do {
            _ = try Self.parse(Self.file(header, data: [0, 0, 0, 0]))
            Issue.record("accepted the tensor name \(name.debugDescription)")
        } catch {
            guard case let .invalidTensorName(got, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(got == name)
            let text = error.description
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(text.debugDescription)")
        }
    }
}
