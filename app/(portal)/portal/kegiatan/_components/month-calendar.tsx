import Link from "next/link";
import { useTranslations } from "next-intl";
import { dateTimeFormat } from "@/lib/dates";
import type { EventStatus } from "@/lib/generated/prisma/enums";
import { StatusBadge } from "./status-badge";

type CalendarEvent = { id: string; title: string; status: EventStatus; day: string; time: string };

const pad = (n: number) => String(n).padStart(2, "0");

/** A month grid (Monday first); each session sits on its local day in its own zone. */
export function MonthCalendar({ year, month, locale, events }: { year: number; month: number; locale: string; events: CalendarEvent[] }) {
  const t = useTranslations("events");
  const first = new Date(Date.UTC(year, month - 1, 1));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length: daysInMonth }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const monthName = dateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(first);
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    dateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 1 + i))),
  );
  const prev = month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
  const next = month === 12 ? `${year + 1}-01` : `${year}-${pad(month + 1)}`;
  const byDay = new Map<string, CalendarEvent[]>();
  for (const e of events) byDay.set(e.day, [...(byDay.get(e.day) ?? []), e]);

  return (
    <div>
      <div className="mb-3 flex items-center justify-between gap-2">
        <Link href={`/portal/kegiatan?tampilan=kalender&bulan=${prev}`} className="min-h-11 px-2 py-3">
          ← {t("previousMonth")}
        </Link>
        <h2 className="text-lg font-semibold capitalize">{monthName}</h2>
        <Link href={`/portal/kegiatan?tampilan=kalender&bulan=${next}`} className="min-h-11 px-2 py-3">
          {t("nextMonth")} →
        </Link>
      </div>
      {/* A table on wide screens; on a phone the same cells stack as a list of days with sessions. */}
      <table className="hidden w-full table-fixed border-collapse text-sm md:table">
        <caption className="sr-only">{monthName}</caption>
        <thead>
          <tr>
            {weekdays.map((d) => (
              <th key={d} scope="col" className="border border-slate-200 p-1 text-left">
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, w) => (
            <tr key={w}>
              {week.map((d, i) => {
                const key = d ? `${year}-${pad(month)}-${pad(d)}` : "";
                return (
                  <td key={i} className="h-24 border border-slate-200 p-1 align-top">
                    {d && <div className="text-xs text-slate-600">{d}</div>}
                    {(byDay.get(key) ?? []).map((e) => (
                      <Link key={e.id} href={`/portal/kegiatan/${e.id}`} className="mb-1 block truncate text-xs" title={`${e.title} · ${e.time}`}>
                        {e.title}
                      </Link>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="space-y-2 md:hidden">
        {events.filter((e) => e.day.startsWith(`${year}-${pad(month)}`)).length === 0 && <li>{t("emptyMonth")}</li>}
        {events
          .filter((e) => e.day.startsWith(`${year}-${pad(month)}`))
          .map((e) => (
            <li key={e.id}>
              <Link href={`/portal/kegiatan/${e.id}`} className="font-semibold">
                {e.title}
              </Link>{" "}
              <StatusBadge status={e.status} />
              <p className="text-sm text-slate-700">{e.time}</p>
            </li>
          ))}
      </ul>
    </div>
  );
}
