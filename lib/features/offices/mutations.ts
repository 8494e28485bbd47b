import "server-only";
import type { z } from "zod";
import { diffFields, recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AppError, assertId } from "@/lib/server/errors";
import { officeWhere, type SessionUser } from "@/lib/server/scope";
import type { updateOfficeProfileSchema } from "@/lib/features/offices/schemas";

export async function updateOfficeProfile(actor: SessionUser, input: z.output<typeof updateOfficeProfileSchema>) {
  const { officeId, ...fields } = input;
  const office = await db.office.findFirst({
    where: { AND: [{ id: assertId(officeId) }, officeWhere(actor, "update:office")] },
    select: { id: true, headName: true, address: true, phone: true, email: true, serviceHours: true },
  });
  if (!office) throw new AppError("NOT_FOUND");
  return db.$transaction(async (tx) => {
    // Bumps the version too, so that a national edit started before this one is refused (reference.ts).
    const updated = await tx.office.update({ where: { id: office.id }, data: { ...fields, version: { increment: 1 } }, select: { id: true } });
    await recordAudit(tx, actor, {
      action: "office.update",
      entityType: "office",
      entityId: office.id,
      officeId: office.id,
      changes: diffFields(office, fields),
    });
    return updated;
  });
}
