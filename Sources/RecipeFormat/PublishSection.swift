/// `[publish]`: how the release is signed.
public struct PublishSection: Codable, Equatable, Sendable {
    /// Path of the signing key (relative to the recipe); absent means the release is not signed.
    public var signingKey: String?

    enum CodingKeys: String, CodingKey {
        case signingKey = "signing_key"
    }

    static func read(_ reader: TableReader?) -> PublishSection {
        guard let reader else { return PublishSection(signingKey: nil) }
        let section = PublishSection(signingKey: reader.string("signing_key", maxBytes: 4_096))
        reader.rejectUnknownKeys()
        if section.signingKey?.isEmpty == true { reader.report("signing_key", "must not be empty; remove the key to build unsigned") }
        return section
    }
}
