import Foundation

/// Socket helpers for loopback test servers (127.0.0.1 only).
public enum Loopback {
    /// A TCP port that was free a moment ago on 127.0.0.1 (bound to port 0, read back, closed).
    public static func freePort() throws -> UInt16 {
        let descriptor = try listeningSocket(port: 0)
        defer { close(descriptor) }
        return try port(of: descriptor)
    }

    /// A socket bound to 127.0.0.1:`port` and listening.
    public static func listeningSocket(port: UInt16) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw LoopbackError.socket(errno) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw LoopbackError.socket(errno)
        }
        return descriptor
    }

    /// The local port `descriptor` is bound to.
    public static func port(of descriptor: Int32) throws -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0 else { throw LoopbackError.socket(errno) }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Waits until something accepts connections on 127.0.0.1:`port`.
    public static func waitUntilListening(port: UInt16, timeout: Double = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            close(descriptor)
            if connected == 0 { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw LoopbackError.timeout(port)
    }
}

/// A loopback socket call failed (errno) or nothing listened in time (port).
public enum LoopbackError: Error {
    case socket(Int32)
    case timeout(UInt16)
}
