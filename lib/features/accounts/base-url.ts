/** The public base URL of links we hand out: APP_URL, else the one next-auth uses. */
export function publicBaseUrl(): string {
  return (process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
}
