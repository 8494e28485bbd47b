import { ContactRole } from "@/lib/generated/prisma/enums";
import type { Contact, Prisma } from "@/lib/generated/prisma/client";
import { today, uniqueSuffix, type FactoryDb } from "./util";

export type CreateContactOptions = Partial<Prisma.ContactUncheckedCreateInput> & { desaBinaanId: string };

/** A liaison (narahubung), active from today unless told otherwise. No phone unless given. */
export async function createContact(db: FactoryDb, opts: CreateContactOptions): Promise<Contact> {
  return db.contact.create({
    data: {
      name: `Narahubung Uji ${uniqueSuffix()}`,
      role: ContactRole.KEPALA_DESA,
      activeFrom: today(),
      // A phone without recorded consent would break the UU PDP rule the app enforces.
      consentAt: opts.phone ? new Date() : null,
      ...opts,
    },
  });
}
