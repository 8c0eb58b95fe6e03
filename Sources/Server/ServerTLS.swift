import HummingbirdTLS
import NIOSSL

/// The certificate and key `bulkhead serve --tls-cert --tls-key` answers HTTPS with.
public struct ServerTLS: Sendable {
  /// The server's TLS configuration.
  public let configuration: TLSConfiguration

  /// Reads the PEM certificate chain at `certificate` (the server's first, then its intermediates) and the PEM
  /// private key at `key`.
  ///
  /// - Throws: ``ServerTLSError`` naming the file that cannot be read and why.
  public init(certificate: String, key: String) throws(ServerTLSError) {
    let chain: [NIOSSLCertificate]
    do {
      chain = try NIOSSLCertificate.fromPEMFile(certificate)
    } catch {
      throw ServerTLSError(description: "cannot read the TLS certificate \(certificate): \(error)")
    }
    guard !chain.isEmpty else {
      throw ServerTLSError(description: "the TLS certificate file \(certificate) holds no PEM certificate")
    }
    let privateKey: NIOSSLPrivateKey
    do {
      privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
    } catch {
      throw ServerTLSError(description: "cannot read the TLS private key \(key): \(error)")
    }
    configuration = TLSConfiguration.makeServerConfiguration(
      certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
  }
}

/// A certificate or key that cannot be used, with the file and the reason.
public struct ServerTLSError: Error, CustomStringConvertible {
  public let description: String
}
