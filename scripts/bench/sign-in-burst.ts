/**
 * Bursts of 100 parallel sign-ins against a running production build, to show that the sign-in
 * limits hold under concurrency (issue 14, items 1-3). Uses a throw-away account it creates in
 * DATABASE_URL (the database the server uses) and removes afterwards.
 *   BENCH_URL=http://127.0.0.1:3000 DATABASE_URL=... npx tsx scripts/bench/sign-in-burst.ts
 * Three bursts, each of 100 requests at once:
 *   1. 100 wrong passwords for one account: at most 5 may be evaluated (the rest: SLOW_DOWN).
 *   2. the right password inside 99 wrong ones, right after: refused (the account is slowed).
 *   3. 100 wrong passwords, each with another X-Forwarded-For: the header is not believed
 *      (TRUSTED_PROXY_COUNT=0), so they count against one address; at most 30 get through.
 */
import { hashPassword } from "@/lib/auth/password";
import { BASE_URL, benchDb } from "./support";

const PASSWORD = "bench-benar-12345";

async function attempt(email: string, password: string, forwardedFor?: string): Promise<string> {
  const csrf = await fetch(`${BASE_URL}/api/auth/csrf`);
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const text = await res.text();
  if (res.headers.getSetCookie().some((c) => c.includes("session-token="))) return "SIGNED_IN";
  // next-auth answers a refused sign-in with 401 and { url: ".../masuk?error=CODE" } (json=true)
  let location = res.headers.get("location") ?? "";
  try {
    location = (JSON.parse(text) as { url?: string }).url ?? location;
  } catch {
    // not JSON: keep the Location header
  }
  return (new URL(location, BASE_URL).searchParams.get("error") ?? `HTTP_${res.status}`).split(":")[0]!;
}

function tally(results: string[]): Record<string, number> {
  return results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r]: (acc[r] ?? 0) + 1 }), {});
}

async function burst(label: string, make: (i: number) => Promise<string>) {
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: 100 }, (_, i) => make(i)));
  console.log(`${label}: ${JSON.stringify(tally(results))} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return results;
}

const db = benchDb();
const email = `bench.burst.${Date.now()}@bench.test`;
const other = `bench.burst2.${Date.now()}@bench.test`;
// this machine's own address counter, so that each run starts from nothing (a local bench only)
const LOCAL = { key: { in: ["sign-in:address:127.0.0.1", "sign-in:address:::1"] } };
try {
  await db.rateLimit.deleteMany({ where: LOCAL });
  const office = await db.office.findFirstOrThrow({ select: { id: true } });
  for (const e of [email, other]) {
    await db.user.create({ data: { email: e, name: "Bench", role: "OFFICE_OFFICER", officeId: office.id, passwordHash: await hashPassword(PASSWORD) } });
  }
  const first = await burst("1. 100 wrong passwords at once", () => attempt(email, "salah-salah"));
  const second = await burst("2. the right one among 99 wrong", (i) => attempt(email, i === 50 ? PASSWORD : "salah-salah"));
  const third = await burst("3. 100 wrong, each with its own X-Forwarded-For", (i) => attempt(`x${i}.${other}`, "salah-salah", `10.9.${i}.1`));
  const evaluated = first.filter((r) => r === "INVALID_CREDENTIALS").length;
  const ok =
    evaluated <= 5 &&
    !second.includes("SIGNED_IN") &&
    third.filter((r) => r === "INVALID_CREDENTIALS").length <= 30;
  console.log(`evaluated in burst 1: ${evaluated} (limit 5); signed in during burst 2: ${second.includes("SIGNED_IN")}; ` +
    `evaluated in burst 3: ${third.filter((r) => r === "INVALID_CREDENTIALS").length} (limit 30 per address)`);
  console.log(ok ? "OK: the limits hold" : "FAILED");
  process.exitCode = ok ? 0 : 1;
} finally {
  await db.user.deleteMany({ where: { email: { in: [email, other] } } });
  await db.rateLimit.deleteMany({ where: { OR: [{ key: { contains: "bench.burst" } }, LOCAL] } });
  await db.$disconnect();
}
