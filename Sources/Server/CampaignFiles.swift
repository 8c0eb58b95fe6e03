import BulkheadCore
import Foundation

/// The campaign folder's files as `GET /data/…` serves them: images, and the text portraits the NPCs name;
/// never a file whose real path (symlinks resolved) lies outside the folder.
struct CampaignFiles: Sendable {
  /// Files larger than this are refused.
  static let maximumBytes = 16 << 20

  /// The campaign folder with every symlink resolved; nil when it cannot be resolved.
  let rootPath: String?
  /// The paths, relative to the campaign folder, that some NPC's `portrait_text` names.
  let textPortraits: Set<String>

  /// The files of `campaign`'s folder.
  init(campaign: Campaign) {
    if case .resolved(let path) = Self.resolve(campaign.root.path) { rootPath = path } else { rootPath = nil }
    textPortraits = Set(
      campaign.npcs.compactMap { npc in
        npc.portraitText.flatMap { try? CampaignFilePath(rawPath: $0[...]).relativePath }
      })
  }

  /// The file `path` names, read whole.
  ///
  /// - Throws: `APIError` 403 for a file that is not an image (by extension and content) nor a named text
  ///   portrait, that resolves outside the campaign folder or into a hidden one, that is not a regular file or
  ///   is larger than ``maximumBytes``; 404 for a missing file.
  func file(at path: CampaignFilePath) throws(APIError) -> CampaignFile {
    let type = try servedType(path)
    guard let rootPath else { throw APIError(.notFound, "the campaign folder cannot be read") }
    let realPath: String
    switch Self.resolve(rootPath + "/" + path.relativePath) {
    case .resolved(let resolved): realPath = resolved
    case .missing: throw APIError(.notFound, "no such file: \(path.relativePath)")
    case .unreadable: throw APIError(.forbidden, "cannot read \(path.relativePath)")
    }
    let rootPrefix = rootPath.hasSuffix("/") ? rootPath : rootPath + "/"
    try Self.checkInside(realPath, rootPrefix)
    let file = try Self.load(realPath, type: type, name: path.relativePath, rootPrefix: rootPrefix)
    guard type.matches(file.content) else {
      throw APIError(.forbidden, "\(path.relativePath) is not \(type.name)")
    }
    return file
  }

  /// The type `path` is served as, decided by its name alone.
  private func servedType(_ path: CampaignFilePath) throws(APIError) -> CampaignFileType {
    if textPortraits.contains(path.relativePath) { return .text }
    guard let name = path.segments.last, let type = CampaignFileType(imageFileName: name) else {
      throw APIError(.forbidden, "only images are served (.png, .jpg, .jpeg, .gif, .webp)")
    }
    return type
  }

  /// Refuses a resolved path that lies outside the campaign folder or in a hidden file or folder.
  private static func checkInside(_ realPath: String, _ rootPrefix: String) throws(APIError) {
    guard realPath.hasPrefix(rootPrefix) else { throw APIError(.forbidden, "path escapes the campaign folder") }
    if realPath.dropFirst(rootPrefix.count).split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
      throw APIError(.forbidden, "hidden files are not served")
    }
  }

  /// Reads the regular file at `realPath` whole; `name` names it in errors.
  ///
  /// `O_NOFOLLOW` guards only the last component: a folder of the path swapped for a symlink between the check and
  /// the open would lead elsewhere. So the file actually opened is checked again, by the descriptor's own path,
  /// before a byte of it is read.
  private static func load(
    _ realPath: String, type: CampaignFileType, name: String, rootPrefix: String
  ) throws(APIError) -> CampaignFile {
    // Non-blocking, so that a FIFO cannot hang the open; it is refused below as not a regular file.
    let descriptor = open(realPath, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw APIError(.forbidden, "cannot read \(name)") }
    defer { close(descriptor) }
    guard let openedPath = Self.path(of: descriptor) else { throw APIError(.forbidden, "cannot read \(name)") }
    try checkInside(openedPath, rootPrefix)
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw APIError(.forbidden, "cannot read \(name)") }
    guard status.st_mode & S_IFMT == S_IFREG else {
      throw APIError(.forbidden, "\(name) is not a regular file")
    }
    let tooLarge = APIError(.forbidden, "\(name) is larger than \(maximumBytes >> 20) MiB")
    guard status.st_size <= maximumBytes else { throw tooLarge }
    var content: [UInt8] = []
    content.reserveCapacity(Int(status.st_size))
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = chunk.withUnsafeMutableBytes { buffer in read(descriptor, buffer.baseAddress, buffer.count) }
      if count < 0, errno == EINTR { continue }
      guard count >= 0 else { throw APIError(.forbidden, "cannot read \(name)") }
      if count == 0 { break }
      content.append(contentsOf: chunk[..<count])
      // The size was checked, but the file may grow while it is read.
      guard content.count <= maximumBytes else { throw tooLarge }
    }
    #if os(Linux)
      let modified = status.st_mtim
    #else
      let modified = status.st_mtimespec
    #endif
    return CampaignFile(
      type: type, content: content, modifiedSeconds: Int(modified.tv_sec), modifiedNanoseconds: Int(modified.tv_nsec))
  }

  /// The path of the file an open descriptor refers to, as the kernel knows it (every symlink resolved).
  private static func path(of descriptor: Int32) -> String? {
    #if os(Linux)
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink("/proc/self/fd/\(descriptor)", &buffer, buffer.count - 1)
      guard count > 0 else { return nil }
      return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    #else
      var buffer = [CChar](repeating: 0, count: Int(MAXPATHLEN))
      guard fcntl(descriptor, F_GETPATH, &buffer) == 0 else { return nil }
      return String(cString: buffer)
    #endif
  }

  /// What resolving every symlink of a path gives.
  private enum Resolution {
    case resolved(String)
    /// The path or one of its folders does not exist.
    case missing
    /// Any other failure (permissions, loops).
    case unreadable
  }

  /// `path` with every symlink resolved.
  private static func resolve(_ path: String) -> Resolution {
    guard let resolved = realpath(path, nil) else {
      return errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable
    }
    defer { free(resolved) }
    return .resolved(String(cString: resolved))
  }
}

/// One campaign file read whole, with what its caching headers need.
struct CampaignFile: Sendable {
  /// What the file is served as.
  let type: CampaignFileType
  /// The file's bytes.
  let content: [UInt8]
  /// The last modification, in whole seconds since 1970.
  let modifiedSeconds: Int
  /// The nanoseconds of the last modification past ``modifiedSeconds``.
  let modifiedNanoseconds: Int

  /// The `ETag`: the size and the modification time, quoted.
  var entityTag: String { "\"\(content.count)-\(modifiedSeconds).\(modifiedNanoseconds)\"" }
}
