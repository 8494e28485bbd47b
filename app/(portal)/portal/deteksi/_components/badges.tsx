import { getTranslations } from "next-intl/server";
import type { WarningStatus, WarningUrgency } from "@/lib/generated/prisma/enums";
import type { SlaState } from "@/lib/features/warnings/sla";

const SLA_TONE: Record<SlaState, string> = {
  waiting: "bg-slate-100 text-slate-800",
  warning: "bg-amber-100 text-amber-900",
  overdue: "bg-red-700 text-white",
  met: "bg-green-100 text-green-900",
  late: "bg-orange-100 text-orange-900",
};

/** The report's standing against its first-response target; overdue is the red flag. */
export async function SlaBadge({ state }: { state: SlaState }) {
  const t = await getTranslations("warning.sla");
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${SLA_TONE[state]}`}>{state === "overdue" ? `⚑ ${t(state)}` : t(state)}</span>;
}

export async function StatusBadge({ status }: { status: WarningStatus }) {
  const t = await getTranslations("warning.status");
  const closed = status.startsWith("CLOSED");
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${closed ? "bg-slate-200 text-slate-800" : "bg-brand-100 text-brand-900"}`}>{t(status)}</span>;
}

export async function UrgencyBadge({ urgency }: { urgency: WarningUrgency }) {
  const t = await getTranslations("warning.urgency");
  return urgency === "URGENT" ? <span className="inline-block rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">{t(urgency)}</span> : null;
}
