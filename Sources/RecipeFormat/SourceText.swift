/// Checks the raw bytes of a recipe before TOML parsing: valid UTF-8 and no NUL bytes, with the
/// line and column of each offence (TOML requires UTF-8; the C parser would stop at a NUL).
enum SourceText {
    /// At most this many encoding problems are listed; the rest are counted.
    static let maxReported = 10

    static func check(_ bytes: [UInt8], into problems: ProblemCollector) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        var column = 1
        var found = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                if encoded.count == 1, encoded.first == 0x0A {
                    line += 1
                    column = 0
                } else if encoded.count == 1, encoded.first == 0 {
                    found += 1
                    if found <= maxReported { problems.add(line: line, column: column, "NUL byte; recipes are text") }
                }
                column += 1
            case .error:
                found += 1
                if found <= maxReported {
                    problems.add(line: line, column: column, "invalid UTF-8; recipes must be UTF-8 text (re-save the file as UTF-8)")
                }
                column += 1
            case .emptyInput:
                if found > maxReported {
                    problems.add(line: line, column: column, "\(found - maxReported) more encoding problems not listed")
                }
                return
            }
        }
    }
}
