import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { attendanceCountsSchema } from "@/lib/features/events/schemas";
import { proxy } from "@/proxy";

const id = "00000000-0000-4000-8000-000000000001";

// Issue 14, item 9: failures that answered 500 or nothing instead of a message.
describe("two rows of the same category in the counts form", () => {
  it("are refused by the schema with a message key, before the unique index can throw", () => {
    const result = attendanceCountsSchema.safeParse({
      eventId: id,
      rows: [
        { category: "LURAH", male: 1, female: 0, unknown: 0 },
        { category: "LURAH", male: 2, female: 0, unknown: 0 },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["rows", 1, "category"], message: "validation.duplicateCategory" });
  });
});

describe("a server action posted from another origin", () => {
  it("is answered 403 with a message, not 500", async () => {
    const request = new NextRequest("http://127.0.0.1:3314/portal/kegiatan", {
      method: "POST",
      headers: { host: "127.0.0.1:3314", origin: "http://127.0.0.1:59999", "next-action": "abc123", "sec-fetch-site": "same-site" },
      body: "[]",
    });
    const response = await proxy(request);
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/ditolak|refused/);
  });

  it("from the portal itself goes on to Next", async () => {
    const request = new NextRequest("http://127.0.0.1:3314/portal/kegiatan", {
      method: "POST",
      headers: { host: "127.0.0.1:3314", origin: "http://127.0.0.1:3314", "next-action": "abc123", "sec-fetch-site": "same-origin", cookie: "next-auth.session-token=x" },
      body: "[]",
    });
    const response = await proxy(request);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("a path with a broken percent-encoding", () => {
  it("is sent to the 404 page instead of failing Next's decoding with a 500", async () => {
    const { withoutMalformedPath, MALFORMED_PATH } = await import("@/lib/server/client-address");
    expect(withoutMalformedPath("/materi/%ff%fe")).toBe(MALFORMED_PATH);
    expect(withoutMalformedPath("/%E0%A4%A?x=1")).toBe(MALFORMED_PATH);
    expect(withoutMalformedPath("/materi/cari?q=%ff")).toBe("/materi/cari?q=%ff");
    expect(withoutMalformedPath("/materi/sa%C3%BCl")).toBe("/materi/sa%C3%BCl");
  });
});
