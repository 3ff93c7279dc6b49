import Foundation

/// A real nginx serving `root` on 127.0.0.1:<free port>, started with its own prefix and config in a
/// temporary folder (`daemon off`, one process, current user) and stopped by `stop()` or `deinit`.
final class NginxServer: @unchecked Sendable {
    let port: UInt16
    let prefix: TemporaryDirectory
    private var process: Process?
    let scheme: String

    /// The access log: one line per request, `<status> <range header> <bytes sent> <uri>`.
    var accessLog: [String] {
        let text = (try? String(contentsOf: prefix.path("access.log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    /// Base URL, e.g. `http://127.0.0.1:40123`.
    var baseURL: String { "\(scheme)://127.0.0.1:\(port)" }

    /// Starts nginx; `tls` is (certificate, key) paths; `extra` is inserted into the `server` block.
    init(root: URL, tls: (String, String)? = nil, extra: String = "") throws {
        prefix = try TemporaryDirectory()
        scheme = tls == nil ? "http" : "https"
        var lastError: Error = LoopbackError.timeout(0)
        var started: Process?
        for _ in 0..<5 {
            let port = try Loopback.freePort()
            do {
                try Self.writeConfig(prefix: prefix, root: root, port: port, tls: tls, extra: extra)
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/sbin/nginx")
                process.arguments = ["-p", prefix.url.path + "/", "-c", prefix.path("nginx.conf").path, "-e", prefix.path("error.log").path]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                started = process
                try Loopback.waitUntilListening(port: port, timeout: 5)
                self.port = port
                self.process = process
                return
            } catch {
                lastError = error
                if let started, started.isRunning { kill(started.processIdentifier, SIGKILL); started.waitUntilExit() }
            }
        }
        throw lastError
    }

    private static func writeConfig(prefix: TemporaryDirectory, root: URL, port: UInt16, tls: (String, String)?, extra: String) throws {
        let p = prefix.url.path
        try FileManager.default.createDirectory(at: prefix.path("temp"), withIntermediateDirectories: true)
        let listen = tls == nil ? "listen 127.0.0.1:\(port);" : """
            listen 127.0.0.1:\(port) ssl;
                    ssl_certificate \(tls?.0 ?? ""); ssl_certificate_key \(tls?.1 ?? "");
            """
        let config = """
            daemon off;
            master_process off;
            worker_processes 1;
            pid \(p)/nginx.pid;
            error_log \(p)/error.log warn;
            events { worker_connections 64; }
            http {
                log_format ranges '$status "$http_range" $body_bytes_sent $request_uri';
                access_log \(p)/access.log ranges;
                client_body_temp_path \(p)/temp/body; proxy_temp_path \(p)/temp/proxy;
                fastcgi_temp_path \(p)/temp/fastcgi; uwsgi_temp_path \(p)/temp/uwsgi; scgi_temp_path \(p)/temp/scgi;
                types { application/octet-stream bin; }
                default_type application/octet-stream;
                server {
                    \(listen)
                    root \(root.path);
                    \(extra)
                }
            }
            """
        try Data(config.utf8).write(to: prefix.path("nginx.conf"))
    }

    deinit { stop() }

    /// Stops nginx and waits for it to exit.
    func stop() {
        guard let process, process.isRunning else { return }
        // SIGKILL: a child spawned from a worker thread may inherit a mask that blocks SIGTERM, and
        // nginx in single-process mode does not unblock it.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
