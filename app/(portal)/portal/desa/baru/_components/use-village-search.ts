"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { VillageSearchResult } from "@/lib/features/villages/search";

const DEBOUNCE_MS = 250;
const CACHE_SIZE = 50;

export type SearchOutcome = { term: string; results: VillageSearchResult[] } | { term: string; error: "failed" | "signedOut" };

/**
 * Asking GET /api/desa/cari while someone types: `schedule` waits 250 ms of quiet, `now` asks at
 * once; a newer question aborts the one in flight, answers are remembered (50 terms), and
 * `cancel` drops whatever is pending. Each answer (or failure) goes to `onOutcome`; `onAsk` runs
 * when a request really goes out (to open a "searching" popup).
 */
export function useVillageSearch({ onOutcome, onAsk }: { onOutcome: (outcome: SearchOutcome) => void; onAsk: () => void }) {
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const inFlight = useRef<AbortController>(undefined);
  const cache = useRef(new Map<string, VillageSearchResult[]>());
  // the latest callbacks, without restarting anything when the component re-renders
  const handlers = useRef({ onOutcome, onAsk });
  useEffect(() => {
    handlers.current = { onOutcome, onAsk };
  });

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      inFlight.current?.abort();
    },
    [],
  );

  const now = useCallback(async (term: string) => {
    inFlight.current?.abort();
    const key = term.toLocaleLowerCase("id");
    const cached = cache.current.get(key);
    if (cached) {
      setLoading(false);
      handlers.current.onOutcome({ term, results: cached });
      return;
    }
    const controller = new AbortController();
    inFlight.current = controller;
    setLoading(true);
    handlers.current.onAsk();
    try {
      const response = await fetch(`/api/desa/cari?q=${encodeURIComponent(term)}`, {
        signal: controller.signal,
        headers: { accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) throw Object.assign(new Error(`${response.status}`), { status: response.status });
      const body = (await response.json()) as { results: VillageSearchResult[] };
      if (controller.signal.aborted) return;
      cache.current.set(key, body.results);
      if (cache.current.size > CACHE_SIZE) cache.current.delete(cache.current.keys().next().value!);
      handlers.current.onOutcome({ term, results: body.results });
    } catch (error) {
      if (controller.signal.aborted) return;
      handlers.current.onOutcome({ term, error: (error as { status?: number }).status === 401 ? "signedOut" : "failed" });
    } finally {
      if (inFlight.current === controller) {
        inFlight.current = undefined;
        setLoading(false);
      }
    }
  }, []);

  const schedule = useCallback(
    (term: string) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void now(term), DEBOUNCE_MS);
    },
    [now],
  );

  const cancel = useCallback(() => {
    clearTimeout(timer.current);
    inFlight.current?.abort();
    setLoading(false);
  }, []);

  return { loading, now, schedule, cancel };
}
