import { isLocalDatabaseUrl } from "@/scripts/lib/db-url";

/**
 * DATABASE_URL for an integration test, refusing anything but a local server: these tests
 * write rows and must never reach a shared or production database by mistake.
 */
export function localTestDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: integration tests need a local, migrated database");
  if (!isLocalDatabaseUrl(url)) {
    throw new Error("Refusing to run: DATABASE_URL must point at localhost or 127.0.0.1");
  }
  return url;
}
