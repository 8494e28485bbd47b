/**
 * Serves the production build as several instances on one port: `node scripts/serve.mjs -p 3000
 * -H 127.0.0.1` takes `next start`'s arguments. The primary forks WEB_CONCURRENCY workers
 * (default: one per CPU); each runs Next's own `next start`, and the primary hands incoming
 * connections to them in turn (node:cluster, round-robin). Node renders on one thread, so one
 * process uses one core; the portal keeps no state in process memory (docs/decisions/0004), so
 * its instances behind this port are the same as instances behind a load balancer
 * (docs/decisions/0013).
 *
 * Plain JavaScript on purpose: it runs with `node`, without a TypeScript loader in every worker.
 */
import cluster from "node:cluster";
import { createRequire } from "node:module";
import os from "node:os";

const require = createRequire(import.meta.url);
/** A worker that dies this soon after starting is broken, not unlucky: stop instead of looping. */
const EARLY_EXIT_MS = 10_000;
/**
 * V8's young generation. Rendering a page allocates a few megabytes that die with the request;
 * with the default 16 MB semispace, ten requests in flight push them into the old generation,
 * where collecting them is far dearer. 64 MB per worker keeps them young (docs/decisions/0013).
 */
const SEMI_SPACE_MB = process.env.NODE_SEMI_SPACE_MB ?? "64";

if (cluster.isPrimary) {
  const count = workerCount(process.env.WEB_CONCURRENCY);
  cluster.setupPrimary({ execArgv: [...process.execArgv, `--max-semi-space-size=${SEMI_SPACE_MB}`] });
  let stopping = false;
  const started = new Map();
  const fork = () => started.set(cluster.fork().id, Date.now());
  for (let i = 0; i < count; i++) fork();
  console.log(`▸ serving with ${count} worker${count === 1 ? "" : "s"} (WEB_CONCURRENCY)`);

  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const lived = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    if (lived < EARLY_EXIT_MS) {
      console.error(`worker ${worker.process.pid} exited right after starting (${signal ?? code}); stopping`);
      stop(1);
      return;
    }
    console.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });

  const stop = (code = 0) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(code);
    for (const worker of workers) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(code), 8_000).unref();
  };
  process.on("SIGTERM", () => stop(0));
  process.on("SIGINT", () => stop(0));
} else {
  // In a worker, `listen` goes through the primary, so every worker serves the same port.
  process.argv = [process.argv[0], require.resolve("next/dist/bin/next"), "start", ...process.argv.slice(2)];
  require("next/dist/bin/next");
}

function workerCount(value) {
  if (value === undefined || value === "") return os.availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    console.error(`WEB_CONCURRENCY must be a whole number from 1 to 64, got "${value}"`);
    process.exit(1);
  }
  return n;
}
