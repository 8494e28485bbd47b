"use client";
import "@/lib/i18n/zod-errors";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { clearDelivered, enqueue, listQueue, syncQueue, type QueuedRecord } from "@/lib/features/events/offline-queue";
import {
  ATTENDEE_CATEGORIES,
  offlineAttendeeSchema,
  offlineCountsSchema,
  type OfflineAttendeeInput,
  type OfflineCountsInput,
} from "@/lib/features/events/schemas";
import { isMessageKey } from "@/lib/i18n/keys";
import { keepPageOffline } from "@/lib/pwa/register";

type Choice = { id: string; label: string };
type Notice = { tone: "success" | "error" | "info"; text: string } | null;

function subscribeOnline(changed: () => void) {
  window.addEventListener("online", changed);
  window.addEventListener("offline", changed);
  return () => {
    window.removeEventListener("online", changed);
    window.removeEventListener("offline", changed);
  };
}

const EMPTY_ATTENDEE = { name: "", position: "", desaBinaanId: "", institutionName: "", gender: "", phone: "", consent: false } as const;

/** A field's error: a schema's catalogue key, translated. */
function useFieldError() {
  const t = useTranslations();
  return (message: string | undefined) => (message ? (isMessageKey(message, t.has) ? t(message as never) : message) : undefined);
}

export function OfflineAttendance({ eventId, villages }: { eventId: string; villages: Choice[] }) {
  const t = useTranslations("offline");
  const [records, setRecords] = useState<QueuedRecord[]>([]);
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
  const [kept, setKept] = useState<boolean | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const syncing = useRef(false);

  const reload = useCallback(async () => setRecords(await listQueue(eventId)), [eventId]);

  const sync = useCallback(async () => {
    if (syncing.current || !navigator.onLine) return;
    syncing.current = true;
    try {
      const outcome = await syncQueue(eventId, (done, total) => setProgress(total > 0 ? { done, total } : null));
      await reload();
      if (outcome.status === "offline") setNotice({ tone: "info", text: t("syncOffline") });
      else if (outcome.status === "refused") setNotice({ tone: "error", text: t("syncRefused", { message: outcome.message ?? String(outcome.httpStatus) }) });
      else if (outcome.sent > 0) setNotice({ tone: "success", text: t("syncDone") });
    } finally {
      syncing.current = false;
      setProgress(null);
    }
  }, [eventId, reload, t]);

  useEffect(() => {
    const up = () => void sync();
    window.addEventListener("online", up);
    // what this phone kept (after a reload or a browser restart), then send what waits
    void listQueue(eventId)
      .then(setRecords)
      .then(() => sync());
    if (navigator.onLine) keepPageOffline().then(setKept, () => setKept(false));
    return () => {
      window.removeEventListener("online", up);
    };
  }, [eventId, sync]);

  const added = async (record: Pick<QueuedRecord, "kind" | "data">, text: string) => {
    await enqueue(eventId, record);
    await reload();
    setNotice({ tone: "success", text });
    void sync();
  };

  const counts = { waiting: 0, sent: 0, refused: 0 };
  for (const r of records) counts[r.state === "waiting" ? "waiting" : r.state === "refused" ? "refused" : "sent"]++;

  return (
    <div className="space-y-4">
      <p role="status" className="flex flex-wrap items-center gap-2 text-sm" data-testid="connection">
        <span className={`rounded px-2 py-1 font-semibold ${online ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-900"}`}>
          {online ? t("online") : t("offline")}
        </span>
        {kept !== null && <span className="text-slate-700" data-testid="kept">{kept ? t("ready") : t("notReady")}</span>}
      </p>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <Card title={t("attendeeTitle")}>
        <AttendeeForm villages={villages} onAdd={(data) => added({ kind: "attendee", data }, t("attendeeQueued", { name: data.name }))} />
      </Card>
      <Card title={t("countsTitle")}>
        <p className="mb-2 text-sm text-slate-700">{t("countsHelp")}</p>
        <CountsForm onAdd={(data) => added({ kind: "counts", data }, t("countsQueued"))} />
      </Card>
      <Card title={t("queueTitle")}>
        <div className="space-y-3">
          <p data-testid="queue-summary">{t("queueSummary", counts)}</p>
          {progress && (
            <div>
              <label htmlFor="sync-progress" className="block text-sm">
                {t("syncing", progress)}
              </label>
              <progress id="sync-progress" className="w-full" max={progress.total} value={progress.done} aria-label={t("syncProgress")} />
            </div>
          )}
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={() => void sync()} disabled={!online || counts.waiting === 0}>
              {t("syncNow")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => void clearDelivered(eventId).then(reload)} disabled={counts.sent === 0}>
              {t("clearSent")}
            </Button>
          </div>
          <QueueTable records={records} />
        </div>
      </Card>
    </div>
  );
}

