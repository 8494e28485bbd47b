import "server-only";
import { notificationEmailJob } from "@/lib/features/notifications/jobs";
import { warningSlaJob } from "@/lib/features/warnings/events";
import { warningRetentionJob } from "@/lib/features/warnings/retention";
import type { JobDefinition } from "@/lib/server/jobs";

/**
 * Every job the workers run (lib/server/jobs.ts). A feature defines its jobs beside its code
 * with `defineJob` and adds them here; the engine needs no change. A job enqueued but missing
 * here waits in the queue until a release lists it.
 */
export const JOBS: readonly JobDefinition[] = [notificationEmailJob, warningSlaJob, warningRetentionJob];
