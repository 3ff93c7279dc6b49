import BaseIO
import Digests
import Foundation

/// The digests a lock file refers to: every `sha256:<64 hex>` found in any JSON string (key or value),
/// at any depth, so it works for whatever lock format the builder writes.
public enum LockReferences {
    /// The digests referenced by the JSON file at `path`; throws `.invalidLockFile` if it is unreadable or not JSON.
    public static func digests(inLockFile path: String) throws(StoreError) -> Set<Digest> {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw StoreError.invalidLockFile(path: path, reason: "it cannot be read (\(error.localizedDescription))")
        }
        let document: JSONValue
        do { document = try JSONParser.parse([UInt8](data), options: .init(rejectsDuplicateKeys: false)) } catch {
            throw StoreError.invalidLockFile(path: path, reason: "it is not valid JSON (\(error.description))")
        }
        var found = Set<Digest>()
        collect(document, into: &found)
        return found
    }

    /// Every `sha256:<64 lowercase hex>` substring of `text`.
    public static func digests(inText text: String) -> [Digest] {
        let bytes = Array(text.utf8)
        let marker = Array("sha256:".utf8)
        var found = [Digest]()
        var index = 0
        while index + marker.count + 64 <= bytes.count {
            if bytes[index..<(index + marker.count)].elementsEqual(marker) {
                let start = index + marker.count
                let hex = String(decoding: bytes[start..<(start + 64)], as: UTF8.self)
                if let digest = try? Digest(hex: hex), digest.hex == hex {
                    found.append(digest)
                    index = start + 64
                    continue
                }
            }
            index += 1
        }
        return found
    }

    private static func collect(_ value: JSONValue, into found: inout Set<Digest>) {
        switch value {
        case let .string(text):
            found.formUnion(digests(inText: text))
        case let .array(array):
            for element in array { collect(element, into: &found) }
        case let .object(members):
            for member in members {
                found.formUnion(digests(inText: member.key))
                collect(member.value, into: &found)
            }
        default:
            break
        }
    }
}
