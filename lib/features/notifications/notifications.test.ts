import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createPool } from "@/lib/db/create-client";
import { createUser, uniqueSuffix } from "@/lib/factories";
import { notificationEmailJob } from "@/lib/features/notifications/jobs";
import { notificationEmail, notificationTitle, whatsappLink } from "@/lib/features/notifications/messages";
import { markAllNotificationsRead, markNotificationRead, notify } from "@/lib/features/notifications/mutations";
import { countUnreadNotifications, findNotifications } from "@/lib/features/notifications/queries";
import { notifySchema, type NotifyInput } from "@/lib/features/notifications/schemas";
import { createJobQueue, defineJob, type JobQueue } from "@/lib/server/jobs";
import { useMailServer } from "@/lib/server/mail";
import { localTestDatabaseUrl } from "@/tests/support/test-db";
import { asSessionUser, createTwoOfficeWorld, outcome, testDb } from "@/tests/support/world";

let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
beforeAll(async () => {
  w = await createTwoOfficeWorld();
});

const reportId = () => crypto.randomUUID();
const ticket = () => `LDB-2026-${uniqueSuffix().toUpperCase()}`;
const input = (over: Partial<NotifyInput> = {}): NotifyInput => ({
  kind: "REPORT_NEW",
  subject: { type: "warning", id: reportId(), reference: ticket() },
  event: `${uniqueSuffix()}:filed`,
  ...over,
});
const recipientsOf = async (ids: string[]) =>
  (await testDb.notification.findMany({ where: { id: { in: ids } }, select: { recipientId: true } })).map((n) => n.recipientId).sort();

describe("notify", () => {
  it("reaches the staff of an office, the overseers of its Kanwil and the national admins, and nobody else", async () => {
    const ids = await testDb.$transaction((tx) =>
      notify(tx, input({ audiences: [{ type: "office-staff", officeId: w.officeA.id }, { type: "kanwil-overseers", kanwilId: w.officeA.kanwilId! }] })),
    );
    const recipients = await testDb.user.findMany({ where: { id: { in: await recipientsOf(ids) } } });
    expect(recipients.map((u) => u.id)).toEqual(expect.arrayContaining([w.adminA.id, w.officerA.id, w.regionalA.id]));
    // the Kanwil is shared with other test files' offices in the province: its overseers, and no one else
    for (const u of recipients) {
      expect(
        (u.officeId === w.officeA.id && ["OFFICE_ADMIN", "OFFICE_OFFICER"].includes(u.role)) ||
          (u.kanwilId === w.officeA.kanwilId && u.role === "REGIONAL_OVERSEER"),
      ).toBe(true);
    }
    const national = await testDb.$transaction((tx) => notify(tx, input({ audiences: [{ type: "national-admins" }] })));
    const admins = await recipientsOf(national);
    expect(admins).toContain(w.national.id);
    expect(admins).not.toContain(w.adminA.id);
  });

  it("leaves out the person who acted and disabled accounts, and reaches named users", async () => {
    const disabled = await createUser(testDb, { role: "OFFICE_OFFICER", officeId: w.officeA.id });
    await testDb.user.update({ where: { id: disabled.id }, data: { active: false } });
    const ids = await testDb.$transaction((tx) =>
      notify(tx, input({ audiences: [{ type: "office-staff", officeId: w.officeA.id }], users: [w.villageUserA.id], except: [w.officerA.id] })),
    );
    expect(await recipientsOf(ids)).toEqual([w.adminA.id, w.villageUserA.id].sort());
  });

  it("creates nothing twice for the same event, and nothing when the caller's write rolls back", async () => {
    const same = input({ users: [w.officerA.id] });
    const first = await testDb.$transaction((tx) => notify(tx, same));
    const again = await testDb.$transaction((tx) => notify(tx, same));
    expect([first.length, again.length]).toEqual([1, 0]);

    const lost = input({ users: [w.officerA.id] });
    await expect(
      testDb.$transaction(async (tx) => {
        await notify(tx, lost);
        throw new Error("the report could not be saved");
      }),
    ).rejects.toThrow();
    expect(await testDb.notification.count({ where: { subjectId: lost.subject.id } })).toBe(0);
  });

  it("takes a ticket code as the reference, never free text", () => {
    for (const reference of ["Siti Aminah", "0812-3456-7890 Budi", "ldb-1", "A"]) {
      expect(notifySchema.safeParse(input({ users: [w.officerA.id], subject: { type: "warning", id: reportId(), reference } })).success).toBe(false);
    }
    expect(notifySchema.safeParse(input({ users: [] })).success).toBe(false);
  });
});

