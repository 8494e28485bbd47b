import type { Db } from "@/lib/db/create-client";
import { seedDemo } from "./demo";
import { seedOrganisation } from "./organisation";
import { seedRegions } from "./regions";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, type DemoAccount } from "./demo";
export { seedRegions, type SeedRegionsResult } from "./regions";
export { seedOrganisation } from "./organisation";

/** Regions and the organisation's reference data always, then the demo data when asked; each step logs. */
export async function seedAll(db: Db, opts: { demo: boolean; log?: (msg: string) => void }): Promise<void> {
  const log = opts.log ?? (() => {});
  const regions = await seedRegions(db);
  log(
    `regions: ${regions.provinces} provinces, ${regions.regencies} regencies, ${regions.districts} districts, ` +
      `${regions.villages} villages in ${regions.ms} ms${regions.skipped ? " (already complete, CSV parse skipped)" : ""}`,
  );
  const organisation = await seedOrganisation(db);
  log(`organisation: ${organisation.kanwils} Kanwils and ${organisation.offices} offices added (lib/seed/data/organisation.ts)`);
  if (!opts.demo) return;
  const started = performance.now();
  await seedDemo(db);
  log(`demo: done in ${Math.round(performance.now() - started)} ms`);
}
