/// The request body of a Git LFS batch call.
struct LFSBatchRequest: Encodable {
    struct Ref: Encodable { let name: String }
    struct Object: Encodable {
        let oid: String
        let size: Int64
    }

    let operation: String
    let transfers: [String]
    let ref: Ref
    let objects: [Object]
    let hashAlgo: String

    enum CodingKeys: String, CodingKey {
        case operation, transfers, ref, objects
        case hashAlgo = "hash_algo"
    }
}

/// The answer to a Git LFS batch call (fields Glassbox reads).
struct LFSBatchResponse: Decodable {
    struct Action: Decodable {
        let href: String
        let header: [String: String]?
    }

    struct Actions: Decodable {
        let upload: Action?
        let verify: Action?
    }

    struct ObjectError: Decodable {
        let code: Int
        let message: String
    }

    struct Object: Decodable {
        let oid: String
        let size: Int64?
        let actions: Actions?
        let error: ObjectError?
    }

    let transfer: String?
    let objects: [Object]
}
