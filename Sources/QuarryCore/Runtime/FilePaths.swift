#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// File access the language needs, on POSIX calls: Foundation's file APIs would add
/// start-up time that every `quarry -c` pays.
public enum FilePaths {
  public struct FileError: Error, CustomStringConvertible {
    public let description: String
  }

  /// A path relative to another file's folder (for `source`), or as given when absolute.
  public static func resolve(_ path: String, relativeTo file: String?) -> String {
    let expanded = expandingTilde(path)
    if expanded.hasPrefix("/") { return expanded }
    guard let file, let slash = file.lastIndex(of: "/") else { return expanded }
    return String(file[...slash]) + expanded
  }

  public static func expandingTilde(_ path: String) -> String {
    guard path == "~" || path.hasPrefix("~/") else { return path }
    return (Environment.get("HOME") ?? "") + path.dropFirst()
  }

  /// The whole content of a file as bytes.
  public static func readBytes(_ path: String) throws -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileError(description: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var info = stat()
    if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
      throw FileError(description: "it is a directory")
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw FileError(description: String(cString: strerror(errno)))
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes
  }

  /// The content of a UTF-8 text file; invalid bytes are an error naming their offset.
  public static func readText(_ path: String) throws -> String {
    let bytes = try readBytes(path)
    if let offset = invalidUTF8Offset(bytes) {
      throw FileError(description: "it is not UTF-8 text (invalid byte at offset \(offset))")
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The offset of the first byte that is not valid UTF-8 (a cut-off or overlong
  /// sequence, a surrogate, past U+10FFFF), or of a NUL byte unless `allowingNUL`.
  /// Runs of ASCII are checked eight bytes at a time: web pages are mostly markup.
  public static func invalidUTF8Offset(_ bytes: [UInt8], allowingNUL: Bool = false) -> Int? {
    let count = bytes.count
    var index = 0
    while index < count {
      if index + 8 <= count {
        let word = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: index, as: UInt64.self) }
        let ascii = word & 0x8080_8080_8080_8080 == 0
        let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
        if ascii && (allowingNUL || !hasZero) {
          index += 8
          continue
        }
      }
      let byte = bytes[index]
      if byte < 0x80 {
        if byte == 0 && !allowingNUL { return index }
        index += 1
        continue
      }
      let length: Int
      let minimum: UInt32
      switch byte {
      case 0xC2...0xDF: (length, minimum) = (2, 0x80)
      case 0xE0...0xEF: (length, minimum) = (3, 0x800)
      case 0xF0...0xF4: (length, minimum) = (4, 0x10000)
      default: return index
      }
      guard index + length <= count else { return index }
      var scalar = UInt32(byte) & (0xFF >> (length + 1))
      for offset in 1..<length {
        let next = bytes[index + offset]
        guard next & 0xC0 == 0x80 else { return index }
        scalar = scalar << 6 | UInt32(next & 0x3F)
      }
      if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
      index += length
    }
    return nil
  }

  /// Writes a file through a temporary file and a rename, so readers never see half of it.
  public static func write(_ text: String, to path: String) throws {
    try write(bytes: Array(text.utf8), to: path)
  }

  /// Writes bytes through a temporary file and a rename.
  public static func write(bytes: [UInt8], to path: String) throws {
    let temporary = path + ".tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw FileError(description: String(cString: strerror(errno))) }
    var bytes = bytes
    var offset = 0
    let failure: String? = bytes.withUnsafeMutableBytes { raw in
      while offset < raw.count {
        let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return String(cString: strerror(errno))
        }
        offset += written
      }
      return nil
    }
    close(descriptor)
    if let failure {
      unlink(temporary)
      throw FileError(description: failure)
    }
    bytes.removeAll()
    guard rename(temporary, path) == 0 else {
      let message = String(cString: strerror(errno))
      unlink(temporary)
      throw FileError(description: message)
    }
  }

  public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  /// Makes the folders a file's path needs (mode 0700 for new ones).
  public static func makeDirectories(forFile path: String) {
    var current = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/").dropLast() {
      current += "/" + component
      mkdir(current, 0o700)
    }
  }

  public static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// Names in a directory, sorted, without `.` and `..`.
  public static func list(_ directory: String) throws -> [String] {
    guard let handle = opendir(directory) else {
      throw FileError(description: String(cString: strerror(errno)))
    }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  /// Expands `*`, `?` and `[...]` in a path with the C library's glob.
  public static func glob(_ pattern: String) -> [String] {
    var result = glob_t()
    defer { globfree(&result) }
    guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
    return (0..<Int(result.gl_pathc)).compactMap { index in
      result.gl_pathv[index].map { String(cString: $0) }
    }
  }

  public static func hasGlobCharacters(_ path: String) -> Bool {
    path.contains { $0 == "*" || $0 == "?" || $0 == "[" }
  }
}

/// Environment variables, read without Foundation.
public enum Environment {
  public static func get(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// The process's working folder.
  public static var currentDirectory: String? {
    guard let pointer = getcwd(nil, 0) else { return nil }
    defer { free(pointer) }
    return String(cString: pointer)
  }

  public static func all() -> [String: String] {
    var result: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
      let text = String(cString: entry)
      if let equals = text.firstIndex(of: "=") {
        result[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      pointer += 1
    }
    return result
  }
}
