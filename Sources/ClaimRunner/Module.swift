/// Runs claims; see ClaimRunner.swift.
enum ClaimRunnerModule {}
