import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export type Env = NodeJS.ProcessEnv;

/** A package's CLI from node_modules/.bin, so no npx round trip and signals reach it directly. */
export function bin(name: string): string {
  return path.resolve("node_modules", ".bin", name);
}

/**
 * Runs a command to completion. `quiet` captures output instead of streaming it, for
 * tools whose success is noise but whose failure the user must see.
 */
export function run(
  command: string,
  args: string[],
  options: { env?: Env; quiet?: boolean } = {},
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk));
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

/** Starts a long-running child whose output is the user's to see. */
export function startChild(command: string, args: string[], env: Env): ChildProcess {
  return spawn(command, args, { env, stdio: "inherit" });
}

/** SIGTERM, then SIGKILL if the child ignores it. */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}
