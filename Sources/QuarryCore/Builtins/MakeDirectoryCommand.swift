#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `mkdir PATH`: a folder, with the folders above it, as `mkdir -p` makes them.
public struct MakeDirectoryCommand: Command {
  public init() {}
  public let signature = Signature(
    "mkdir", abstract: "Make a folder, and the folders above it that are missing",
    discussion: "A folder that exists already is fine; a file in the way is an error.",
    parameters: [Parameter("path", .path, help: "the folder to make")],
    input: .none, output: .string,
    examples: [Example("mkdir out/graphs", "a folder for exports")])

  public func run(_ invocation: Invocation) throws -> Value {
    let path = FilePaths.expandingTilde(invocation.string("path") ?? "")
    guard !path.isEmpty else { throw invocation.error("mkdir needs a folder name", at: "path") }
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      prefix += part
      var status = stat()
      if stat(prefix, &status) == 0 {
        guard status.st_mode & S_IFMT == S_IFDIR else {
          throw invocation.error("cannot make '\(path)': '\(prefix)' is a file", at: "path")
        }
      } else if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
        throw invocation.error("cannot make '\(path)': \(String(cString: strerror(errno)))", at: "path")
      }
      prefix += "/"
    }
    return .string(path)
  }
}
