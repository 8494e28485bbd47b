import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { fail } from "./cli";

/**
 * PostgreSQL without installing PostgreSQL: PGlite (PostgreSQL 17 in wasm) served on a
 * local port with the wire protocol, so Prisma, the adapter and `next start` run unchanged.
 */

export const PGLITE_ROOT = path.resolve(".pglite");
const DEFAULT_PORT = 54329;
const HOST = "127.0.0.1";

export type EmbeddedDb = { url: string; dataDir?: string; stop(): Promise<void> };

/** `name` keeps the data in `.pglite/<name>`; without a name the database lives in memory. */
export async function startEmbeddedDb(options: { name?: string; port?: number } = {}): Promise<EmbeddedDb> {
  const dataDir = options.name ? path.join(PGLITE_ROOT, options.name) : undefined;
  const releaseLock = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const db = await PGlite.create({
      dataDir,
      // pg_trgm must be loaded on every open, or every query on an indexed table fails.
      extensions: { pg_trgm },
      // PGlite never recycles WAL by default: 859 MB after 30 re-seeds.
      startParams: [...PGlite.defaultStartParams, "-c", "max_wal_size=64MB", "-c", "min_wal_size=32MB"],
    });
    const port = await freePort(options.port ?? DEFAULT_PORT);
    // The default of one connection breaks Prisma, which pools.
    const server = new PGLiteSocketServer({ db, host: HOST, port, maxConnections: 100 });
    await server.start();
    let stopped: Promise<void> | undefined;
    return {
      url: `postgresql://postgres:postgres@${HOST}:${port}/postgres`,
      dataDir,
      stop: () =>
        (stopped ??= (async () => {
          await server.stop();
          await db.close();
          releaseLock();
        })()),
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * PGlite has no postmaster to refuse a second writer, and two processes on one directory
 * corrupt it. A pid file next to the directory stands in; a dead pid means a crash, so it
 * is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const lockFile = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        process.off("exit", release);
        try {
          unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
      // covers process.exit() paths that skip stop()
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockFile, "utf8").trim());
      if (isAlive(owner)) {
        fail(
          `The embedded database ${path.relative(process.cwd(), dataDir)} is in use by process ${owner} ` +
            `(another \`npm start\`?). Stop that process first, or set DATABASE_URL to use PostgreSQL.`,
        );
      }
      unlinkSync(lockFile);
    }
  }
  fail(`Could not lock ${lockFile}; remove it if no other \`npm start\` is running.`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive but someone else's
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The preferred port if nobody listens on it, else any free one. Checked up front because
 * PGLiteSocketServer.start() never settles when the port is taken.
 */
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
  if (port === undefined) fail(`No free local port for the embedded database on ${host}.`);
  return port;
}
