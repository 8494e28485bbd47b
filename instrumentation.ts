/**
 * Runs once when a server instance starts: refuse to serve with a bad configuration
 * (e.g. production without AUTH_SECRET), with one clear line instead of a stack trace.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertEnvOrExit } = await import("@/lib/env-check");
    assertEnvOrExit();
    // Rate limits need the client's real address: stamp it on each request before Next sees it.
    const [{ default: http }, { installClientAddressStamp }, { parseEnv }] = await Promise.all([
      import("node:http"),
      import("@/lib/server/client-address"),
      import("@/lib/env-schema"),
    ]);
    installClientAddressStamp(http.Server, parseEnv().TRUSTED_PROXY_COUNT);
  }
}
