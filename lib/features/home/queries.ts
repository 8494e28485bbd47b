import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { EventType, VillageStage } from "@/lib/generated/prisma/enums";
import { desaBinaanWhere, officeScopeSql, type SessionUser } from "@/lib/server/scope";
import { select, selectTogether } from "@/lib/server/sql";
import { placeNames } from "@/lib/features/villages/selects";

type UpcomingRow = { id: string; title: string; type: EventType; startsAt: string; timeZone: string; venueName: string; office: string };

/**
 * Headline figures over everything the user may read, and the name the page is headed with (the
 * user's office or Kanwil): one statement, one round trip (lib/server/sql.ts).
 */
export async function getOverview(user: SessionUser) {
  const offices = officeScopeSql(user, "read:office");
  const now = new Date();
  const heading =
    user.role === "REGIONAL_OVERSEER"
      ? select<{ name: string }>`SELECT name FROM kanwil WHERE id = ${user.kanwilId}::uuid`
      : select<{ name: string }>`SELECT o.name FROM office o WHERE o.id = ${user.officeId}::uuid AND ${offices}`;
  const rows = await selectTogether({
    counts: select<{ offices: number; held: number }>`
      SELECT (SELECT COUNT(*)::int FROM office o WHERE ${offices}) AS offices,
        (SELECT COUNT(*)::int FROM event e JOIN office o ON o.id = e.office_id WHERE ${offices} AND e.status = 'HELD') AS held`,
    stages: select<{ stage: VillageStage; n: number }>`
      SELECT d.stage, COUNT(*)::int AS n FROM desa_binaan d JOIN office o ON o.id = d.office_id WHERE ${offices} GROUP BY d.stage`,
    upcoming: select<UpcomingRow>`
      SELECT e.id, e.title, e.type, e.starts_at AS "startsAt", e.time_zone AS "timeZone", e.venue_name AS "venueName", o.name AS office
      FROM event e JOIN office o ON o.id = e.office_id
      WHERE ${offices} AND e.status IN ('SCHEDULED', 'POSTPONED') AND e.ends_at >= ${now}
      ORDER BY e.starts_at, e.id LIMIT 5`,
    heading,
  });
  return {
    officeCount: rows.counts[0]?.offices ?? 0,
    villageCount: rows.stages.reduce((n, s) => n + s.n, 0),
    villagesByStage: Object.fromEntries(rows.stages.map((s) => [s.stage, s.n])) as Partial<Record<VillageStage, number>>,
    heldEvents: rows.counts[0]?.held ?? 0,
    upcoming: rows.upcoming.map((e) => ({ ...e, startsAt: new Date(e.startsAt), office: { name: e.office } })),
    /** The user's office or Kanwil (national users have neither). */
    headingName: rows.heading[0]?.name ?? null,
  };
}

/** A village account's own village with its status, office, contacts and coming sessions. */
export async function getOwnVillage(user: SessionUser) {
  const village = await db.desaBinaan.findFirst({
    where: desaBinaanWhere(user, "read:village"),
    select: {
      id: true,
      stage: true,
      stageChangedAt: true,
      whatsappGroupUrl: true,
      village: {
        select: {
          name: true,
          ...placeNames,
        },
      },
      office: { select: { name: true, phone: true, email: true } },
      contacts: {
        where: { activeUntil: null },
        orderBy: { activeFrom: "asc" },
        select: { id: true, name: true, role: true, position: true },
      },
      events: {
        where: { event: { status: { in: ["SCHEDULED", "POSTPONED"] }, endsAt: { gte: new Date() } } },
        orderBy: { event: { startsAt: "asc" } },
        take: 5,
        select: {
          event: { select: { id: true, title: true, type: true, startsAt: true, timeZone: true, venueName: true } },
        },
      },
    },
  });
  if (!village) throw new AppError("NOT_FOUND");
  return village;
}
