import Foundation

/// `--shard auto`: the shard index and count read from the environment of the engine running the
/// job (docs/SCALE.md), so one command line serves every job of a matrix, array or indexed job.
///
/// Engines, in the order they are tried (the first whose variables are set wins):
/// - qlift's own `QLIFT_SHARD_INDEX` (0-based) and `QLIFT_SHARD_COUNT`: set them from a GitHub
///   Actions matrix (`strategy.job-index`, `strategy.job-total`) or any other engine;
/// - GitLab parallel jobs: `CI_NODE_INDEX` (1-based) and `CI_NODE_TOTAL`;
/// - Slurm job arrays: `SLURM_ARRAY_TASK_ID`, `SLURM_ARRAY_TASK_MIN`, `SLURM_ARRAY_TASK_COUNT`
///   (and `SLURM_ARRAY_TASK_STEP` for `--array=0-9:2`);
/// - Kubernetes Indexed Jobs: `JOB_COMPLETION_INDEX` (0-based), with the completions count passed
///   in as `QLIFT_SHARD_COUNT` (Kubernetes does not expose it to the pod).
public enum ShardEnvironment {
  /// Why the environment names no valid shard.
  public struct Failure: Error, CustomStringConvertible, Equatable {
    /// The plain message.
    public var description: String
  }

  /// The shard this job runs, and the engine it was read from (e.g. "Slurm job array").
  public static func shard(from env: [String: String]) throws(Failure) -> (shard: Shard, engine: String) {
    func int(_ key: String) throws(Failure) -> Int? {
      guard let text = env[key]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
      guard let v = Int(text) else { throw Failure(description: "--shard auto: \(key)='\(text)' is not an integer") }
      return v
    }
    func make(_ zeroBased: Int, _ count: Int, _ engine: String, _ names: String) throws(Failure) -> (Shard, String) {
      guard count >= 1, zeroBased >= 0, zeroBased < count, let s = Shard("\(zeroBased + 1)/\(count)") else {
        throw Failure(description: "--shard auto: \(engine) gives index \(zeroBased) (0-based) of \(count) (\(names)); "
          + "expected 0 <= index < count")
      }
      return (s, engine)
    }
    if let i = try int("QLIFT_SHARD_INDEX") {
      guard let n = try int("QLIFT_SHARD_COUNT") else {
        throw Failure(description: "--shard auto: QLIFT_SHARD_INDEX is set but QLIFT_SHARD_COUNT is not")
      }
      return try make(i, n, "QLIFT_SHARD_INDEX/QLIFT_SHARD_COUNT", "QLIFT_SHARD_INDEX, QLIFT_SHARD_COUNT")
    }
    if let i = try int("CI_NODE_INDEX"), let n = try int("CI_NODE_TOTAL") {
      return try make(i - 1, n, "GitLab parallel job", "CI_NODE_INDEX is 1-based, CI_NODE_TOTAL")
    }
    if let id = try int("SLURM_ARRAY_TASK_ID") {
      guard let n = try int("SLURM_ARRAY_TASK_COUNT") else {
        throw Failure(description: "--shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not")
      }
      let low = try int("SLURM_ARRAY_TASK_MIN") ?? 0
      let step = try int("SLURM_ARRAY_TASK_STEP") ?? 1
      guard step >= 1, (id - low) % step == 0 else {
        throw Failure(description: "--shard auto: Slurm task \(id) is not on the array's grid (min \(low), step \(step))")
      }
      return try make((id - low) / step, n, "Slurm job array", "SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT")
    }
    if let i = try int("JOB_COMPLETION_INDEX") {
      guard let n = try int("QLIFT_SHARD_COUNT") else {
        throw Failure(description: "--shard auto: JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job) but "
          + "QLIFT_SHARD_COUNT is not: pass the Job's completions count in as QLIFT_SHARD_COUNT")
      }
      return try make(i, n, "Kubernetes Indexed Job", "JOB_COMPLETION_INDEX, QLIFT_SHARD_COUNT")
    }
    throw Failure(description: "--shard auto: no shard in the environment (looked for QLIFT_SHARD_INDEX/QLIFT_SHARD_COUNT, "
      + "CI_NODE_INDEX/CI_NODE_TOTAL, SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT, JOB_COMPLETION_INDEX); see docs/SCALE.md")
  }
}
