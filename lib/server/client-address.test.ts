import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddressFrom, installClientAddressStamp, resolveClientAddress } from "@/lib/server/client-address";

// Issue 14, item 2: the limits believed any X-Forwarded-For a client sent.
describe("resolveClientAddress", () => {
  it("ignores X-Forwarded-For without a configured proxy", () => {
    expect(resolveClientAddress({ forwardedFor: "203.0.113.9", socketAddress: "::ffff:10.0.0.5", trustedProxies: 0 })).toBe("10.0.0.5");
  });

  it("takes the entry left of our own proxies, never a client-chosen one further left", () => {
    // the client forged "1.1.1.1"; our one proxy appended the real client 198.51.100.4
    const forwardedFor = "1.1.1.1, 198.51.100.4";
    expect(resolveClientAddress({ forwardedFor, socketAddress: "10.0.0.2", trustedProxies: 1 })).toBe("198.51.100.4");
    expect(resolveClientAddress({ forwardedFor: "1.1.1.1, 198.51.100.4, 10.0.0.3", socketAddress: "10.0.0.2", trustedProxies: 2 })).toBe("198.51.100.4");
  });

  it("falls back to the leftmost entry when the chain is shorter than the configured proxies", () => {
    expect(resolveClientAddress({ forwardedFor: undefined, socketAddress: "10.0.0.2", trustedProxies: 3 })).toBe("10.0.0.2");
  });

  it("drops values that are not addresses", () => {
    expect(resolveClientAddress({ forwardedFor: "<script>, 203.0.113.1", socketAddress: "10.0.0.2", trustedProxies: 1 })).toBe("203.0.113.1");
  });
});

describe("the request stamp", () => {
  it("gives a handler the TCP peer, whatever X-Forwarded-For and stamp header a client sends", async () => {
    class Server extends http.Server {}
    installClientAddressStamp(Server, 0);
    const seen: string[] = [];
    const server = new Server((req, res) => {
      seen.push(clientAddressFrom(req.headers as Record<string, unknown>));
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    for (let i = 0; i < 3; i++) {
      await fetch(`http://127.0.0.1:${port}/`, {
        headers: { "x-forwarded-for": `203.0.113.${i}`, "x-portal-client-address": `forged 203.0.113.${i}` },
      });
    }
    await new Promise((r) => server.close(r));
    expect(seen).toEqual(["127.0.0.1", "127.0.0.1", "127.0.0.1"]);
  });

  it("reads an unstamped or forged header as unknown", () => {
    expect(clientAddressFrom(new Headers({ "x-portal-client-address": "forged 203.0.113.5" }))).toBe("unknown");
    expect(clientAddressFrom(new Headers())).toBe("unknown");
  });
});
