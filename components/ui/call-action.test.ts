import { describe, expect, it } from "vitest";
import { callAction } from "@/components/ui/call-action";

// Issue 14, item 9: a server action whose body was over the limit rejected, and the form showed nothing.
describe("callAction", () => {
  it("turns a rejected call into a failure with the given message", async () => {
    const tooBig = () => Promise.reject(new Error("Body exceeded 11mb limit"));
    expect(await callAction(tooBig, {}, "Data tidak terkirim.")).toEqual({ ok: false, error: "Data tidak terkirim." });
  });
  it("passes the action's own answer through", async () => {
    expect(await callAction(async (n: number) => ({ ok: true as const, data: n * 2 }), 2, "x")).toEqual({ ok: true, data: 4 });
  });
});
