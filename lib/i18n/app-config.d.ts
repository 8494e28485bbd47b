import type accounts from "./messages/id/accounts.json";
import type common from "./messages/id/common.json";
import type events from "./messages/id/events.json";
import type notifications from "./messages/id/notifications.json";
import type journey from "./messages/id/journey.json";
import type materials from "./messages/id/materials.json";
import type portal from "./messages/id/portal.json";
import type quizzes from "./messages/id/quizzes.json";
import type publicSite from "./messages/id/public.json";
import type reports from "./messages/id/reports.json";
import type tips from "./messages/id/tips.json";
import type villages from "./messages/id/villages.json";
import type warningScores from "./messages/id/warningScores.json";
import type warnings from "./messages/id/warnings.json";

declare module "next-intl" {
  interface AppConfig {
    Messages: typeof accounts & typeof common & typeof events & typeof journey & typeof materials & typeof notifications & typeof portal & typeof publicSite & typeof quizzes & typeof reports & typeof tips & typeof villages & typeof warnings & typeof warningScores;
  }
}
