import Foundation
import TestSupport

/// A small HTTP/1.1 server on 127.0.0.1:<free port> that misbehaves on purpose. Each request gets the
/// next `Behaviour` of the script (the last one repeats). It honours `Range: bytes=N-` when serving.
final class FaultServer: @unchecked Sendable {
    enum Behaviour: Sendable {
        /// Serve the body (honouring Range).
        case serve
        /// Send headers for the whole (range of the) body, then only `bytes` bytes, then close.
        case dropAfter(Int)
        /// Answer with this status, optional Retry-After, and no body.
        case status(Int, retryAfter: String?)
        /// Serve these bytes instead of the body (with a 200).
        case wrongBytes(Data)
    }

    let port: UInt16
    private let body: Data
    private let script: [Behaviour]
    private let listener: Int32
    private let lock = NSLock()
    private var requests: [String] = []
    private let thread: Thread

    /// The `Range` header of every request so far ("" when none), in order.
    var ranges: [String] { lock.withLock { requests } }

    var url: String { "http://127.0.0.1:\(port)/data.bin" }

    init(body: Data, script: [Behaviour]) throws {
        self.body = body
        self.script = script.isEmpty ? [.serve] : script
        listener = try Loopback.listeningSocket(port: 0)
        port = try Loopback.port(of: listener)
        let state = ServerState(body: body, script: self.script)
        let listener = listener
        thread = Thread { [state] in
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 { return }
                state.handle(client)
            }
        }
        state.onRequest = { [weak self] range in self?.lock.withLock { self?.requests.append(range) } }
        thread.start()
    }

    deinit { stop() }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }
}

/// The per-connection logic of `FaultServer` (runs on its accept thread only).
private final class ServerState: @unchecked Sendable {
    let body: Data
    let script: [FaultServer.Behaviour]
    var count = 0
    var onRequest: (@Sendable (String) -> Void)?

    init(body: Data, script: [FaultServer.Behaviour]) {
        self.body = body
        self.script = script
    }

    func handle(_ client: Int32) {
        defer { close(client) }
        let request = readRequest(client)
        let range = request.split(separator: "\r\n").first { $0.lowercased().hasPrefix("range:") }
            .map { $0.dropFirst(6).trimmingCharacters(in: .whitespaces) } ?? ""
        onRequest?(range)
        let behaviour = script[min(count, script.count - 1)]
        count += 1
        var start = 0
        if range.hasPrefix("bytes="), let value = Int(range.dropFirst(6).prefix { $0 != "-" }) { start = value }
        switch behaviour {
        case .serve:
            send(client, head(partial: start > 0, start: start), body[start...])
        case let .dropAfter(bytes):
            send(client, head(partial: start > 0, start: start), body[start..<min(body.count, start + bytes)])
        case let .status(status, retryAfter):
            let extra = retryAfter.map { "Retry-After: \($0)\r\n" } ?? ""
            send(client, "HTTP/1.1 \(status) Fault\r\n\(extra)Content-Length: 0\r\nConnection: close\r\n\r\n", Data())
        case let .wrongBytes(data):
            send(client, "HTTP/1.1 200 OK\r\nContent-Length: \(data.count)\r\nConnection: close\r\n\r\n", data)
        }
    }

    private func head(partial: Bool, start: Int) -> String {
        guard partial else { return "HTTP/1.1 200 OK\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n" }
        return "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes \(start)-\(body.count - 1)/\(body.count)\r\n"
            + "Content-Length: \(body.count - start)\r\nConnection: close\r\n\r\n"
    }

    private func readRequest(_ client: Int32) -> String {
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.ends(with: Array("\r\n\r\n".utf8)) && received.count < 65536 {
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: received, as: UTF8.self)
    }

    private func send(_ client: Int32, _ head: String, _ payload: Data) {
        var bytes = Array(head.utf8)
        bytes.append(contentsOf: payload)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}
