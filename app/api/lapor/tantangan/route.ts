import { newChallenge, TIP_POW } from "@/lib/server/proof-of-work";

/**
 * GET /api/lapor/tantangan: a fresh proof-of-work challenge for the tip form (ALTCHA,
 * docs/decisions/0023), when the one that came with the page expired or was used. Never cached.
 */
export async function GET() {
  return Response.json(await newChallenge(TIP_POW), { headers: { "Cache-Control": "no-store" } });
}
