import { EventStatus, EventType, type AttendeeCategory } from "@/lib/generated/prisma/enums";
import type { Event, Prisma } from "@/lib/generated/prisma/client";
import { provinceTimeZone } from "@/lib/seed/regions";
import { randomCheckInCode, uniqueSuffix, type FactoryDb } from "./util";

export type SpeakerInput = { name: string; position?: string; institutionId?: string; topic?: string };
export type CountInput = { category: AttendeeCategory; male?: number; female?: number; unknown?: number };

export type CreateEventOptions = Partial<
  Omit<Prisma.EventUncheckedCreateInput, "villages" | "speakers" | "partners" | "counts">
> & {
  officeId: string;
  desaBinaanIds?: string[];
  speakers?: SpeakerInput[];
  partnerInstitutionIds?: string[];
  counts?: CountInput[];
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * An outreach session of an office. Defaults: a scheduled sosialisasi a week from now lasting
 * three hours, in the time zone of the office's province.
 */
export async function createEvent(db: FactoryDb, opts: CreateEventOptions): Promise<Event> {
  const { desaBinaanIds = [], speakers = [], partnerInstitutionIds = [], counts = [], ...fields } = opts;
  const startsAt = fields.startsAt ? new Date(fields.startsAt) : new Date(Date.now() + 7 * DAY);
  return db.event.create({
    data: {
      type: EventType.SOSIALISASI,
      status: EventStatus.SCHEDULED,
      title: `Sosialisasi Uji ${uniqueSuffix()}`,
      venueName: "Balai Desa",
      endsAt: new Date(startsAt.getTime() + 3 * HOUR),
      checkInCode: randomCheckInCode(),
      ...fields,
      startsAt,
      timeZone: fields.timeZone ?? (await officeTimeZone(db, fields.officeId)),
      villages: { create: desaBinaanIds.map((desaBinaanId) => ({ desaBinaanId })) },
      speakers: { create: speakers.map((s, sortOrder) => ({ ...s, sortOrder })) },
      partners: { create: partnerInstitutionIds.map((institutionId) => ({ institutionId })) },
      counts: { create: counts },
    },
  });
}

async function officeTimeZone(db: FactoryDb, officeId: string): Promise<string> {
  const office = await db.office.findUniqueOrThrow({ where: { id: officeId }, select: { provinceCode: true } });
  return provinceTimeZone(office.provinceCode);
}
