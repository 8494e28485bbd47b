/**
 * Runs once when a server instance starts: refuse to serve with a bad configuration
 * (e.g. production without AUTH_SECRET), with one clear line instead of a stack trace.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertEnvOrExit } = await import("@/lib/env-check");
    assertEnvOrExit();
  }
}
