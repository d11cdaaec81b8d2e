import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The system's OpenBLAS, loaded at run time with dlopen (not linked), so a qlift binary runs
// on machines without it and uses it where it is installed (Debian: `libopenblas0-pthread`).
// Only two routines are used: cblas_zherk and cblas_zgemm, for wide fidelity-kernel Gram
// matrices. `QLIFT_BLAS=off` in the environment keeps it unloaded (the portable kernels run).

/// The system's optimized BLAS (OpenBLAS or BLIS, found at run time), or nil: complex Gram
/// products for the fidelity kernels, one single-threaded call per block (SystemBLAS+Blocks).
public final class SystemBLAS: @unchecked Sendable {
  /// The library found in this process, loaded once on first use; nil when none is installed
  /// or `QLIFT_BLAS=off`.
  public static let shared: SystemBLAS? = loaded.blas

  /// One line for `qlift kernel`, the run manifest's machine and the benchmarks, e.g.
  /// "OpenBLAS 0.3.21 (libopenblas.so.0, SkylakeX)" or "none (portable kernels)".
  public static let summary: String = loaded.summary
  private static let loaded = load(environment: ProcessInfo.processInfo.environment)

  /// The file name that was opened (e.g. "libopenblas.so.0").
  public let library: String
  /// What the library says it is (its version and the CPU kernels it chose), or the file name.
  public let description: String

  // The C entry points (CBLAS, 32-bit integers as in Debian's libopenblas0).
  typealias Zherk =
    @convention(c) (
      Int32, Int32, Int32, Int32, Int32, Double, UnsafeRawPointer?, Int32, Double, UnsafeMutableRawPointer?, Int32
    ) -> Void
  typealias Zgemm =
    @convention(c) (
      Int32, Int32, Int32, Int32, Int32, Int32, UnsafeRawPointer?, UnsafeRawPointer?, Int32, UnsafeRawPointer?, Int32,
      UnsafeRawPointer?, UnsafeMutableRawPointer?, Int32
    ) -> Void
  typealias SetThreads = @convention(c) (Int32) -> Void
  typealias GetThreads = @convention(c) () -> Int32
  private let zherk: Zherk
  private let zgemm: Zgemm
  private let setThreads: SetThreads?
  private let getThreads: GetThreads?
  /// One call at a time: the thread count is a process-wide setting of the library.
  private let lock = NSLock()

  // CBLAS enumeration values.
  private static let rowMajor: Int32 = 101, noTrans: Int32 = 111, conjTrans: Int32 = 113, upper: Int32 = 121

  private init(library: String, description: String, zherk: Zherk, zgemm: Zgemm, setThreads: SetThreads?, getThreads: GetThreads?)
  {
    self.library = library
    self.description = description
    self.zherk = zherk
    self.zgemm = zgemm
    self.setThreads = setThreads
    self.getThreads = getThreads
  }

  /// The libraries tried, in order. The generic names (Debian's alternatives) are used only
  /// when they are an optimized BLAS (the reference BLAS is slower than the portable kernels).
  static let candidates: [(name: String, generic: Bool)] = {
    #if os(Linux)
      return [
        ("libopenblas.so.0", false), ("libopenblas.so", false), ("libcblas.so.3", true), ("libblas.so.3", true)
      ]
    #else
      return []
    #endif
  }()

  /// Sets OPENBLAS_NUM_THREADS=1 unless it is already: OpenBLAS starts its own thread pool when
  /// it is opened, and an idle pool thread spins on sched_yield for about 0.1 s before it
  /// sleeps; on 2 cores that took a core from qlift's workers in every short run (a d = 12 Gram
  /// matrix was no faster on 2 threads than on 1). Its threading is never used
  /// (`singleThreaded`), so the pool is not started. Programs call this first, before any
  /// thread reads the environment (setenv is not safe while one does); opening the library
  /// calls it too, and then only writes if no one did.
  public static func startNoLibraryThreads() {
    if let current = getenv("OPENBLAS_NUM_THREADS"), String(cString: current) == "1" { return }
    setenv("OPENBLAS_NUM_THREADS", "1", 1)
  }

