import { readEnv } from "@/lib/env-schema";

type UrlSource = { APP_URL?: string; NEXTAUTH_URL?: string };

/** The public base URL of links we hand out: APP_URL, else the one next-auth uses. */
export function publicBaseUrl(source: UrlSource = readEnv()): string {
  return (source.APP_URL ?? source.NEXTAUTH_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
}
