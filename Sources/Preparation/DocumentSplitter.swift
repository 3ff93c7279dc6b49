import Foundation

/// Cuts clean UTF-8 text into documents and cleans each line: C0/C1 control characters, DEL and
/// U+FEFF are removed; tabs, CR, NBSP and the other Unicode space separators become one ASCII space;
/// runs of spaces collapse; lines are trimmed. Blank lines separate paragraphs.
struct DocumentSplitter {
    let mode: SplitMode
    private var document: [UInt8] = []

    init(mode: SplitMode) {
        self.mode = mode
        document.reserveCapacity(1 << 16)
    }

    /// Calls `emit` with each non-empty document of `text`, in order.
    mutating func split(_ text: UnsafeBufferPointer<UInt8>, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        document.removeAll(keepingCapacity: true)
        var blankPending = false
        var start = 0
        while start <= text.count {
            let end = Self.lineEnd(text, from: start)
            let mark = document.count
            let separator: [UInt8] = mode == .file && blankPending ? [0x0A, 0x0A] : [0x0A]
            if mode != .line && !document.isEmpty { document.append(contentsOf: separator) }
            let separatorEnd = document.count
            Self.cleanLine(text, start, end, into: &document)
            if document.count == separatorEnd {
                document.removeSubrange(mark...)
                blankPending = true
                if mode == .paragraph { flush(emit) }
            } else {
                blankPending = false
                if mode == .line { flush(emit) }
            }
            start = end + 1
        }
        flush(emit)
    }

    private mutating func flush(_ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard !document.isEmpty else { return }
        document.withUnsafeBufferPointer { emit($0) }
        document.removeAll(keepingCapacity: true)
    }

    /// Index of the next `\n` at or after `start`, or `text.count`.
    private static func lineEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < text.count, let base = text.baseAddress else { return text.count }
        guard let found = memchr(base + start, 0x0A, text.count - start) else { return text.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Appends the cleaned bytes of `text[start..<end]` to `output`.
    static func cleanLine(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into output: inout [UInt8]) {
        if isClean(text, start, end) {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<end]))
            return
        }
        var index = start
        var pendingSpace = false
        var wrote = false
        while index < end {
            let byte = text[index]
            if byte > 0x20 && byte < 0x7F {
                if pendingSpace && wrote { output.append(0x20) }
                pendingSpace = false
                output.append(byte)
                wrote = true
                index += 1
                continue
            }
            if byte < 0x80 {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { pendingSpace = true }
                index += 1
                continue
            }
            let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            let next = min(index + length, end)
            switch classify(text, index, length) {
            case .space: pendingSpace = true
            case .drop: break
            case .keep:
                if pendingSpace && wrote { output.append(0x20) }
                pendingSpace = false
                output.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<next]))
                wrote = true
            }
            index = next
        }
    }

    /// Per byte: 0 ordinary, 1 space, 2 needs the slow path (controls, DEL, lead bytes of the
    /// characters `classify` may change).
    private static let byteClass: [UInt8] = (0..<256).map { byte in
        if byte == 0x20 { return 1 }
        if byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 || byte == 0xE3 || byte == 0xEF { return 2 }
        return 0
    }

    /// True when the line needs no change: no edge or double spaces, no control or special bytes.
    private static func isClean(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end > start, text[start] != 0x20, text[end - 1] != 0x20 else { return end == start }
        var previous: UInt8 = 0
        return byteClass.withUnsafeBufferPointer { table in
            for index in start..<end {
                let kind = table[Int(text[index])]
                if kind == 2 || (kind == 1 && previous == 1) { return false }
                previous = kind
            }
            return true
        }
    }

    private enum Class { case keep, space, drop }

    @inline(__always)
    private static func classify(_ text: UnsafeBufferPointer<UInt8>, _ index: Int, _ length: Int) -> Class {
        guard index + length <= text.count else { return .drop }
        let first = text[index], second = text[index + 1]
        switch (first, length) {
        case (0xC2, 2):
            return second < 0xA0 ? .drop : second == 0xA0 ? .space : .keep
        case (0xE2, 3):
            let third = text[index + 2]
            if second == 0x80 && (third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF) { return .space }
            if second == 0x81 && third == 0x9F { return .space }
            return .keep
        case (0xE3, 3):
            return second == 0x80 && text[index + 2] == 0x80 ? .space : .keep
        case (0xEF, 3):
            return second == 0xBB && text[index + 2] == 0xBF ? .drop : .keep
        default:
            return .keep
        }
    }
}
