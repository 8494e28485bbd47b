import { readEnv } from "@/lib/env-schema";

/**
 * The secret that signs session tokens. Production refuses to start without AUTH_SECRET
 * (lib/env-schema.ts); elsewhere a fixed development value keeps `npm run dev` simple.
 * Kept free of "server-only" so proxy.ts can read it too.
 */
export function getAuthSecret(): string {
  return readEnv().AUTH_SECRET ?? "development-only-secret-not-for-production-use";
}
