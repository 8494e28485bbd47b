/**
 * The officer's offline attendance queue in the browser (ADR 0019): IndexedDB, so records outlive
 * a reload, a closed tab and a restarted browser. Each record keeps the id this device chose for
 * it and the time it was taken; `syncQueue` sends the waiting ones in batches and files each
 * answer on its record (sent, already there, or refused with the server's reason).
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { OFFLINE_BATCH_SIZE, type OfflineAttendeeInput, type OfflineCountsInput } from "@/lib/features/events/schemas";

export type QueueState = "waiting" | "stored" | "duplicate" | "refused";

export type QueuedRecord = {
  clientId: string;
  eventId: string;
  takenAt: string;
  state: QueueState;
  /** The server's reason for a refusal, in the officer's language. */
  message?: string;
} & ({ kind: "attendee"; data: OfflineAttendeeInput } | { kind: "counts"; data: OfflineCountsInput });

interface QueueDb extends DBSchema {
  records: { key: string; value: QueuedRecord; indexes: { byEvent: string } };
}

const DB_NAME = "desa-binaan-offline";
let opened: Promise<IDBPDatabase<QueueDb>> | null = null;

function queueDb() {
  opened ??= openDB<QueueDb>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore("records", { keyPath: "clientId" }).createIndex("byEvent", "eventId");
    },
  });
  return opened;
}

/** A new record, queued with its own id and the time it was taken. */
export async function enqueue(eventId: string, record: Pick<QueuedRecord, "kind" | "data">): Promise<QueuedRecord> {
  const queued = { ...record, clientId: crypto.randomUUID(), eventId, takenAt: new Date().toISOString(), state: "waiting" } as QueuedRecord;
  await (await queueDb()).put("records", queued);
  return queued;
}

/** The session's records, oldest first. */
export async function listQueue(eventId: string): Promise<QueuedRecord[]> {
  const rows = await (await queueDb()).getAllFromIndex("records", "byEvent", eventId);
  return rows.sort((a, b) => a.takenAt.localeCompare(b.takenAt));
}

/** Forgets the session's records the server has (sent or already there): names leave the phone. */
export async function clearDelivered(eventId: string): Promise<void> {
  const db = await queueDb();
  const tx = db.transaction("records", "readwrite");
  for (const row of await tx.store.index("byEvent").getAll(eventId)) {
    if (row.state === "stored" || row.state === "duplicate") await tx.store.delete(row.clientId);
  }
  await tx.done;
}

export type SyncOutcome =
  | { status: "done"; sent: number }
  /** No connection (or the server did not answer): the rest waits for the next try. */
  | { status: "offline"; sent: number }
  /** The session refused as a whole (signed out, not found, no right): said in `message`. */
  | { status: "refused"; sent: number; httpStatus: number; message?: string };

/**
 * Sends the session's waiting records, OFFLINE_BATCH_SIZE per request, reporting progress after
 * each. Safe to call again at any time (twice at once, after a lost answer): the server stores
 * each record once, by its id.
 */
export async function syncQueue(eventId: string, onProgress: (done: number, total: number) => void, fetcher: typeof fetch = fetch): Promise<SyncOutcome> {
  const waiting = (await listQueue(eventId)).filter((r) => r.state === "waiting");
  let sent = 0;
  onProgress(0, waiting.length);
  for (let i = 0; i < waiting.length; i += OFFLINE_BATCH_SIZE) {
    const batch = waiting.slice(i, i + OFFLINE_BATCH_SIZE);
    let response: Response;
    try {
      response = await fetcher(`/api/kegiatan/${encodeURIComponent(eventId)}/sinkron`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ records: batch.map(({ clientId, kind, takenAt, data }) => ({ clientId, kind, takenAt, data })) }),
      });
    } catch {
      return { status: "offline", sent };
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { error?: string } | null;
      // 5xx from a proxy or a restarting server: try again later, like no connection
      if (response.status >= 500) return { status: "offline", sent };
      return { status: "refused", sent, httpStatus: response.status, message: body?.error };
    }
    const { results } = (await response.json()) as { results: { clientId: string; status: QueueState; message?: string }[] };
    const db = await queueDb();
    const tx = db.transaction("records", "readwrite");
    for (const result of results) {
      const row = await tx.store.get(result.clientId);
      if (row) await tx.store.put({ ...row, state: result.status, message: result.message });
    }
    await tx.done;
    sent += batch.length;
    onProgress(sent, waiting.length);
  }
  return { status: "done", sent };
}
