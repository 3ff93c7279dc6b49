/// ISO 639-1 and ISO 639-3 language codes, from Debian's iso-codes (Tools/gen_language_codes.py).
public enum LanguageCodes {
    /// Every two-letter ISO 639-1 code.
    public static let iso639_1: Set<String> = Set(iso639_1Text.split(whereSeparator: \.isWhitespace).map(String.init))
    /// Every three-letter ISO 639-3 code.
    public static let iso639_3: Set<String> = Set(iso639_3Text.split(whereSeparator: \.isWhitespace).map(String.init))

    /// True if `code` is a lowercase ISO 639-1 or ISO 639-3 code.
    public static func isValid(_ code: String) -> Bool {
        switch code.utf8.count {
        case 2: iso639_1.contains(code)
        case 3: iso639_3.contains(code)
        default: false
        }
    }
}
