import ClaimRunner
import Testing

/// `--shard auto` reads each engine's own variables (docs/SCALE.md).
@Suite struct ShardEnvironmentTests {
  static func shard(_ env: [String: String]) throws -> String {
    let found = try ShardEnvironment.shard(from: env)
    return "\(found.shard) \(found.engine)"
  }

  @Test func eachEngineGivesItsShard() throws {
    #expect(try Self.shard(["QLIFT_SHARD_INDEX": "0", "QLIFT_SHARD_COUNT": "4"]) == "1/4 QLIFT_SHARD_INDEX/QLIFT_SHARD_COUNT")
    #expect(try Self.shard(["CI_NODE_INDEX": "3", "CI_NODE_TOTAL": "3"]) == "3/3 GitLab parallel job")
    #expect(try Self.shard(["SLURM_ARRAY_TASK_ID": "7", "SLURM_ARRAY_TASK_MIN": "5", "SLURM_ARRAY_TASK_COUNT": "4"])
      == "3/4 Slurm job array")
    #expect(try Self.shard(["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_STEP": "2",
                            "SLURM_ARRAY_TASK_COUNT": "5"]) == "3/5 Slurm job array")
    #expect(try Self.shard(["JOB_COMPLETION_INDEX": "2", "QLIFT_SHARD_COUNT": "3"]) == "3/3 Kubernetes Indexed Job")
    // qlift's own variables win over an engine's.
    #expect(try Self.shard(["QLIFT_SHARD_INDEX": "1", "QLIFT_SHARD_COUNT": "2", "CI_NODE_INDEX": "1", "CI_NODE_TOTAL": "5"])
      == "2/2 QLIFT_SHARD_INDEX/QLIFT_SHARD_COUNT")
  }

  @Test func missingOrInconsistentVariablesAreNamed() {
    func message(_ env: [String: String]) -> String {
      do {
        _ = try ShardEnvironment.shard(from: env)
        return "no error"
      } catch { return error.description }
    }
    #expect(message([:]).contains("no shard in the environment"))
    #expect(message(["JOB_COMPLETION_INDEX": "0"]).contains("pass the Job's completions count in as QLIFT_SHARD_COUNT"))
    #expect(message(["QLIFT_SHARD_INDEX": "0"]).contains("QLIFT_SHARD_COUNT is not"))
    #expect(message(["CI_NODE_INDEX": "0", "CI_NODE_TOTAL": "2"]).contains("expected 0 <= index < count"))
    #expect(message(["QLIFT_SHARD_INDEX": "2", "QLIFT_SHARD_COUNT": "2"]).contains("index 2 (0-based) of 2"))
    #expect(message(["QLIFT_SHARD_INDEX": "x", "QLIFT_SHARD_COUNT": "2"]).contains("QLIFT_SHARD_INDEX='x' is not an integer"))
    #expect(message(["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_STEP": "2",
                     "SLURM_ARRAY_TASK_COUNT": "4"]).contains("not on the array's grid"))
    #expect(message(["QLIFT_SHARD_INDEX": "0", "QLIFT_SHARD_COUNT": "99999999999999999999"]).contains("is not an integer"))
  }
}
