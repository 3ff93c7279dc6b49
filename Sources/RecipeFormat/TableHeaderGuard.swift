/// Guards the TOML parser against table headers it cannot handle.
///
/// toml++ (inside TOMLKit 0.6) asserts — aborting the process — when a table header's `[` or `[[` is
/// followed by anything but a key character, a quote or `]` (`[=`, `[#`, `[` at the end of a line). This
/// scanner finds statement-level headers (outside strings, comments and multi-line values) and reports
/// such a header as a syntax error before the document reaches the parser.
struct TableHeaderGuard {
    private enum State { case normal, comment, basic, literal, multiBasic, multiLiteral }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1
    private var state = State.normal
    private var depth = 0
    private var atStatementStart = true
    private var inHeader = false

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The position and message of the first unparseable table header, if any.
    static func firstProblem(in bytes: [UInt8]) -> (line: Int, column: Int, message: String)? {
        var scanner = TableHeaderGuard(bytes)
        return scanner.scan()
    }

    private mutating func scan() -> (line: Int, column: Int, message: String)? {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                advance(1)
                line += 1
                column = 1
                if state == .comment || state == .basic || state == .literal { state = .normal }
                if state == .normal {
                    atStatementStart = depth == 0
                    inHeader = false
                }
                continue
            }
            switch state {
            case .normal:
                if let problem = normal(byte) { return problem }
            case .comment:
                advance(1)
            case .basic, .multiBasic:
                inBasic(byte)
            case .literal, .multiLiteral:
                inLiteral(byte)
            }
        }
        return nil
    }

    private mutating func normal(_ byte: UInt8) -> (line: Int, column: Int, message: String)? {
        switch byte {
        case UInt8(ascii: "#"):
            state = .comment
        case UInt8(ascii: "\""):
            state = startsTriple(byte) ? .multiBasic : .basic
            if state == .multiBasic { advance(2) }
        case UInt8(ascii: "'"):
            state = startsTriple(byte) ? .multiLiteral : .literal
            if state == .multiLiteral { advance(2) }
        case UInt8(ascii: "["):
            if atStatementStart, depth == 0 {
                inHeader = true
                if let problem = headerProblem() { return problem }
            } else if !inHeader {
                depth += 1
            }
        case UInt8(ascii: "{"):
            depth += 1
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
            if !inHeader { depth = max(0, depth - 1) }
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
            break
        default:
            break
        }
        if byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t"), byte != UInt8(ascii: "\r") { atStatementStart = false }
        advance(1)
        return nil
    }

    private func headerProblem() -> (line: Int, column: Int, message: String)? {
        var probe = index + 1
        if probe < bytes.count, bytes[probe] == UInt8(ascii: "[") { probe += 1 }
        while probe < bytes.count, bytes[probe] == UInt8(ascii: " ") || bytes[probe] == UInt8(ascii: "\t") { probe += 1 }
        guard probe < bytes.count else {
            return (line, column + (probe - index), "TOML syntax error: unterminated table header; expected a table name and ']'")
        }
        let next = bytes[probe]
        let isKeyStart = (next >= 0x30 && next <= 0x39) || (next >= 0x41 && next <= 0x5A) || (next >= 0x61 && next <= 0x7A)
            || next == UInt8(ascii: "_") || next == UInt8(ascii: "-") || next == UInt8(ascii: "\"")
            || next == UInt8(ascii: "'") || next == UInt8(ascii: "]")
        if isKeyStart { return nil }
        return (line, column + (probe - index), "TOML syntax error: expected a table name after '[', like [training]")
    }

    private func startsTriple(_ quote: UInt8) -> Bool {
        index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
    }

    private mutating func inBasic(_ byte: UInt8) {
        if byte == UInt8(ascii: "\\") {
            advance(index + 1 < bytes.count && bytes[index + 1] != 0x0A ? 2 : 1)
            return
        }
        if byte == UInt8(ascii: "\"") {
            if state == .basic {
                state = .normal
            } else if startsTriple(byte) {
                state = .normal
                advance(2)
            }
        }
        advance(1)
    }

    private mutating func inLiteral(_ byte: UInt8) {
        if byte == UInt8(ascii: "'") {
            if state == .literal {
                state = .normal
            } else if startsTriple(byte) {
                state = .normal
                advance(2)
            }
        }
        advance(1)
    }

    private mutating func advance(_ count: Int) {
        for offset in 0..<count where index + offset < bytes.count && bytes[index + offset] & 0xC0 != 0x80 {
            column += 1
        }
        index += count
    }
}
