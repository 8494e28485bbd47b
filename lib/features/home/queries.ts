import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { desaBinaanWhere, officeWhere, type SessionUser } from "@/lib/server/scope";

/** Headline figures over everything the user may read. */
export async function getOverview(user: SessionUser) {
  const offices = officeWhere(user, "read:office");
  const now = new Date();
  const [officeCount, villagesByStage, heldEvents, upcoming] = await Promise.all([
    db.office.count({ where: offices }),
    db.desaBinaan.groupBy({
      by: ["stage"],
      where: { office: offices },
      _count: { _all: true },
    }),
    db.event.count({ where: { office: offices, status: "HELD" } }),
    db.event.findMany({
      where: { office: offices, status: { in: ["SCHEDULED", "POSTPONED"] }, endsAt: { gte: now } },
      orderBy: { startsAt: "asc" },
      take: 5,
      select: {
        id: true,
        title: true,
        type: true,
        startsAt: true,
        timeZone: true,
        venueName: true,
        office: { select: { name: true } },
      },
    }),
  ]);
  return {
    officeCount,
    villageCount: villagesByStage.reduce((n, s) => n + s._count._all, 0),
    villagesByStage: Object.fromEntries(villagesByStage.map((s) => [s.stage, s._count._all])),
    heldEvents,
    upcoming,
  };
}

/** The Kanwil a regional overseer belongs to. */
export async function getOwnKanwil(user: SessionUser) {
  if (!user.kanwilId) throw new AppError("NOT_FOUND");
  const kanwil = await db.kanwil.findUnique({
    where: { id: user.kanwilId },
    select: { name: true, province: { select: { name: true } } },
  });
  if (!kanwil) throw new AppError("NOT_FOUND");
  return kanwil;
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
          district: { select: { name: true } },
          regency: { select: { name: true } },
          province: { select: { name: true } },
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
