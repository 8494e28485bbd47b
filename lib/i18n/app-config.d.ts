import type accounts from "./messages/id/accounts.json";
import type common from "./messages/id/common.json";
import type events from "./messages/id/events.json";
import type materials from "./messages/id/materials.json";
import type portal from "./messages/id/portal.json";
import type publicSite from "./messages/id/public.json";
import type reports from "./messages/id/reports.json";
import type villages from "./messages/id/villages.json";

declare module "next-intl" {
  interface AppConfig {
    Messages: typeof accounts & typeof common & typeof events & typeof materials & typeof portal & typeof publicSite & typeof reports & typeof villages;
  }
}
