import Foundation
import TestSupport

/// A real nginx serving `root` on 127.0.0.1:<free port>, started with its own prefix and config in a
/// temporary folder (`daemon off`, one process, current user) and stopped by `stop()` or `deinit`.
public final class NginxServer: @unchecked Sendable {
    /// The access log format of `FetchingTests`: `<status> "<range header>" <bytes sent> <uri>`.
    public static let rangeLogFormat = #"$status "$http_range" $body_bytes_sent $request_uri"#

    /// The port nginx listens on.
    public let port: UInt16
    /// The folder holding nginx's config, logs and temporary files.
    public let prefix: TemporaryDirectory
    private var process: Process?
    /// `http` or `https`.
    public let scheme: String

    /// The access log, one line per request in the format given at start.
    public var accessLog: [String] {
        let text = (try? String(contentsOfFile: prefix.path + "/access.log", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    /// The error log.
    public var errorLog: String { (try? String(contentsOfFile: prefix.path + "/error.log", encoding: .utf8)) ?? "" }

    /// Base URL, e.g. `http://127.0.0.1:40123`.
    public var baseURL: String { "\(scheme)://127.0.0.1:\(port)" }

    /// Starts nginx; `tls` is (certificate, key) paths; `extra` is inserted into the `server` block,
    /// `modules` are `.so` paths to `load_module`.
    public init(root: URL, tls: (String, String)? = nil, extra: String = "", modules: [String] = [],
                logFormat: String = NginxServer.rangeLogFormat) throws {
        prefix = try TemporaryDirectory(prefix: "glassbox-nginx-")
        scheme = tls == nil ? "http" : "https"
        var lastError: Error = LoopbackError.timeout(0)
        var started: Process?
        for _ in 0..<5 {
            let port = try Loopback.freePort()
            do {
                try Self.writeConfig(prefix: prefix.path, root: root, port: port, tls: tls, extra: extra, modules: modules, logFormat: logFormat)
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/sbin/nginx")
                process.arguments = ["-p", prefix.path + "/", "-c", prefix.path + "/nginx.conf", "-e", prefix.path + "/error.log"]
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

    private static func writeConfig(
        prefix p: String, root: URL, port: UInt16, tls: (String, String)?, extra: String, modules: [String], logFormat: String
    ) throws {
        try FileManager.default.createDirectory(atPath: p + "/temp", withIntermediateDirectories: true)
        let listen = tls == nil ? "listen 127.0.0.1:\(port);" : """
            listen 127.0.0.1:\(port) ssl;
                    ssl_certificate \(tls?.0 ?? ""); ssl_certificate_key \(tls?.1 ?? "");
            """
        let user = getuid() == 0 ? "user root root;" : ""
        let config = """
            \(modules.map { "load_module \($0);" }.joined(separator: "\n"))
            daemon off;
            master_process off;
            worker_processes 1;
            \(user)
            pid \(p)/nginx.pid;
            error_log \(p)/error.log warn;
            events { worker_connections 64; }
            http {
                log_format glassbox '\(logFormat)';
                access_log \(p)/access.log glassbox;
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
        try Data(config.utf8).write(to: URL(fileURLWithPath: p + "/nginx.conf"))
    }

    deinit { stop() }

    /// Stops nginx and waits for it to exit.
    public func stop() {
        guard let process, process.isRunning else { return }
        // SIGKILL: a child spawned from a worker thread may inherit a mask that blocks SIGTERM, and
        // nginx in single-process mode does not unblock it.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
