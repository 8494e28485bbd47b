import "server-only";
/**
 * Attendance taken offline in a village hall and sent later (ADR 0019). Each record carries the
 * id its device chose and the time it was taken; a record sent twice, in any order, by any
 * number of officers, is stored once. Records are checked one by one: a bad record is refused
 * with its reason and the others go in; a session another office owns refuses the whole batch
 * before anything is read or written.
 */
import { recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import type { SessionUser } from "@/lib/server/scope";
import { attendeeDedupeKey } from "@/lib/features/events/dedupe";
import { loadEvent } from "@/lib/features/events/load-event";
import { offlineRecordSchema, type OfflineRecord } from "@/lib/features/events/schemas";

/** stored: written now; duplicate: this record (or the same person) was already there; refused: with a catalogue key. */
export type SyncResult = { clientId: string; status: "stored" | "duplicate" | "refused"; reason?: string };

type Attendee = Extract<OfflineRecord, { kind: "attendee" }>;
type Counts = Extract<OfflineRecord, { kind: "counts" }>;

export async function syncOfflineRecords(actor: SessionUser, eventId: string, raw: { clientId: string }[], now = new Date()): Promise<SyncResult[]> {
  const event = await loadEvent(actor, eventId, "create:attendance");
  const results = new Map<string, SyncResult>();
  const attendees: Attendee[] = [];
  const counts: Counts[] = [];
  for (const item of raw) {
    if (results.has(item.clientId)) continue; // the same record twice in one batch is one record
    const parsed = offlineRecordSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const reason = issue?.message.startsWith("validation.") ? issue.message : "validation.invalid";
      results.set(item.clientId, { clientId: item.clientId, status: "refused", reason });
      continue;
    }
    results.set(item.clientId, { clientId: item.clientId, status: "duplicate" });
    if (parsed.data.kind === "attendee") attendees.push(parsed.data);
    else counts.push(parsed.data);
  }

  // A village must be one of the office's desa binaan (as for the staff form).
  const villageIds = [...new Set(attendees.map((a) => a.data.desaBinaanId).filter((id): id is string => !!id))];
  const villages = villageIds.length
    ? await db.desaBinaan.findMany({ where: { id: { in: villageIds }, officeId: event.officeId }, select: { id: true, village: { select: { name: true } } } })
    : [];
  const villageName = new Map(villages.map((v) => [v.id, v.village.name]));
  const accepted = attendees.filter((a) => {
    if (a.data.desaBinaanId && !villageName.has(a.data.desaBinaanId)) {
      results.set(a.clientId, { clientId: a.clientId, status: "refused", reason: "validation.villageRequired" });
      return false;
    }
    return true;
  });

  const refuseAll = (reason: string) => {
    for (const r of [...accepted, ...counts]) results.set(r.clientId, { clientId: r.clientId, status: "refused", reason });
  };

  if (accepted.length + counts.length > 0) {
    await db.$transaction(
      async (tx) => {
        // The row lock makes a cancellation wait for this batch, or this batch see it.
        const [current] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM event WHERE id = ${event.id}::uuid FOR SHARE`;
        if (!current || current.status === "CANCELLED") {
          refuseAll("events.errors.eventCancelled");
          return;
        }
        let storedAttendees = 0;
        if (accepted.length > 0) {
          const rows = accepted.map((a) => {
            const origin = a.data.institutionName ?? (a.data.desaBinaanId ? villageName.get(a.data.desaBinaanId) : null) ?? null;
            return { ...a.data, clientId: a.clientId, takenAt: a.takenAt, dedupeKey: attendeeDedupeKey({ name: a.data.name, phone: a.data.phone, origin }) };
          });
          // ON CONFLICT without a target covers both keys: the same record (event, client id)
          // and the same person (event, dedupe key) are each stored once.
          const stored = await tx.$queryRaw<{ client_id: string }[]>`
            INSERT INTO attendee (id, event_id, name, category, position, desa_binaan_id, institution_name, gender, phone, consent_at, source, dedupe_key, client_id, taken_at, created_at)
            SELECT gen_random_uuid(), ${event.id}::uuid, u.name, u.category::attendee_category, u.position, u.desa::uuid, u.inst,
                   u.gender::gender, u.phone, CASE WHEN u.consent THEN ${now}::timestamptz END, 'STAFF'::attendee_source, u.key,
                   u.client::uuid, u.taken, ${now}::timestamptz
            FROM unnest(
              ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.category)}::text[], ${rows.map((r) => r.position)}::text[],
              ${rows.map((r) => r.desaBinaanId)}::text[], ${rows.map((r) => r.institutionName)}::text[], ${rows.map((r) => r.gender)}::text[],
              ${rows.map((r) => r.phone)}::text[], ${rows.map((r) => r.consent)}::boolean[], ${rows.map((r) => r.dedupeKey)}::text[],
              ${rows.map((r) => r.clientId)}::text[], ${rows.map((r) => r.takenAt)}::timestamptz[]
            ) AS u(name, category, position, desa, inst, gender, phone, consent, key, client, taken)
            ON CONFLICT DO NOTHING
            RETURNING client_id::text`;
          for (const r of stored) results.set(r.client_id, { clientId: r.client_id, status: "stored" });
          storedAttendees = stored.length;
        }
        let storedCounts = 0;
        if (counts.length > 0) {
          // New entries only (a re-sent one conflicts and adds nothing), summed into the counts.
          const stored = await tx.$queryRaw<{ client_id: string }[]>`
            WITH entry AS (
              INSERT INTO attendance_count_entry (event_id, client_id, category, male, female, unknown, taken_at, created_by_id, created_at)
              SELECT ${event.id}::uuid, u.client::uuid, u.category::attendee_category, u.male, u.female, u.unknown, u.taken, ${actor.id}::uuid, ${now}::timestamptz
              FROM unnest(
                ${counts.map((c) => c.clientId)}::text[], ${counts.map((c) => c.data.category)}::text[], ${counts.map((c) => c.data.male)}::int[],
                ${counts.map((c) => c.data.female)}::int[], ${counts.map((c) => c.data.unknown)}::int[], ${counts.map((c) => c.takenAt)}::timestamptz[]
              ) AS u(client, category, male, female, unknown, taken)
              ON CONFLICT DO NOTHING
              RETURNING client_id, category, male, female, unknown
            ), added AS (
              INSERT INTO attendance_count (event_id, category, male, female, unknown)
              SELECT ${event.id}::uuid, category, sum(male), sum(female), sum(unknown) FROM entry GROUP BY category
              ON CONFLICT (event_id, category) DO UPDATE SET
                male = attendance_count.male + EXCLUDED.male,
                female = attendance_count.female + EXCLUDED.female,
                unknown = attendance_count.unknown + EXCLUDED.unknown
            )
            SELECT client_id::text FROM entry`;
          for (const r of stored) results.set(r.client_id, { clientId: r.client_id, status: "stored" });
          storedCounts = stored.length;
        }
        if (storedAttendees + storedCounts > 0) {
          await recordAudit(tx, actor, {
            action: "attendance.offlineSync",
            entityType: "event",
            entityId: event.id,
            officeId: event.officeId,
            // Counts only: the attendee rows are the record of who came (no personal data here).
            changes: { after: { attendees: storedAttendees, counts: storedCounts } },
          });
        }
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  }
  return [...results.values()];
}

