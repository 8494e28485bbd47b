import "server-only";
import { db } from "@/lib/server/db";
import { AppError, assertId } from "@/lib/server/errors";
import { officeWhere, type SessionUser } from "@/lib/server/scope";

/** Offices the user may see, with their village and session counts. */
export async function findOffices(user: SessionUser) {
  return db.office.findMany({
    where: officeWhere(user, "read:office"),
    orderBy: [{ provinceCode: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      officeClass: true,
      province: { select: { name: true } },
      _count: { select: { villages: true, events: true } },
    },
  });
}

/** One office's profile; another office's id reads as "not found". */
export async function getOffice(user: SessionUser, id: string) {
  const office = await db.office.findFirst({
    where: { AND: [{ id: assertId(id) }, officeWhere(user, "read:office")] },
    include: {
      kanwil: { select: { name: true } },
      province: { select: { name: true, timeZone: true } },
      workArea: {
        select: { regency: { select: { code: true, name: true } } },
        orderBy: { regencyCode: "asc" },
      },
    },
  });
  if (!office) throw new AppError("NOT_FOUND");
  const [stages, heldEvents, upcomingEvents] = await Promise.all([
    db.desaBinaan.groupBy({ by: ["stage"], where: { officeId: id }, _count: { _all: true } }),
    db.event.count({ where: { officeId: id, status: "HELD" } }),
    db.event.count({ where: { officeId: id, status: "SCHEDULED", startsAt: { gte: new Date() } } }),
  ]);
  return {
    ...office,
    villagesByStage: Object.fromEntries(stages.map((s) => [s.stage, s._count._all])),
    heldEvents,
    upcomingEvents,
  };
}
