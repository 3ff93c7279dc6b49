import Foundation

/// `git http-backend` behind a real nginx through fcgiwrap (on a unix socket the test owns), serving the
/// repositories under `projectRoot` at `<baseURL><urlPrefix>/…`; optionally with basic auth and a Git
/// LFS server (`lfsSocket`, an HTTP server on a unix socket) at `<repo>.git/info/lfs/`.
public final class GitHTTPServer: @unchecked Sendable {
    /// The nginx in front.
    public let nginx: NginxServer
    private let fcgi: Process

    /// Base URL of the repositories, e.g. `http://127.0.0.1:40123/git`.
    public var baseURL: String { nginx.baseURL + urlPrefix }
    private let urlPrefix: String

    /// Starts fcgiwrap and nginx. `urlPrefix` is "" (repositories at the root) or e.g. "/git";
    /// `htpasswd`: a user file that every request must satisfy; `lfsSocket`: where LFS requests go.
    public init(projectRoot: URL, workDirectory: URL, urlPrefix: String = "/git", tls: (String, String)? = nil,
                htpasswd: String? = nil, lfsSocket: String? = nil, logFormat: String = NginxServer.rangeLogFormat) throws {
        let socket = workDirectory.appendingPathComponent("fcgiwrap-\(UUID().uuidString.prefix(8)).sock").path
        fcgi = Process()
        fcgi.executableURL = URL(fileURLWithPath: "/usr/sbin/fcgiwrap")
        fcgi.arguments = ["-s", "unix:\(socket)"]
        fcgi.standardOutput = FileHandle.nullDevice
        fcgi.standardError = FileHandle.nullDevice
        try fcgi.run()
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: socket) { Thread.sleep(forTimeInterval: 0.02) }
        self.urlPrefix = urlPrefix
        let auth = htpasswd.map { "auth_basic \"git\"; auth_basic_user_file \($0);" } ?? ""
        let lfs = lfsSocket.map { lfsSocket in
            """
            location ~ ^\(urlPrefix)/.+\\.git/info/lfs/ {
                        client_max_body_size 0;
                        proxy_request_buffering off;
                        proxy_pass http://unix:\(lfsSocket);
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_set_header X-Remote-User $remote_user;
                    }
            """
        } ?? ""
        let pattern = urlPrefix.isEmpty ? "^(/.*)$" : "^\(urlPrefix)(/.*)$"
        let extra = """
            \(auth)
                    client_max_body_size 0;
                    \(lfs)
                    location ~ \(pattern) {
                        fastcgi_pass unix:\(socket);
                        include /etc/nginx/fastcgi_params;
                        fastcgi_param SCRIPT_FILENAME /usr/lib/git-core/git-http-backend;
                        fastcgi_param GIT_PROJECT_ROOT \(projectRoot.path);
                        fastcgi_param GIT_HTTP_EXPORT_ALL "";
                        fastcgi_param PATH_INFO $1;
                        fastcgi_param REMOTE_USER $remote_user;
                    }
            """
        do {
            nginx = try NginxServer(root: projectRoot, tls: tls, extra: extra, logFormat: logFormat)
        } catch {
            kill(fcgi.processIdentifier, SIGKILL)
            fcgi.waitUntilExit()
            throw error
        }
    }

    deinit { stop() }

    /// Stops nginx and fcgiwrap.
    public func stop() {
        nginx.stop()
        if fcgi.isRunning {
            kill(fcgi.processIdentifier, SIGKILL)
            fcgi.waitUntilExit()
        }
    }
}
