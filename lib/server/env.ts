import "server-only";
import { readEnv, type Env } from "@/lib/env-schema";

/** The validated environment for server modules (lib/env-schema.ts says how and when it is read). */
export const env: Env = readEnv();
