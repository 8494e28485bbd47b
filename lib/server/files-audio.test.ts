import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { prepareUpload, sniffType, storedFileResponse } from "@/lib/server/files";

// The demo's synthetic recording (espeak-ng + opusenc, lib/seed/data/audio/README.md).
const OPUS = new Uint8Array(readFileSync("lib/seed/data/audio/bekerja-ke-luar-negeri-secara-prosedural.opus"));

async function outcome(promise: Promise<unknown>, field = "file") {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return (error as { fieldErrors?: Record<string, string> }).fieldErrors?.[field] ?? String(error);
  }
}

describe("audio uploads (issue 18)", () => {
  it("recognise Ogg, MP3 and M4A by their bytes", () => {
    expect(sniffType(OPUS)).toBe("audio/ogg");
    expect(sniffType(new TextEncoder().encode("ID3\u0004\u0000"))).toBe("audio/mpeg");
    expect(sniffType(Uint8Array.from([0xff, 0xfb, 0x90, 0x64]))).toBe("audio/mpeg");
    expect(sniffType(Uint8Array.from([0, 0, 0, 0x20, ...new TextEncoder().encode("ftypM4A ")]))).toBe("audio/mp4");
  });

  it("accept a real recording with its duration, as sent", async () => {
    const prepared = await prepareUpload("audio", { data: OPUS, name: "rekaman.opus" }, "file");
    expect(prepared).toMatchObject({ mimeType: "audio/ogg", byteSize: OPUS.byteLength, fileName: "rekaman.opus" });
    expect(prepared.durationMs).toBeGreaterThan(20_000);
    expect(prepared.durationMs).toBeLessThan(120_000);
  });

  it("refuse what only starts like audio, a PDF named .mp3, a truncated file and an oversized one", async () => {
    const fakeOgg = Uint8Array.from([...new TextEncoder().encode("OggS"), ...new Uint8Array(2048).fill(7)]);
    expect(await outcome(prepareUpload("audio", { data: fakeOgg, name: "a.ogg" }, "file"))).toBe("validation.audioType");
    expect(await outcome(prepareUpload("audio", { data: new TextEncoder().encode("%PDF-1.7 ..."), name: "a.mp3" }, "file"))).toBe("validation.audioType");
    expect(await outcome(prepareUpload("audio", { data: OPUS.slice(0, 200), name: "a.opus" }, "file"))).toBe("validation.audioType");
    expect(await outcome(prepareUpload("audio", { data: new Uint8Array(8 * 1024 * 1024 + 1), name: "a.mp3" }, "file"))).toBe("validation.audioTooLarge");
  });

  it("serve a byte range, so that a player can seek", async () => {
    const file = { data: OPUS, mimeType: "audio/ogg", fileName: "a.opus", sha256: "x" };
    const part = storedFileResponse(new Request("http://x/berkas/1", { headers: { range: "bytes=100-199" } }), file, "public");
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${OPUS.byteLength}`);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(OPUS.slice(100, 200));
    const tail = storedFileResponse(new Request("http://x/berkas/1", { headers: { range: "bytes=-10" } }), file, "public");
    expect((await tail.arrayBuffer()).byteLength).toBe(10);
    const beyond = storedFileResponse(new Request("http://x/berkas/1", { headers: { range: `bytes=${OPUS.byteLength}-` } }), file, "public");
    expect(beyond.status).toBe(416);
    const whole = storedFileResponse(new Request("http://x/berkas/1"), file, "public");
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
  });
});
