import Foundation

/// The standard Prometheus process metrics of this process, read from `/proc` (Linux) at each scrape.
struct ProcessMetrics {
  var cpuSeconds: Double?
  var residentBytes: Double?
  var virtualBytes: Double?
  var startTimeSeconds: Double?
  var openFileDescriptors: Double?
  var maxFileDescriptors: Double?

  /// The figures available on this system; the others stay nil and are left out.
  static func read() -> ProcessMetrics {
    var metrics = ProcessMetrics()
    var limit = rlimit()
    if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 { metrics.maxFileDescriptors = Double(limit.rlim_cur) }
    if let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
      metrics.openFileDescriptors = Double(descriptors.count)
    }
    guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
      let nameEnd = stat.lastIndex(of: ")")
    else { return metrics }
    // After "pid (comm)" the fields start at field 3 (state); utime is 14, stime 15, starttime 22, vsize 23, rss 24.
    let fields = stat[stat.index(after: nameEnd)...].split(separator: " ")
    func field(_ number: Int) -> Double? {
      let index = number - 3
      return fields.indices.contains(index) ? Double(fields[index]) : nil
    }
    let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
    let pageSize = Double(sysconf(Int32(_SC_PAGESIZE)))
    if let user = field(14), let system = field(15) { metrics.cpuSeconds = (user + system) / ticks }
    metrics.virtualBytes = field(23)
    metrics.residentBytes = field(24).map { $0 * pageSize }
    if let start = field(22), let boot = bootTime() { metrics.startTimeSeconds = boot + start / ticks }
    return metrics
  }

  /// The system's boot time in seconds since the epoch (`btime` in `/proc/stat`).
  private static func bootTime() -> Double? {
    guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8) else { return nil }
    let line = stat.split(separator: "\n").first { $0.hasPrefix("btime ") }
    return line.flatMap { Double($0.dropFirst("btime ".count)) }
  }

  /// The figures in the Prometheus text format, with the names every Prometheus client library uses.
  func exposition() -> String {
    let entries: [(String, String, String, Double?)] = [
      ("process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.", cpuSeconds),
      ("process_resident_memory_bytes", "gauge", "Resident memory size in bytes.", residentBytes),
      ("process_virtual_memory_bytes", "gauge", "Virtual memory size in bytes.", virtualBytes),
      (
        "process_start_time_seconds", "gauge", "Start time of the process since unix epoch in seconds.",
        startTimeSeconds
      ),
      ("process_open_fds", "gauge", "Number of open file descriptors.", openFileDescriptors),
      ("process_max_fds", "gauge", "Maximum number of open file descriptors.", maxFileDescriptors),
    ]
    var text = ""
    for (name, type, help, value) in entries {
      guard let value else { continue }
      text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n\(name) \(Self.format(value))\n"
    }
    return text
  }

  private static func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }
}