describe("the inbox", () => {
  it("shows a user their own notifications only; another user's id reads as not found", async () => {
    const mine = await createUser(testDb, { role: "OFFICE_OFFICER", officeId: w.officeA.id });
    const me = asSessionUser(mine);
    const [a] = await testDb.$transaction((tx) => notify(tx, input({ users: [mine.id] })));
    await sleep(5);
    const [b] = await testDb.$transaction((tx) => notify(tx, input({ kind: "REPORT_OVERDUE", users: [mine.id] })));
    const [theirs] = await testDb.$transaction((tx) => notify(tx, input({ users: [w.officerB.id] })));

    const page = await findNotifications(me, { page: 1 });
    expect(page.rows.map((r) => r.id)).toEqual([b, a]); // newest first
    expect(page.rows[0]).toMatchObject({ kind: "REPORT_OVERDUE", href: expect.stringMatching(/^\/portal\//) });
    expect([page.total, page.unread, await countUnreadNotifications(mine.id)]).toEqual([2, 2, 2]);

    expect(await outcome(markNotificationRead(me, { id: theirs! }))).toBe("NOT_FOUND");
    expect(await outcome(markNotificationRead(me, { id: "not-a-uuid" }))).toBe("NOT_FOUND");
    expect((await testDb.notification.findUniqueOrThrow({ where: { id: theirs! } })).readAt).toBeNull();

    await markNotificationRead(me, { id: a! });
    const readAt = (await testDb.notification.findUniqueOrThrow({ where: { id: a! } })).readAt;
    await markNotificationRead(me, { id: a! }); // again: no error, first reading time kept
    expect((await testDb.notification.findUniqueOrThrow({ where: { id: a! } })).readAt).toEqual(readAt);
    expect(await countUnreadNotifications(mine.id)).toBe(1);
    expect(await markAllNotificationsRead(me)).toBe(1);
    expect(await countUnreadNotifications(mine.id)).toBe(0);
    expect(await countUnreadNotifications(w.officerB.id)).toBeGreaterThan(0);
  });

  it("pages twenty at a time", async () => {
    const many = await createUser(testDb, { role: "OFFICE_ADMIN", officeId: w.officeB.id });
    for (let i = 0; i < 23; i++) await testDb.$transaction((tx) => notify(tx, input({ users: [many.id] })));
    const me = asSessionUser(many);
    const [p1, p2, beyond] = await Promise.all([1, 2, 99].map((page) => findNotifications(me, { page })));
    expect([p1!.rows.length, p2!.rows.length, p1!.pageCount, beyond!.page]).toEqual([20, 3, 2, 2]);
  });
});

describe("texts outside the portal (UU PDP)", () => {
  it("carry the kind, the reference and a link, and no name, phone number or email of anyone", async () => {
    const reporter = await createUser(testDb, { role: "VILLAGE", officeId: w.officeA.id, desaBinaanId: w.villageA.id, name: "Siti Rahayu Pelapor" });
    await testDb.user.update({ where: { id: reporter.id }, data: { phone: "081234567890" } });
    const subject = { type: "warning" as const, id: reportId(), reference: ticket() };
    const ids = await testDb.$transaction((tx) =>
      notify(tx, { kind: "REPORT_STATUS", subject, event: `${subject.id}:status:1`, users: [reporter.id, w.officerA.id] }),
    );
    const rows = await testDb.notification.findMany({ where: { id: { in: ids } } });
    const stored = rows.map((r) => ({ kind: r.kind, subjectType: r.subjectType, subjectId: r.subjectId, reference: r.reference }));
    const texts = [
      JSON.stringify(rows),
      ...stored.flatMap((s) => {
        const mail = notificationEmail(s, "https://portal.example");
        return [mail.subject, mail.text, notificationTitle(s, "id"), notificationTitle(s, "en"), decodeURIComponent(whatsappLink(s, null, "https://portal.example"))];
      }),
    ];
    for (const text of texts) {
      for (const secret of ["Siti", "Rahayu", "081234567890", reporter.email, w.officerA.name, w.officerA.email]) expect(text).not.toContain(secret);
    }
    // what they do carry: the reference and a link to the subject
    const mail = notificationEmail(stored[0]!, "https://portal.example");
    expect(mail.subject).toContain(subject.reference);
    expect(mail.text).toContain(`https://portal.example/portal/deteksi/${subject.id}`);
    // the phone number is where WhatsApp dials, not in the text
    expect(whatsappLink(stored[0]!, "0812-3456-7890", "https://portal.example")).toMatch(/^https:\/\/wa\.me\/081234567890\?text=/);
  });
});

describe("email jobs (real SMTP server, real queue)", () => {
  const received: { to: string; body: string }[] = [];
  let smtp: SMTPServer;
  let worker: JobQueue;
  let workerPool: ReturnType<typeof createPool>;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, done) {
        let body = "";
        stream.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), body: body.replace(/=\r?\n/g, "") });
          done();
        });
      },
    });
    smtp.listen(0, "127.0.0.1");
    await once(smtp.server, "listening");
    useMailServer(`smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`);
    workerPool = createPool(localTestDatabaseUrl(), 4);
    worker = createJobQueue({ pool: workerPool, supervise: true, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, onError: () => {} });
  });
  afterAll(async () => {
    await worker.stop(1_000);
    await workerPool.end();
    useMailServer(undefined);
    smtp.close();
  });

  const mailsTo = (email: string) => received.filter((m) => m.to === email);
  async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
    const end = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > end) throw new Error("timed out waiting");
      await sleep(100);
    }
  }

  it("emails each recipient of a notification once, through the queue", async () => {
    const [one, two] = await Promise.all([1, 2].map(() => createUser(testDb, { role: "OFFICE_OFFICER", officeId: w.officeA.id })));
    await worker.work([notificationEmailJob]);
    const subject = { type: "warning" as const, id: reportId(), reference: ticket() };
    const ids = await testDb.$transaction((tx) => notify(tx, { kind: "REPORT_NEW", subject, event: `${subject.id}:filed`, users: [one!.id, two!.id] }));
    await until(() => mailsTo(one!.email).length + mailsTo(two!.email).length >= 2);
    await sleep(1_000);
    expect([mailsTo(one!.email).length, mailsTo(two!.email).length]).toEqual([1, 1]);
    expect(mailsTo(one!.email)[0]!.body).toContain(subject.reference);
    expect(mailsTo(one!.email)[0]!.body).toContain(`/portal/deteksi/${subject.id}`);
    const rows = await testDb.notification.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.emailedAt !== null)).toBe(true);
  });

  it("emails once even when the job crashes after sending and is retried", async () => {
    const person = await createUser(testDb, { role: "OFFICE_OFFICER", officeId: w.officeA.id });
    // the real email handler in a job that crashes after its work on the first attempt (as if the instance died then)
    const attempts: number[] = [];
    const crashing = defineJob({
      ...notificationEmailJob,
      name: `test-email-crash-${uniqueSuffix()}`,
      retryDelaySeconds: 1,
      handler: async (payload, context) => {
        attempts.push(context.attempt);
        await notificationEmailJob.handler(payload, context);
        if (context.attempt === 0) throw new Error("crashed after sending");
      },
    });
    const subject = { type: "warning" as const, id: reportId(), reference: ticket() };
    // created without SMTP, so that only the crashing job below emails it
    useMailServer(null);
    const [id] = await testDb.$transaction((tx) => notify(tx, { kind: "REPORT_ASSIGNED", subject, event: `${subject.id}:assigned`, users: [person.id] }));
    useMailServer(`smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`);
    await worker.work([crashing]);
    await worker.enqueue(null, crashing, { notificationId: id! });
    await until(() => attempts.length >= 2);
    await sleep(500);
    expect(attempts).toEqual([0, 1]);
    expect(mailsTo(person.email)).toHaveLength(1);
    expect((await testDb.notification.findUniqueOrThrow({ where: { id: id! } })).emailedAt).not.toBeNull();
  });

  it("creates a notification once when the job that creates it fails after committing and is retried", async () => {
    const person = await createUser(testDb, { role: "OFFICE_OFFICER", officeId: w.officeA.id });
    const subject = { type: "warning" as const, id: reportId(), reference: ticket() };
    const attempts: number[] = [];
    const overdueCheck = defineJob({
      name: `test-overdue-${uniqueSuffix()}`,
      schema: z.object({ reportId: z.uuid() }),
      retryDelaySeconds: 1,
      handler: async ({ reportId }, { attempt }) => {
        attempts.push(attempt);
        await testDb.$transaction((tx) =>
          notify(tx, { kind: "REPORT_OVERDUE", subject: { ...subject, id: reportId }, event: `${reportId}:overdue`, users: [person.id] }),
        );
        if (attempt === 0) throw new Error("crashed after notifying");
      },
    });
    await worker.work([overdueCheck]);
    await worker.enqueue(null, overdueCheck, { reportId: subject.id });
    await until(() => attempts.length >= 2);
    expect(await testDb.notification.count({ where: { recipientId: person.id, kind: "REPORT_OVERDUE" } })).toBe(1);
  });
});
