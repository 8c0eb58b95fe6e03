import Foundation

/// CPU time and resident memory of processes, read from `/proc`, for the bench's server-side figures.
public enum ProcessUsage {
  /// The CPU time (user and system) `pids` have used so far, in seconds.
  public static func cpuSeconds(_ pids: [pid_t]) -> Double {
    pids.reduce(0) { total, pid in
      guard let fields = statFields(pid), fields.count > 12, let user = Double(fields[11]),
        let system = Double(fields[12])
      else { return total }
      return total + (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
  }

  /// The resident memory (VmRSS) of `pids` together, in KiB.
  public static func residentKiB(_ pids: [pid_t]) -> Int {
    pids.reduce(0) { total, pid in
      guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
        let kib = Int(line.dropFirst("VmRSS:".count).filter(\.isNumber))
      else { return total }
      return total + kib
    }
  }

  /// The parent of `pid`, when it is running.
  public static func parent(of pid: pid_t) -> pid_t? {
    statFields(pid).flatMap { $0.count > 1 ? pid_t($0[1]) : nil }
  }

  /// The fields of `/proc/<pid>/stat` after the command name, starting with the state (field 3).
  private static func statFields(_ pid: pid_t) -> [Substring]? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let afterName = stat.range(of: ") ", options: .backwards)
    else { return nil }
    return stat[afterName.upperBound...].split(separator: " ")
  }
}
