/// `[publish]`: how the release is signed and who commits it when it is published to a git repository.
public struct PublishSection: Codable, Equatable, Sendable {
    /// Path of the signing key (relative to the recipe); absent means the release is not signed.
    public var signingKey: String?
    /// The author of the commits `glassbox publish` makes, `Name <email>`; absent: `Glassbox <glassbox@localhost>`.
    public var author: String?

    enum CodingKeys: String, CodingKey {
        case signingKey = "signing_key"
        case author
    }

    /// The author split into name and email, when `author` is set and well formed.
    public var authorParts: (name: String, email: String)? {
        guard let author, let open = author.lastIndex(of: "<"), author.hasSuffix(">") else { return nil }
        let name = author[..<open].trimmingCharacters(in: .whitespaces)
        let email = author[author.index(after: open)..<author.index(before: author.endIndex)]
        guard !name.isEmpty, email.contains("@"), !email.contains(where: { $0 == "<" || $0 == ">" || $0 == " " }) else { return nil }
        return (name, String(email))
    }

    static func read(_ reader: TableReader?) -> PublishSection {
        guard let reader else { return PublishSection(signingKey: nil) }
        var section = PublishSection(signingKey: reader.string("signing_key", maxBytes: 4_096))
        section.author = reader.string("author", maxBytes: 512)
        reader.rejectUnknownKeys()
        if section.signingKey?.isEmpty == true { reader.report("signing_key", "must not be empty; remove the key to build unsigned") }
        if section.author != nil, section.authorParts == nil {
            reader.report("author", "must be 'Name <email>', e.g. \"Model Team <models@example.org>\"")
        }
        return section
    }
}
