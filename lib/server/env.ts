import "server-only";
import { parseEnv, type Env } from "@/lib/env-schema";

// `next build` imports server modules to collect page data; runtime secrets are not needed
// (nor wanted) at build time, and the real values are checked when the server starts
// (instrumentation.ts), before it answers any request.
const isBuild = process.env.NEXT_PHASE === "phase-production-build";

export const env: Env = isBuild
  ? { NODE_ENV: "production", DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://build-time-placeholder/none", DEMO_MODE: "0", TRUSTED_PROXY_COUNT: 0 }
  : parseEnv();
