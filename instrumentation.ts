/**
 * Runs once when a server instance starts: refuse to serve with a bad configuration
 * (e.g. production without AUTH_SECRET), with one clear line instead of a stack trace; then start
 * this instance's job workers (lib/server/jobs.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertEnvOrExit } = await import("@/lib/env-check");
    assertEnvOrExit();
    // Rate limits need the client's real address: stamp it on each request before Next sees it.
    const [{ default: http }, { installClientAddressStamp }, { parseEnv, isBuildPhase }] = await Promise.all([
      import("node:http"),
      import("@/lib/server/client-address"),
      import("@/lib/env-schema"),
    ]);
    const env = parseEnv();
    installClientAddressStamp(http.Server, env.TRUSTED_PROXY_COUNT);
    // Background jobs (email, deadlines): every instance works the shared queue unless told not to.
    // Not while `next build` collects pages, which also runs this.
    if (env.JOBS_WORKER === "1" && !isBuildPhase()) {
      const [{ startJobWorkers }, { JOBS }] = await Promise.all([import("@/lib/server/jobs"), import("@/lib/server/job-registry")]);
      // A queue that cannot start (database down) must not keep the portal from serving: it is
      // reported, and the instance's pages work; jobs wait for an instance that can.
      await startJobWorkers(JOBS).catch((error: Error) => console.error(`jobs: workers not started (${error.message})`));
    }
  }
}
