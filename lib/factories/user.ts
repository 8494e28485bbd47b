import { hashPassword } from "@/lib/auth/password";
import { Role } from "@/lib/generated/prisma/enums";
import type { Prisma, User } from "@/lib/generated/prisma/client";
import { uniqueSuffix, type FactoryDb } from "./util";

/** Password of every factory-made user unless one is given. */
export const FACTORY_PASSWORD = "kata-sandi-uji-123";

// argon2id costs ~50 ms by design; hashing the shared default once keeps test suites fast.
let defaultHash: Promise<string> | undefined;
function hashFor(password: string): Promise<string> {
  if (password !== FACTORY_PASSWORD) return hashPassword(password);
  defaultHash ??= hashPassword(FACTORY_PASSWORD);
  return defaultHash;
}

export type CreateUserOptions = Partial<Omit<Prisma.UserUncheckedCreateInput, "passwordHash">> & {
  password?: string;
};

/** A user of any role; scope ids (officeId, kanwilId, desaBinaanId) are the caller's to give. */
export async function createUser(db: FactoryDb, opts: CreateUserOptions = {}): Promise<User> {
  const { password = FACTORY_PASSWORD, ...fields } = opts;
  const suffix = uniqueSuffix();
  return db.user.create({
    data: {
      role: Role.OFFICE_OFFICER,
      name: `Pengguna Uji ${suffix}`,
      ...fields,
      // Stored lower-case, as the sign-in form normalises it.
      email: (fields.email ?? `pengguna.${suffix}@uji.imigrasi.test`).toLowerCase(),
      passwordHash: await hashFor(password),
    },
  });
}
