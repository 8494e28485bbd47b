import { useTranslations } from "next-intl";
import type { EventStatus } from "@/lib/generated/prisma/enums";
import { cn } from "@/lib/cn";

const TONES: Record<EventStatus, string> = {
  SCHEDULED: "bg-sky-100 text-sky-900",
  POSTPONED: "bg-amber-100 text-amber-900",
  CANCELLED: "bg-red-100 text-red-900",
  HELD: "bg-green-100 text-green-900",
};

export function StatusBadge({ status }: { status: EventStatus }) {
  const t = useTranslations("eventStatus");
  return <StatusLabel status={status} label={t(status)} />;
}

/** The badge with its label given: for cached sections, which read no cookie (docs/decisions/0021). */
export function StatusLabel({ status, label }: { status: EventStatus; label: string }) {
  return <span className={cn("inline-block rounded px-2 py-0.5 text-xs font-semibold", TONES[status])}>{label}</span>;
}
