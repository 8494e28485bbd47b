import type { IncomingMessage } from "node:http";

/**
 * The address a request came from, for rate limits. X-Forwarded-For is written by whoever sends
 * the request, so only the entries added by our own proxies (TRUSTED_PROXY_COUNT, counted from
 * the right) can be believed: the client is the entry just left of them, and with no proxy it is
 * the TCP peer. Next's own server sets X-Forwarded-For to the peer only when the request has
 * none, so the peer is captured below, where Node hands the request over, before anything else.
 */
export function resolveClientAddress(input: {
  forwardedFor: string | string[] | undefined;
  socketAddress: string | undefined;
  trustedProxies: number;
}): string {
  const socket = normalise(input.socketAddress ?? "") || "unknown";
  if (input.trustedProxies <= 0) return socket;
  const header = Array.isArray(input.forwardedFor) ? input.forwardedFor.join(",") : (input.forwardedFor ?? "");
  const chain = [...header.split(",").map((v) => normalise(v.trim())).filter(Boolean), socket];
  // chain: client, proxy 1, ..., proxy n (the last one is our peer)
  return chain[Math.max(0, chain.length - 1 - input.trustedProxies)]!;
}

function normalise(address: string): string {
  const v = address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
  return /^[0-9a-fA-F:.]{2,45}$/.test(v) ? v : "";
}

export const CLIENT_ADDRESS_HEADER = "x-portal-client-address";
const STAMP_KEY = Symbol.for("portal.clientAddressStamp");
type Stamp = { token: string };

/**
 * Writes the resolved address into a header of every incoming request, with a token known only
 * to this process: a client that sends the header itself gets it overwritten, and a request that
 * arrived before the hook was installed carries no valid token (its address reads "unknown").
 */
export function installClientAddressStamp(server: { prototype: { emit: (event: string, ...args: unknown[]) => boolean } }, trustedProxies: number): void {
  const g = globalThis as unknown as Record<symbol, Stamp | undefined>;
  if (g[STAMP_KEY]) return;
  const token = crypto.randomUUID();
  g[STAMP_KEY] = { token };
  const emit = server.prototype.emit;
  server.prototype.emit = function (this: unknown, event: string, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as IncomingMessage;
      req.url = withoutMalformedPath(req.url);
      const address = resolveClientAddress({ forwardedFor: req.headers["x-forwarded-for"], socketAddress: req.socket?.remoteAddress, trustedProxies });
      req.headers[CLIENT_ADDRESS_HEADER] = `${token} ${address}`;
    }
    return emit.call(this, event, ...args);
  };
}

/** A path no route has: Next answers it with the site's own 404 page. */
export const MALFORMED_PATH = "/_tidak-ditemukan";

/**
 * A path with a broken percent-encoding (`/materi/%ff%fe`) makes Next fail while decoding it and
 * answer a bare 500 "Internal Server Error"; such a URL names nothing here, so it is sent to
 * a path that renders the 404 page instead. Other URLs are returned unchanged.
 */
export function withoutMalformedPath(url: string | undefined): string | undefined {
  if (!url) return url;
  const path = url.split("?")[0]!;
  try {
    decodeURIComponent(path);
    return url;
  } catch {
    return MALFORMED_PATH;
  }
}

/** The stamped client address of a request ("unknown" when it carries no valid stamp). */
export function clientAddressFrom(headers: { get(name: string): string | null } | Record<string, unknown> | undefined): string {
  const raw = typeof (headers as Headers | undefined)?.get === "function"
    ? (headers as Headers).get(CLIENT_ADDRESS_HEADER)
    : (headers as Record<string, unknown> | undefined)?.[CLIENT_ADDRESS_HEADER];
  const stamp = (globalThis as unknown as Record<symbol, Stamp | undefined>)[STAMP_KEY];
  if (typeof raw !== "string" || !stamp) return "unknown";
  const [token, address] = raw.split(" ");
  return token === stamp.token && address ? address : "unknown";
}