function QueueTable({ records }: { records: QueuedRecord[] }) {
  const t = useTranslations("offline");
  const ts = useTranslations("offline.states");
  const tc = useTranslations();
  if (records.length === 0) return <p>{t("queueEmpty")}</p>;
  // the latest first, and no more than a screenful of rows (2,000 rows would slow a cheap phone)
  const shown = records.slice(-100).reverse();
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="queue">
        <caption className="sr-only">{t("queueTitle")}</caption>
        <thead>
          <tr className="text-left">
            <th scope="col" className="py-1 pr-2">{t("record")}</th>
            <th scope="col" className="py-1 pr-2">{t("takenAt")}</th>
            <th scope="col" className="py-1 pr-2">{t("state")}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.clientId} className="border-t border-slate-200" data-state={r.state}>
              <td className="py-1 pr-2">
                {r.kind === "attendee"
                  ? r.data.name
                  : t("countsRecord", { category: tc(`attendeeCategory.${r.data.category}`), male: Number(r.data.male), female: Number(r.data.female), unknown: Number(r.data.unknown) })}
              </td>
              <td className="py-1 pr-2">{new Date(r.takenAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}</td>
              <td className="py-1 pr-2">
                {ts(r.state)}
                {r.message && <span className="block text-red-800">{r.message}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AttendeeForm({ villages, onAdd }: { villages: Choice[]; onAdd: (data: OfflineAttendeeInput) => Promise<void> }) {
  const t = useTranslations("events");
  const to = useTranslations("offline");
  const tc = useTranslations();
  const error = useFieldError();
  const form = useForm<OfflineAttendeeInput>({ resolver: zodResolver(offlineAttendeeSchema) as never, defaultValues: { category: "WARGA", consent: false } });
  const { register, formState, handleSubmit, reset, setFocus } = form;
  const e = formState.errors;
  const [added, setAdded] = useState(0);
  // The next person's name, once the emptied form has rendered (reset drops the field refs).
  useEffect(() => {
    if (added > 0) setFocus("name");
  }, [added, setFocus]);
  // The values as typed are queued (the server parses them again), not the parsed ones.
  const submit = handleSubmit(async () => {
    const values = form.getValues();
    await onAdd(values);
    reset({ ...EMPTY_ATTENDEE, category: values.category });
    setAdded((n) => n + 1);
  });
  return (
    <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-3">
      <TextField label={t("attendeeName")} error={error(e.name?.message)} autoComplete="off" {...register("name")} />
      <SelectField label={t("category")} error={error(e.category?.message)} {...register("category")}>
        {ATTENDEE_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {tc(`attendeeCategory.${c}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t("position")} error={error(e.position?.message)} {...register("position")} />
      <SelectField label={t("village")} error={error(e.desaBinaanId?.message)} {...register("desaBinaanId")}>
        <option value="">-</option>
        {villages.map((v) => (
          <option key={v.id} value={v.id}>
            {v.label}
          </option>
        ))}
      </SelectField>
      <TextField label={t("institution")} error={error(e.institutionName?.message)} {...register("institutionName")} />
      <SelectField label={t("gender")} error={error(e.gender?.message)} {...register("gender")}>
        <option value="">-</option>
        <option value="L">{t("genderL")}</option>
        <option value="P">{t("genderP")}</option>
      </SelectField>
      <TextField label={t("phone")} type="tel" hint={t("phoneHint")} error={error(e.phone?.message)} {...register("phone")} />
      <CheckboxField id="offline-consent" className="sm:col-span-2" label={t("consent")} error={error(e.consent?.message)} {...register("consent")} />
      <div className="sm:col-span-3">
        <Button type="submit">{to("addAttendee")}</Button>
      </div>
    </form>
  );
}

function CountsForm({ onAdd }: { onAdd: (data: OfflineCountsInput) => Promise<void> }) {
  const t = useTranslations("events");
  const tcount = useTranslations("events.count");
  const to = useTranslations("offline");
  const tc = useTranslations();
  const error = useFieldError();
  const form = useForm<OfflineCountsInput>({
    resolver: zodResolver(offlineCountsSchema) as never,
    defaultValues: { category: "WARGA", male: 0, female: 0, unknown: 0 },
  });
  const { register, formState, handleSubmit, reset } = form;
  const e = formState.errors;
  const submit = handleSubmit(async () => {
    const values = form.getValues();
    await onAdd(values);
    reset({ category: values.category, male: 0, female: 0, unknown: 0 });
  });
  return (
    <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-4">
      <SelectField label={t("category")} error={error(e.category?.message)} {...register("category")}>
        {ATTENDEE_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {tc(`attendeeCategory.${c}`)}
          </option>
        ))}
      </SelectField>
      {(["male", "female", "unknown"] as const).map((c) => (
        <TextField key={c} label={tcount(c)} type="number" inputMode="numeric" min={0} error={error(e[c]?.message)} {...register(c)} />
      ))}
      <div className="sm:col-span-4">
        <Button type="submit">{to("addCounts")}</Button>
      </div>
    </form>
  );
}
