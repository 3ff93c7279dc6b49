import Foundation

/// A loopback HTTP proxy in front of a real server (127.0.0.1:`upstreamPort`) that misbehaves on purpose:
/// each `Rule` matches requests by method and path and, a given number of times, drops the connection
/// after part of the request body or answers a status itself; everything else is relayed byte for byte
/// (one request per connection: `Connection: close` is forced). Clients keep the proxy's address in
/// `Host`, so servers that build URLs from it (giftless, WebDAV `Destination`) stay behind the proxy.
public final class FaultProxy: @unchecked Sendable {
    /// What to do to a matching request.
    public enum Action: Sendable {
        /// Relay the head and this many body bytes, then close both connections.
        case dropAfter(Int)
        /// Answer this status (with `Retry-After` when given) without contacting the server.
        case status(Int, retryAfter: String?)
    }

    /// A misbehaviour for requests with `method` whose path contains `pathContains`, `times` times.
    public struct Rule: Sendable {
        let method: String
        let pathContains: String
        let action: Action
        var remaining: Int

        /// A rule; `times` Int.max for always.
        public init(method: String, pathContains: String = "", action: Action, times: Int = 1) {
            self.method = method
            self.pathContains = pathContains
            self.action = action
            self.remaining = times
        }
    }

    /// The proxy's port.
    public let port: UInt16
    private let upstreamPort: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var rules: [Rule]
    private var log: [String] = []

    /// `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    /// `METHOD path` of every request seen, with ` [faulted]` when a rule fired.
    public var requests: [String] { lock.withLock { log } }

    /// Starts relaying to 127.0.0.1:`upstreamPort`.
    public init(upstreamPort: UInt16, rules: [Rule]) throws {
        self.upstreamPort = upstreamPort
        self.rules = rules
        listener = try Loopback.listeningSocket(port: 0)
        port = try Loopback.port(of: listener)
        let thread = Thread { [weak self, listener] in
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 { return }
                guard let self else { close(client); return }
                Thread.detachNewThread { self.handle(client) }
            }
        }
        thread.start()
    }

    deinit { stop() }

    /// Stops accepting connections.
    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func rule(method: String, path: String) -> Action? {
        lock.withLock {
            guard let index = rules.firstIndex(where: { $0.remaining > 0 && $0.method == method && ($0.pathContains.isEmpty || path.contains($0.pathContains)) }) else {
                log.append("\(method) \(path)")
                return nil
            }
            rules[index].remaining -= 1
            log.append("\(method) \(path) [faulted]")
            return rules[index].action
        }
    }

    private func handle(_ client: Int32) {
        defer { close(client) }
        guard let (head, rest) = ProxySocket.readHead(client) else { return }
        let requestLine = head.prefix { $0 != "\r" }.split(separator: " ")
        guard requestLine.count >= 2 else { return }
        let action = rule(method: String(requestLine[0]), path: String(requestLine[1]))
        if case let .status(code, retryAfter)? = action {
            ProxySocket.drain(client, head: head, received: rest.count)
            let extra = retryAfter.map { "Retry-After: \($0)\r\n" } ?? ""
            ProxySocket.send(client, Array("HTTP/1.1 \(code) Fault\r\n\(extra)Content-Length: 0\r\nConnection: close\r\n\r\n".utf8))
            return
        }
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(upstream) }
        guard ProxySocket.connect(upstream, port: upstreamPort) else { return }
        ProxySocket.send(upstream, Array(ProxySocket.forceClose(head).utf8))
        var limit: Int? = nil
        if case let .dropAfter(bytes)? = action { limit = bytes }
        let relay = Thread {
            ProxySocket.pump(from: upstream, to: client, limit: nil)
            shutdown(client, Int32(SHUT_RDWR))
        }
        relay.start()
        var sent = 0
        if !rest.isEmpty {
            let first = limit.map { Array(rest.prefix($0)) } ?? rest
            ProxySocket.send(upstream, first)
            sent = first.count
        }
        if let limit, sent >= limit {
            shutdown(upstream, Int32(SHUT_RDWR))
            shutdown(client, Int32(SHUT_RDWR))
        } else {
            ProxySocket.pump(from: client, to: upstream, limit: limit.map { $0 - sent })
            if limit != nil { shutdown(client, Int32(SHUT_RDWR)) }
            shutdown(upstream, limit == nil ? Int32(SHUT_WR) : Int32(SHUT_RDWR))
        }
        while relay.isExecuting || !relay.isFinished { Thread.sleep(forTimeInterval: 0.005) }
    }
}

/// Blocking socket helpers of `FaultProxy`.
enum ProxySocket {
    static func readHead(_ socket: Int32) -> (String, [UInt8])? {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16384)
        while received.count < 1 << 20 {
            if let end = find(received) {
                return (String(decoding: received[..<end], as: UTF8.self), Array(received[(end + 4)...]))
            }
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { return nil }
            received += buffer[0..<count]
        }
        return nil
    }

    private static func find(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4) where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    /// The head with any `Connection` header replaced by `Connection: close`, ending in a blank line.
    static func forceClose(_ head: String) -> String {
        let lines = head.components(separatedBy: "\r\n").filter { !$0.lowercased().hasPrefix("connection:") }
        return (lines + ["Connection: close"]).joined(separator: "\r\n") + "\r\n\r\n"
    }

    static func connect(_ socket: Int32, port: UInt16) -> Bool {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    static func send(_ socket: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }

    /// Reads and discards the rest of a `Content-Length` body, so that closing does not reset the connection.
    static func drain(_ socket: Int32, head: String, received: Int) {
        let length = head.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        var buffer = [UInt8](repeating: 0, count: 65536)
        var left = length - received
        while left > 0 {
            let count = recv(socket, &buffer, min(buffer.count, left), 0)
            if count <= 0 { return }
            left -= count
        }
    }

    /// Copies until end of stream (or `limit` bytes).
    static func pump(from source: Int32, to destination: Int32, limit: Int?) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        var left = limit ?? Int.max
        while left > 0 {
            let count = recv(source, &buffer, min(buffer.count, left), 0)
            if count <= 0 { return }
            send(destination, Array(buffer[0..<count]))
            left -= count
        }
    }
}