  /// Finds and opens the library unless `environment` has QLIFT_BLAS=off (or 0, no, none):
  /// the library, or nil, and the one-line summary.
  static func load(environment: [String: String]) -> (blas: SystemBLAS?, summary: String) {
    if let v = environment["QLIFT_BLAS"]?.lowercased(), ["off", "0", "no", "none", "false"].contains(v) {
      return (nil, "none (QLIFT_BLAS=\(environment["QLIFT_BLAS"]!): portable kernels)")
    }
    startNoLibraryThreads()
    for c in candidates {
      if let blas = open(c.name, generic: c.generic) { return (blas, blas.description) }
    }
    return (nil, "none (portable kernels)")
  }

  /// Opens `name` and resolves the routines; nil when it is missing or lacks them.
  private static func open(_ name: String, generic: Bool) -> SystemBLAS? {
    guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { return nil }
    func symbol<T>(_ s: String, _ type: T.Type) -> T? {
      dlsym(handle, s).map { unsafeBitCast($0, to: type) }
    }
    typealias Text = @convention(c) () -> UnsafePointer<CChar>?
    let config = symbol("openblas_get_config", Text.self)
    let blis = symbol("bli_info_get_version_str", Text.self)
    guard let zherk = symbol("cblas_zherk", Zherk.self), let zgemm = symbol("cblas_zgemm", Zgemm.self),
      !generic || config != nil || blis != nil
    else {
      dlclose(handle)
      return nil
    }
    var description = name
    if let text = config?().map({ String(cString: $0) }) {
      // "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY SkylakeX MAX_THREADS=64": name, version, core.
      let words = text.split(separator: " ")
      let core = symbol("openblas_get_corename", Text.self)?().map { String(cString: $0) }
      description = "\(words.prefix(2).joined(separator: " ")) (\(name)\(core.map { ", \($0)" } ?? ""))"
    } else if let version = blis?().map({ String(cString: $0) }) {
      description = "BLIS \(version) (\(name))"
    }
    // The handle stays open for the life of the process.
    return SystemBLAS(
      library: name, description: description, zherk: zherk, zgemm: zgemm,
      setThreads: symbol("openblas_set_num_threads", SetThreads.self),
      getThreads: symbol("openblas_get_num_threads", GetThreads.self))
  }

  /// The library's own thread count (OpenBLAS), nil when it does not say: 1, since its pool
  /// is not started (`load`).
  var libraryThreads: Int? { getThreads.map { Int($0()) } }

  /// Runs `body` with the library's own threading off (our workers call it on blocks whose
  /// bounds do not depend on the thread count), one caller at a time; the library's previous
  /// thread count is restored.
  func singleThreaded(_ body: () -> Void) {
    lock.withLock {
      let previous = getThreads?()
      setThreads?(1)
      body()
      if let previous { setThreads?(previous) }
    }
  }

  /// cblas_zherk, row-major, upper triangle, no transpose: C = A·A^H for A `n` x `k`
  /// interleaved complex (row stride `lda` complex), C `n` x `n` (row stride `ldc`).
  func zherkUpper(n: Int, k: Int, _ a: UnsafePointer<Double>, lda: Int, _ c: UnsafeMutablePointer<Double>, ldc: Int) {
    zherk(Self.rowMajor, Self.upper, Self.noTrans, Int32(n), Int32(k), 1, a, Int32(lda), 0, c, Int32(ldc))
  }

  /// cblas_zgemm, row-major: C = A·B^H for A `m` x `k`, B `n` x `k`, C `m` x `n`, all
  /// interleaved complex with row strides `lda`, `ldb`, `ldc` (complex entries).
  func zgemmConjugated(
    m: Int, n: Int, k: Int, _ a: UnsafePointer<Double>, lda: Int, _ b: UnsafePointer<Double>, ldb: Int,
    _ c: UnsafeMutablePointer<Double>, ldc: Int
  ) {
    withUnsafePointer(to: (1.0, 0.0)) { one in
      withUnsafePointer(to: (0.0, 0.0)) { zero in
        zgemm(
          Self.rowMajor, Self.noTrans, Self.conjTrans, Int32(m), Int32(n), Int32(k), one, a, Int32(lda), b,
          Int32(ldb), zero, c, Int32(ldc))
      }
    }
  }
}
