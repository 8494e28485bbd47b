import { describe, expect, it } from "vitest";
import { whatsappQrSvg } from "@/lib/features/villages/qr";

describe("whatsappQrSvg", () => {
  it("draws an invite link as an SVG QR code", async () => {
    const svg = await whatsappQrSvg("https://chat.whatsapp.com/AbCdEfGhIjKlMnOp12");
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg).not.toMatch(/<script|on\w+=/i);
  });

  it("refuses to encode anything but an invite link", async () => {
    expect(await whatsappQrSvg("https://evil.test/AbCdEfGhIjKlMnOp12")).toBeNull();
    expect(await whatsappQrSvg('https://chat.whatsapp.com/AbCdEfGhIjKl"><script>')).toBeNull();
  });
});
