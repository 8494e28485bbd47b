import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A real hash of nothing, verified when the account does not exist so timing reveals nothing. */
export const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$7cSY5TwzqI8+e5GL1/8R+g$MsA3ZrlI9ddEYukzrNJLqq4DMUY4J58SaJ53MM91UBg";
