/**
 * Namespaces only Server Components read. Every page of the portal otherwise carries the whole
 * catalogue (about 46 KB) to the browser in its payload; these are left out of the client
 * provider. A namespace not listed here still reaches client components, so a new one is safe
 * by default; a test checks that no client component uses one of these.
 */
export const SERVER_ONLY_NAMESPACES = ["public", "checkIn", "dashboard", "reports", "reportDoc", "home", "audit"] as const;

export function clientMessages<T extends Record<string, unknown>>(messages: T): Partial<T> {
  const picked: Record<string, unknown> = { ...messages };
  for (const ns of SERVER_ONLY_NAMESPACES) delete picked[ns];
  return picked as Partial<T>;
}
