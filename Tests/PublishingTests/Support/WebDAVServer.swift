import Foundation
import TestSupport

/// nginx as a WebDAV server (core dav module for PUT/DELETE/MKCOL/COPY/MOVE, dav-ext for PROPFIND and
/// OPTIONS) over `root`, with basic auth for `user`/`secret`; `/readonly/` lets the user read but not
/// write (403). Missing Debian packages are installed through `Dependencies`.
final class WebDAVServer {
    static let davExtModule = "/usr/share/nginx/modules/ngx_http_dav_ext_module.so"
    static let logFormat = "$request_method $status $request_length $remote_user $request_uri"

    let nginx: NginxServer
    let root: URL

    init(root: URL, user: String, secret: String, work: TemporaryDirectory) throws {
        try Dependencies.require(debian: ["nginx", "libnginx-mod-http-dav-ext"])
        self.root = root
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let users = try work.write("htpasswd", text: "\(user):{PLAIN}\(secret)\n")
        let dav = """
            dav_methods PUT DELETE MKCOL COPY MOVE;
                    dav_ext_methods PROPFIND OPTIONS;
                    create_full_put_path on;
                    dav_access user:rw group:r all:r;
                    client_max_body_size 0;
            """
        let extra = """
            auth_basic "dav"; auth_basic_user_file \(users);
                    location /readonly/ { limit_except GET HEAD PROPFIND OPTIONS { deny all; } }
                    location / {
                        \(dav)
                    }
            """
        nginx = try NginxServer(root: root, extra: extra, modules: [Self.davExtModule], logFormat: Self.logFormat)
    }

    /// `METHOD status path` of every request (logged when nginx answered it).
    var requests: [String] {
        nginx.accessLog.map { line in
            let words = line.split(separator: " ").map(String.init)
            return words.count >= 5 ? "\(words[0]) \(words[1]) \(words[4])" : line
        }
    }
}
