/**
 * `npm run admin:create -- --email <email> --name "<name>" [--reset]`: the first national admin of
 * a new installation, on DATABASE_URL or the embedded database. Prints a one-time link (72 hours)
 * to set the password; no prompt, so it runs in CI and provisioning scripts too. Running it again
 * changes nothing for an admin who has set a password (`--reset` prints a reset link), and gives
 * a fresh invitation link to one who has not.
 */
import "dotenv/config";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createPrismaClient } from "@/lib/db/create-client";
import { emailSchema } from "@/lib/features/auth/schemas";
import { bootstrapNationalAdmin } from "@/lib/features/accounts/bootstrap";
import { publicBaseUrl } from "@/lib/features/accounts/base-url";
import { fail, onShutdown, runMain } from "./lib/cli";
import { describeDatabase } from "./lib/db-url";
import { openDemoDb } from "./lib/embedded-db";
import { applyMigrations } from "./lib/migrate";

const argsSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(120),
  reset: z.boolean(),
});

runMain(async () => {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, reset: { type: "boolean", default: false } } });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) fail('Usage: npm run admin:create -- --email admin@imigrasi.go.id --name "Nama Lengkap" [--reset]');
  const url = process.env.DATABASE_URL ?? (await embedded());
  console.log(`▸ database ${describeDatabase(url)}: migrations ${await applyMigrations(url)}`);
  const db = createPrismaClient(url, { max: 2 });
  onShutdown(() => db.$disconnect());
  const result = await bootstrapNationalAdmin(db, parsed.data);
  switch (result.status) {
    case "other-role":
      fail(`${parsed.data.email} already has an account with the role ${result.role}; change its role in the portal instead.`);
    case "exists":
      console.log(`✔ ${parsed.data.email} is already a national admin with a password: nothing changed (add --reset for a reset link).`);
      return;
    default: {
      const base = publicBaseUrl({ APP_URL: process.env.APP_URL });
      const verb = { created: "created", "invited-again": "already invited; a new invitation link replaces the old", reset: "reset link issued" }[result.status];
      console.log(`✔ national admin ${parsed.data.email}: ${verb}.`);
      console.log(`  Open this link within 72 hours to set the password (it works once):\n\n  ${base}${result.path}\n`);
      if (!process.env.APP_URL) console.log("  (The address is the default one; set APP_URL to the portal's public address.)");
    }
  }
});

async function embedded(): Promise<string> {
  const db = await openDemoDb();
  onShutdown(db.stop);
  return db.url;
}
