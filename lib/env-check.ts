import { envProblem, isBuildPhase } from "@/lib/env-schema";

export function assertEnvOrExit(): void {
  if (isBuildPhase()) return;
  const problem = envProblem();
  if (problem) {
    console.error(`Refusing to start: ${problem}`);
    process.exit(1);
  }
}
