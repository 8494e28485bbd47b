import type { Db } from "@/lib/db/create-client";
import { seedDemo } from "./demo";
import { seedRegions } from "./regions";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, type DemoAccount } from "./demo";
export { seedRegions, type SeedRegionsResult } from "./regions";

/** Regions always, then the demo data when asked; each step logs its duration. */
export async function seedAll(db: Db, opts: { demo: boolean; log?: (msg: string) => void }): Promise<void> {
  const log = opts.log ?? (() => {});
  const regions = await seedRegions(db);
  log(
    `regions: ${regions.provinces} provinces, ${regions.regencies} regencies, ${regions.districts} districts, ` +
      `${regions.villages} villages in ${regions.ms} ms${regions.skipped ? " (already complete, CSV parse skipped)" : ""}`,
  );
  if (!opts.demo) return;
  const started = performance.now();
  await seedDemo(db);
  log(`demo: done in ${Math.round(performance.now() - started)} ms`);
}
