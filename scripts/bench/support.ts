/**
 * Shared by the benchmark scripts: they run against a production build (`npm run build`, then
 * `npm start` or `next start`) on a database seeded with the demo data, given as
 * BENCH_URL (default http://127.0.0.1:3000) and DATABASE_URL (the same database, for setup and
 * for checking what was written).
 */
import { WIB } from "@/lib/dates";
import "dotenv/config";
import { createPrismaClient, type Db } from "@/lib/db/create-client";

export const BASE_URL = (process.env.BENCH_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
export const DEMO_OFFICER = "petugas.surakarta@demo.imigrasi.go.id";
export const DEMO_PASSWORD = "demo12345";

export function benchDb(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL must point at the database the server uses");
  return createPrismaClient(url, { max: 4 });
}

/** Signs in like a browser: GET the CSRF token, POST the credentials, keep the cookies. */
export async function signIn(email = DEMO_OFFICER, password = DEMO_PASSWORD, base = BASE_URL): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`Sign-in failed for ${email} (${res.status})`);
  return cookie();
}

/** A fresh session of the demo officer's office, for one benchmark run. */
export async function createBenchEvent(db: Db, email = DEMO_OFFICER, over: { checkInOpen?: boolean } = {}) {
  const officer = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, officeId: true } });
  const code = `B${Date.now().toString(36).toUpperCase()}`.slice(0, 12);
  return db.event.create({
    data: {
      officeId: officer.officeId!,
      type: "SOSIALISASI",
      title: `Benchmark ${new Date().toISOString()}`,
      venueName: "Balai Desa",
      timeZone: WIB,
      startsAt: new Date(Date.now() - 3_600_000),
      endsAt: new Date(Date.now() + 3_600_000),
      checkInCode: code,
      checkInOpen: over.checkInOpen ?? false,
      createdById: officer.id,
    },
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;
