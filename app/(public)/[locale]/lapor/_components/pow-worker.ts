import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";

/**
 * Solves one ALTCHA challenge off the main thread (Web Crypto's PBKDF2; no WebAssembly), so the
 * form stays responsive on a slow phone while the tipster types.
 */
self.onmessage = async (event: MessageEvent<Challenge>) => {
  try {
    const solution = await solveChallenge({ challenge: event.data, deriveKey, timeout: 180_000 });
    self.postMessage({ solution });
  } catch {
    self.postMessage({ solution: null });
  }
};
