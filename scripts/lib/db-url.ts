/**
 * DATABASE_URL helpers shared by the start script, the test harness and the test configs.
 * Kept free of Node-only imports so playwright.config.ts and vitest's global setup can use them.
 */

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]", ""]);

function parse(url: string): URL {
  try {
    // `postgresql://user@/db?host=/socket/dir` is valid for pg but not for WHATWG URL
    return new URL(url.replace(/^(postgres(?:ql)?:\/\/[^/@]*)@\//, "$1@localhost/"));
  } catch {
    throw new Error("DATABASE_URL is not a valid URL (expected postgresql://user:password@host:port/database)");
  }
}

/** The host a pg client will really use: `?host=/var/run/postgresql` overrides the URL's host. */
function effectiveHost(u: URL): string {
  return u.searchParams.get("host") ?? decodeURIComponent(u.hostname);
}

/** Local TCP or a unix socket (a path): the only places the tests may drop databases. */
export function isLocalDatabaseUrl(url: string): boolean {
  const host = effectiveHost(parse(url));
  return LOCAL_HOSTS.has(host) || host.startsWith("/");
}

export function databaseName(url: string): string {
  return decodeURIComponent(parse(url).pathname.slice(1)) || "postgres";
}

export function withDatabase(url: string, database: string): string {
  const u = parse(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** `<db>_vitest`, `<db>_e2e`: throw-away databases next to the one in DATABASE_URL. */
export function testDatabaseUrl(url: string, suffix: "vitest" | "e2e"): string {
  return withDatabase(url, `${databaseName(url)}_${suffix}`);
}

/** host:port/database, never the password: safe for logs and error messages. */
export function describeDatabase(url: string): string {
  const u = parse(url);
  const host = effectiveHost(u) || "localhost";
  return `${host}${u.port ? `:${u.port}` : host.startsWith("/") ? "" : ":5432"}/${databaseName(url)}`;
}

export function databaseUser(url: string): string {
  return decodeURIComponent(parse(url).username) || process.env.USER || "postgres";
}
