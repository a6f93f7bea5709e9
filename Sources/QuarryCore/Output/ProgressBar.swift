#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A one-line progress bar for long commands: `[#######.............]  35%  3,500/10,000
/// articles  12.4 s, 23 s left`.
public struct ProgressBar: Sendable {
  public var total: Int
  public var unit: String
  public var width = 24

  public init(total: Int, unit: String) {
    self.total = total
    self.unit = unit
  }

  public func line(done: Int, elapsed: Double) -> String {
    let fraction = total == 0 ? 1 : min(1, Double(done) / Double(total))
    let filled = Int((fraction * Double(width)).rounded(.down))
    var line =
      "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
    let percent = Int((fraction * 100).rounded(.down))
    line += (percent < 10 ? "  " : percent < 100 ? " " : "") + "\(percent)%  "
    line += "\(Self.grouped(done))/\(Self.grouped(total)) \(unit)  \(Self.duration(elapsed))"
    if done > 0 && done < total {
      line += ", \(Self.duration(elapsed / Double(done) * Double(total - done))) left"
    }
    return line
  }

  /// 12345 → "12,345".
  public static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return value < 0 ? "-" + out : out
  }

  public static func duration(_ seconds: Double) -> String {
    if seconds < 60 { return "\((seconds * 10).rounded() / 10) s" }
    let whole = Int(seconds.rounded())
    return "\(whole / 60) min \(whole % 60) s"
  }
}

/// The number of processors online, read once: glibc's `sysconf` opens and reads a file
/// under /sys at every call, and one path query asked several times.
public enum ProcessorCount {
  public static let active: Int = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
}
