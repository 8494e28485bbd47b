/**
 * What every script entry point shares: errors meant for the person at the terminal
 * (one line, no stack) versus bugs (full stack), and cleanup that must run however
 * the script ends.
 */

/** A problem the user can fix (bad config, database down): printed as one line. */
export class UserError extends Error {
  override name = "UserError";
}

export function fail(message: string): never {
  throw new UserError(message);
}

type Cleanup = () => Promise<void> | void;
const cleanups: Cleanup[] = [];
let shuttingDown: Promise<never> | undefined;

/** Registers work to undo on exit (newest first): child processes before the database they use. */
export function onShutdown(cleanup: Cleanup): void {
  cleanups.unshift(cleanup);
}

async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.shift()!;
    try {
      await cleanup();
    } catch (error) {
      console.error(`cleanup failed: ${(error as Error).message}`);
    }
  }
}

/** Runs cleanups once, then exits; later calls wait for the first. */
export function shutdown(code: number): Promise<never> {
  shuttingDown ??= runCleanups().then(() => process.exit(code));
  return shuttingDown;
}

/**
 * Entry-point wrapper: SIGINT/SIGTERM and errors all go through the same cleanup,
 * so an embedded database is never left locked by a half-dead process.
 */
export function runMain(main: () => Promise<number | void>): void {
  process.once("SIGINT", () => void shutdown(130));
  process.once("SIGTERM", () => void shutdown(143));
  main().then(
    (code) => shutdown(code ?? 0),
    (error: unknown) => {
      reportError(error);
      return shutdown(1);
    },
  );
}

/** One line for a UserError, the whole stack for anything else (a bug to fix). */
export function reportError(error: unknown): void {
  if (error instanceof UserError) console.error(`\n✖ ${error.message}`);
  else console.error(error);
}

export function seconds(sinceMs: number): string {
  return `${((performance.now() - sinceMs) / 1000).toFixed(1)} s`;
}
