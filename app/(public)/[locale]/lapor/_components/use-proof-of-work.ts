"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Challenge, Solution } from "altcha-lib";

export type PowState = "working" | "done" | "failed";

/** The payload the server checks (lib/server/proof-of-work.ts): base64 of { challenge, solution }. */
const encode = (challenge: Challenge, solution: Solution) =>
  btoa(JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution }));

async function solve(challenge: Challenge): Promise<Solution | null> {
  if (typeof Worker !== "undefined") {
    try {
      const worker = new Worker(new URL("./pow-worker.ts", import.meta.url), { type: "module" });
      const outcome = await new Promise<{ solution: Solution | null } | "failed">((resolve) => {
        worker.onmessage = (e: MessageEvent<{ solution: Solution | null }>) => resolve(e.data);
        worker.onerror = () => resolve("failed");
        worker.postMessage(challenge);
      }).finally(() => worker.terminate());
      if (outcome !== "failed") return outcome.solution;
    } catch {
      // no worker here (an old browser, a policy): solved on the page below
    }
  }
  // on the page: it yields between attempts, so the form stays usable
  const [{ solveChallenge }, { deriveKey }] = await Promise.all([import("altcha-lib"), import("altcha-lib/algorithms/web/pbkdf2")]);
  return solveChallenge({ challenge, deriveKey, timeout: 180_000 });
}

/**
 * Solves the page's challenge as soon as the form is shown (while the tipster writes), and a
 * fresh one from GET /api/lapor/tantangan when it expired or was refused. `payload()` waits for
 * the solution.
 */
export function useProofOfWork(initial: Challenge) {
  const [state, setState] = useState<PowState>("working");
  const pending = useRef<Promise<string | null> | null>(null);
  const expiresAt = useRef(0);

  const run = useCallback((challenge: Challenge | null) => {
    pending.current = (async () => {
      try {
        const next = challenge ?? ((await (await fetch("/api/lapor/tantangan", { cache: "no-store" })).json()) as Challenge);
        expiresAt.current = (next.parameters.expiresAt ?? 0) * 1000;
        const solution = await solve(next);
        setState(solution ? "done" : "failed");
        return solution ? encode(next, solution) : null;
      } catch {
        setState("failed");
        return null;
      }
    })();
  }, []);

  // state starts as "working"; run() only reports the outcome
  useEffect(() => run(initial), [initial, run]);

  const start = useCallback(
    (challenge: Challenge | null) => {
      setState("working");
      run(challenge);
    },
    [run],
  );

  /** The solved payload, solving a new challenge first when this one is about to expire. */
  const payload = useCallback(async () => {
    if (expiresAt.current && expiresAt.current - Date.now() < 60_000) start(null);
    return pending.current ? pending.current : null;
  }, [start]);

  return { state, payload, renew: () => start(null) };
}
