import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fail, seconds } from "./cli";
import { bin, run, type Env } from "./processes";

/** What a production build is made of; anything newer than .next/BUILD_ID means a rebuild. */
const SOURCE_DIRS = ["app", "lib", "components", "messages", "public", "styles"];
const SOURCE_FILES = [
  "next.config.ts",
  "next.config.mjs",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
  "proxy.ts",
  "middleware.ts",
  "instrumentation.ts",
  "prisma/schema.prisma",
  ".env",
  ".env.production",
  ".env.local",
  ".env.production.local",
];
// Tests are not part of the bundle; editing them must not cost a build.
const IGNORED = /\.(test|spec)\.tsx?$|(^|\/)\.DS_Store$/;

const BUILD_ID = path.join(".next", "BUILD_ID");
// Values read while prerendering end up in the HTML, so a build made with other values is stale.
const STAMP = path.join(".next", "portal-build-env.json");

function buildTimeEnv(env: Env): Record<string, string | undefined> {
  const inlined = Object.keys(env).filter((k) => k.startsWith("NEXT_PUBLIC_")).sort();
  return Object.fromEntries(["DEMO_MODE", "APP_URL", ...inlined].map((k) => [k, env[k]]));
}

function stampOf(env: Env): string {
  return createHash("sha256").update(JSON.stringify(buildTimeEnv(env))).digest("hex");
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return IGNORED.test(target) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Why a build is needed, or undefined if .next is current. */
export function staleBuildReason(env: Env): string | undefined {
  if (!existsSync(BUILD_ID)) return "no production build yet";
  const builtAt = statSync(BUILD_ID).mtimeMs;
  const newest = Math.max(...SOURCE_DIRS.map(newestMtime), ...SOURCE_FILES.map(newestMtime));
  if (newest > builtAt) return "sources changed since the last build";
  if (!existsSync(STAMP) || readFileSync(STAMP, "utf8") !== stampOf(env)) return "built with other DEMO_MODE/APP_URL";
  return undefined;
}

/** `next build` unless the existing build already matches the sources and env. */
export async function ensureBuild(env: Env, log: (msg: string) => void): Promise<void> {
  const reason = staleBuildReason(env);
  if (!reason) {
    log("production build is current");
    return;
  }
  log(`building (${reason}); this takes a minute or two…`);
  const started = performance.now();
  const { code } = await run(bin("next"), ["build"], { env: { ...env, NODE_ENV: "production" } });
  if (code !== 0) fail("`next build` failed (output above).");
  writeFileSync(STAMP, stampOf(env));
  log(`built in ${seconds(started)}`);
}
