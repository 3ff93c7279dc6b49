import Fetching
import Foundation

/// Downloads files over HTTP with basic auth (as a reader of a WebDAV folder would), through Fetching's client.
enum Downloads {
    /// GETs `base + path` for each path into `directory`; throws on any status but 200.
    static func fetch(_ paths: [String], from base: String, user: String, secret: String, into directory: URL) throws {
        let client = try HTTPClient()
        for path in paths {
            var request = HTTPRequest(method: "GET", url: base + path)
            request.credentials = (user, secret)
            request.maximumBody = 1 << 30
            let response = try client.send(request)
            guard response.status == 200 else { throw DownloadFailed(url: base + path, status: response.status) }
            let target = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(response.body).write(to: target)
        }
    }
}

struct DownloadFailed: Error {
    let url: String
    let status: Int
}

/// Every regular file under `directory` whose bytes contain `needle` (relative paths).
func filesContaining(_ needle: String, under directory: String) -> [String] {
    let bytes = Array(needle.utf8)
    var hits: [String] = []
    guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
    while let relative = walker.nextObject() as? String {
        guard let data = FileManager.default.contents(atPath: directory + "/" + relative), data.count >= bytes.count else { continue }
        if Data(data).range(of: Data(bytes)) != nil { hits.append(relative) }
    }
    return hits
}
