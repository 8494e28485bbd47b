import { spawn } from "node:child_process";
import net from "node:net";
import { describe, expect, it } from "vitest";

/**
 * `npm start` never shares a port with a program that already listens there: `next start`
 * would fail to bind while the readiness check took the stranger's answer for the portal's (the
 * e2e suite once ran 52 specs against another checkout's server that way).
 */
function runStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

describe("npm start", () => {
  it("refuses an explicit PORT that another program listens on, before touching any database", async () => {
    const stranger = net.createServer((socket) => socket.end("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
    await new Promise<void>((resolve) => stranger.listen(0, "127.0.0.1", resolve));
    const port = (stranger.address() as net.AddressInfo).port;
    try {
      const { code, output } = await runStart({
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        // unreachable on purpose: the port is checked first, so this is never reached
        DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none",
        AUTH_SECRET: "x".repeat(40),
      });
      expect(code).toBe(1);
      expect(output).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(output).not.toContain("Portal ready");
    } finally {
      stranger.close();
    }
  }, 60_000);
});
