"use client";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { CONTROL } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import type { PublicVillage } from "@/lib/features/warnings/public-tip";

const MIN_LENGTH = 3;

/**
 * The village of a tip, chosen from the 83,762 real ones by name or Kemendagri code: a WAI-ARIA
 * combobox (list autocomplete, manual selection) over GET /api/lapor/desa, debounced, stale
 * requests aborted, a polite live region with the count. The chosen code goes in `villageCode`.
 */
export function VillagePicker({ initial, error }: { initial: PublicVillage | null; error?: string }) {
  const t = useTranslations("tip.form");
  const id = useId();
  const [chosen, setChosen] = useState<PublicVillage | null>(initial);
  const [term, setTerm] = useState("");
  const [results, setResults] = useState<PublicVillage[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState("");
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const request = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const optionId = (i: number) => `${id}-option-${i}`;

  useEffect(() => () => request.current?.abort(), []);

  function search(text: string) {
    setTerm(text);
    if (timer.current) clearTimeout(timer.current);
    request.current?.abort();
    const q = text.trim();
    if (q.length < MIN_LENGTH) {
      setResults([]);
      setOpen(false);
      setAnnouncement("");
      return;
    }
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      request.current = controller;
      setBusy(true);
      try {
        const response = await fetch(`/api/lapor/desa?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        const body = (await response.json()) as { results?: PublicVillage[] };
        const found = body.results ?? [];
        setResults(found);
        setActive(-1);
        setOpen(document.activeElement === input.current);
        setAnnouncement(found.length ? t("villageCount", { count: found.length }) : t("villageNone", { q }));
      } catch (e) {
        if ((e as Error).name !== "AbortError") setAnnouncement(t("villageFailed"));
      } finally {
        if (request.current === controller) setBusy(false);
      }
    }, 250);
  }

  function choose(village: PublicVillage) {
    setChosen(village);
    setOpen(false);
    setResults([]);
    setTerm("");
    setAnnouncement(`${t("villageChosen")}: ${village.name}, ${village.district}, ${village.regency}, ${village.province}`);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.nativeEvent.isComposing) return;
    const count = results.length;
    if (e.key === "ArrowDown" && count) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % count);
    } else if (e.key === "ArrowUp" && count) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a <= 0 ? count - 1 : a - 1));
    } else if (e.key === "Enter") {
      // never submits the tip from the search field
      e.preventDefault();
      if (open && active >= 0) choose(results[active]!);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const expanded = open && results.length > 0;
  return (
    <div className="space-y-1">
      <input type="hidden" name="villageCode" value={chosen?.code ?? ""} />
      {chosen ? (
        <div className="space-y-2" role="group" aria-labelledby={`${id}-chosen-label`}>
          <p id={`${id}-chosen-label`} className="text-sm font-medium text-slate-900">
            {t("village")}
          </p>
          <p className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2" data-testid="chosen-village">
            <span className="block font-medium">{chosen.name}</span>
            <span className="block text-sm text-slate-700">
              {chosen.district}, {chosen.regency}, {chosen.province} · {chosen.code}
            </span>
          </p>
          <button
            type="button"
            className={buttonClass("secondary")}
            onClick={() => {
              setChosen(null);
              setTimeout(() => input.current?.focus(), 0);
            }}
          >
            {t("villageChange")}
          </button>
        </div>
      ) : (
        <>
          <label htmlFor={`${id}-q`} className="block text-sm font-medium text-slate-900">
            {t("village")}
          </label>
          <div className="relative">
            <input
              ref={input}
              id={`${id}-q`}
              type="text"
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={expanded}
              aria-controls={listId}
              aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
              aria-describedby={[hintId, error ? errorId : ""].filter(Boolean).join(" ")}
              aria-invalid={error ? true : undefined}
              aria-busy={busy || undefined}
              autoComplete="off"
              spellCheck={false}
              maxLength={60}
              value={term}
              onChange={(e) => search(e.target.value)}
              onKeyDown={onKeyDown}
              onBlur={() => setOpen(false)}
              onClick={() => results.length && setOpen(true)}
              className={CONTROL}
            />
            <ul
              id={listId}
              role="listbox"
              aria-label={t("villageList")}
              hidden={!expanded}
              onMouseDown={(e) => e.preventDefault()}
              className="absolute top-full left-0 z-20 mt-1 max-h-[min(24rem,55vh)] w-full overflow-y-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg"
            >
              {results.map((v, i) => (
                <li
                  key={v.code}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  onClick={() => choose(v)}
                  className={cn("min-h-11 cursor-pointer px-3 py-2", i === active && "bg-brand-50 outline-2 -outline-offset-2 outline-brand-700")}
                >
                  <span className="block font-medium">{v.name}</span>
                  <span className="sr-only">, </span>
                  <span className="block text-sm text-slate-700">
                    {v.district}, {v.regency}, {v.province} · {v.code}
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <p id={hintId} className="text-sm text-slate-600">
            {busy ? t("villageSearching") : t("villageHint")}
          </p>
        </>
      )}
      {error && (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
