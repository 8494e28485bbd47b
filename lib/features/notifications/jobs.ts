import "server-only";
import { z } from "zod";
import { notificationEmail } from "@/lib/features/notifications/messages";
import { db } from "@/lib/server/db";
import { defineJob } from "@/lib/server/jobs";
import { mailConfigured, sendMail } from "@/lib/server/mail";

/**
 * One email per notification, sent by whichever instance takes the job. The row is locked while
 * the message goes out and `emailed_at` commits with it, so a retried or repeated job sends
 * nothing more. Only a crash between the SMTP server's acceptance and that commit can send it
 * twice: mail offers no way to make a send and a database write one step.
 */
export const notificationEmailJob = defineJob({
  name: "notification-email",
  schema: z.object({ notificationId: z.uuid() }),
  retryLimit: 8,
  retryDelaySeconds: 60,
  expireInSeconds: 120,
  concurrency: 2,
  handler: async ({ notificationId }) => {
    if (!mailConfigured()) return;
    await db.$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<
          { kind: string; subject_type: string; subject_id: string; reference: string; email: string }[]
        >`SELECT n.kind::text, n.subject_type, n.subject_id::text, n.reference, u.email
          FROM notification n JOIN app_user u ON u.id = n.recipient_id
          WHERE n.id = ${notificationId}::uuid AND n.emailed_at IS NULL AND n.read_at IS NULL AND u.active
          FOR UPDATE OF n`;
        // Gone, already emailed, already read in the portal, or the account was disabled: nothing to send.
        if (!row) return;
        const message = notificationEmail({
          kind: row.kind as Parameters<typeof notificationEmail>[0]["kind"],
          subjectType: row.subject_type,
          subjectId: row.subject_id,
          reference: row.reference,
        });
        if (!(await sendMail({ to: row.email, ...message }))) throw new Error("the SMTP server did not take the message");
        await tx.notification.update({ where: { id: notificationId }, data: { emailedAt: new Date() } });
      },
      // the SMTP exchange happens inside: allow it more than Prisma's default 5 s
      { timeout: 60_000, maxWait: 10_000 },
    );
  },
});
