"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useSyncExternalStore, useTransition, type KeyboardEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { CONTROL } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import type { VillageSearchResult } from "@/lib/features/villages/search";
import { SEARCH_MAX_LENGTH, SEARCH_MIN_LENGTH } from "@/lib/features/villages/schemas";
import { withoutControlCharacters } from "@/lib/text";
import { useVillageSearch, type SearchOutcome } from "./use-village-search";

/** The endpoint returns at most this many: more may exist. */
const RESULT_LIMIT = 20;

/** What the endpoint is asked: as its schema reads it. */
const normalise = (text: string) => withoutControlCharacters(text).trim();

const noSubscription = () => () => {};

const selectable = (r: VillageSearchResult) => r.adoption?.by === "own" || (!r.adoption && r.inWorkArea);

type Outcome = SearchOutcome;

/**
 * The registration search: a plain GET form (q) that works without script, which this
 * component renders and then enhances into a WAI-ARIA combobox with a listbox popup (list
 * autocomplete, manual selection): results from GET /api/desa/cari while typing (debounced,
 * stale requests aborted), arrows to move, Enter to choose, Escape to close, a polite live
 * region with the count. Enter with no option active submits the form as before.
 */
export function VillageSearch({ defaultValue }: { defaultValue: string }) {
  const t = useTranslations("villages");
  const tv = useTranslations("validation");
  const router = useRouter();
  const [navigating, startNavigation] = useTransition();
  const id = useId();
  const inputId = `${id}-q`;
  const hintId = `${id}-hint`;
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;

  // Enhance only in the browser: the server's HTML (and the hydration pass) is the plain form,
  // so nothing claims to be a combobox until the script that makes it one runs.
  const enhanced = useSyncExternalStore(noSubscription, () => true, () => false);
  const [value, setValue] = useState(defaultValue);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState("");

  const input = useRef<HTMLInputElement>(null);
  /** An answer arriving after the user has left the field must not pop up over the page. */
  const focused = () => document.activeElement === input.current;

  const results = outcome && "results" in outcome ? outcome.results : [];
  const expanded = open && results.length > 0;

  useEffect(() => {
    if (expanded && active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
    // optionId depends on id only, which never changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [expanded, active]);

  /** A fresh outcome opens the popup: the options, or why there are none. */
  function show(next: Outcome) {
    setOutcome(next);
    setActive(-1);
    setOpen(focused());
    if ("error" in next) {
      setAnnouncement(t(`combobox.${next.error}`));
      return;
    }
    setAnnouncement(
      next.results.length === 0
        ? t("noResults", { q: next.term })
        : next.results.length >= RESULT_LIMIT
          ? t("combobox.countCapped", { count: next.results.length })
          : t("combobox.count", { count: next.results.length }),
    );
  }

  const { loading, now, schedule, cancel } = useVillageSearch({ onOutcome: show, onAsk: () => setOpen(focused()) });

  function onInput(next: string) {
    setValue(next);
    const term = normalise(next);
    if (term.length < SEARCH_MIN_LENGTH) {
      cancel();
      setOutcome(null);
      setOpen(false);
      setActive(-1);
      setAnnouncement("");
      return;
    }
    schedule(term);
  }

  function choose(r: VillageSearchResult) {
    if (!selectable(r)) {
      const reason = r.adoption ? t("adoptedByOther") : t("outsideWorkArea");
      setAnnouncement(t("combobox.notSelectable", { village: r.name, reason }));
      return;
    }
    setOpen(false);
    const term = outcome?.term ?? normalise(value);
    const href =
      r.adoption?.by === "own"
        ? `/portal/desa/${r.adoption.id}`
        : `/portal/desa/baru?q=${encodeURIComponent(term)}&kode=${encodeURIComponent(r.code)}`;
    startNavigation(() => router.push(href));
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.nativeEvent.isComposing) return;
    const count = results.length;
    switch (e.key) {
      case "ArrowDown":
        if (count === 0) {
          // A field filled before the script ran (the plain form's ?q=): ask now.
          const term = normalise(value);
          if (!outcome && !loading && term.length >= SEARCH_MIN_LENGTH) {
            e.preventDefault();
            void now(term);
          }
          return;
        }
        e.preventDefault();
        if (!expanded) {
          setOpen(true);
          setActive(e.altKey ? -1 : 0);
        } else if (!e.altKey) setActive((a) => (a + 1) % count);
        return;
      case "ArrowUp":
        if (count === 0) return;
        e.preventDefault();
        if (e.altKey) {
          setOpen(false);
          setActive(-1);
        } else if (!expanded) {
          setOpen(true);
          setActive(count - 1);
        } else setActive((a) => (a <= 0 ? count - 1 : a - 1));
        return;
      case "Enter":
        // No option active: the form submits and the page lists the results, as without script.
        if (expanded && active >= 0) {
          e.preventDefault();
          choose(results[active]!);
        }
        return;
      case "Escape":
        if (open) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (value) {
          e.preventDefault();
          onInput("");
        }
        return;
    }
  }

  const status = (r: VillageSearchResult) =>
    r.adoption?.by === "own" ? t("adoptedByOwn") : r.adoption ? t("adoptedByOther") : !r.inWorkArea ? t("outsideWorkArea") : null;

  return (
    <form method="get" action="/portal/desa/baru" role="search" className="flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1 space-y-1">
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-900">
          {t("search")}
        </label>
        <div className="relative">
          <input
            ref={input}
            id={inputId}
            name="q"
            type="search"
            value={value}
            onChange={(e) => onInput(e.target.value)}
            minLength={SEARCH_MIN_LENGTH}
            maxLength={SEARCH_MAX_LENGTH}
            required
            autoComplete="off"
            spellCheck={false}
            aria-describedby={hintId}
            className={CONTROL}
            {...(enhanced
              ? {
                  role: "combobox",
                  "aria-autocomplete": "list" as const,
                  "aria-expanded": expanded,
                  "aria-controls": listId,
                  "aria-activedescendant": expanded && active >= 0 ? optionId(active) : undefined,
                  "aria-busy": loading || navigating || undefined,
                  onKeyDown,
                  onBlur: () => setOpen(false),
                  // Touch: tapping back into the field shows the last results again.
                  onClick: () => outcome && setOpen(true),
                }
              : {})}
          />
          {enhanced && (
            <div className={cn("absolute top-full left-0 z-20 mt-1 w-[min(calc(100vw-4rem),32rem)] min-w-full", !open && "hidden")}>
              <ul
                id={listId}
                role="listbox"
                aria-label={t("combobox.listLabel")}
                hidden={!expanded}
                // Keep the focus in the field while an option is pressed (mouse and touch).
                onMouseDown={(e) => e.preventDefault()}
                className="max-h-[min(24rem,55vh)] overflow-y-auto overscroll-contain rounded-md border border-slate-300 bg-white py-1 shadow-lg"
              >
                {results.map((r, i) => {
                  const note = status(r);
                  return (
                    <li
                      key={r.code}
                      id={optionId(i)}
                      role="option"
                      aria-selected={i === active}
                      aria-disabled={!selectable(r) || undefined}
                      onClick={() => choose(r)}
                      onMouseMove={() => i !== active && setActive(i)}
                      className={cn(
                        "min-h-11 cursor-pointer px-3 py-2 text-slate-900",
                        i === active && "bg-brand-50 outline-2 -outline-offset-2 outline-brand-700",
                        !selectable(r) && "cursor-default",
                      )}
                    >
                      <span className={cn("block font-medium", !selectable(r) && "text-slate-700")}>{r.name}</span>
                      <span className="sr-only">, </span>
                      <span className="block text-sm text-slate-600">
                        {r.district}, {r.regency}, {r.province}
                      </span>
                      {note && (
                        <>
                          <span className="sr-only">, </span>
                          <span className={cn("block text-sm", selectable(r) ? "text-brand-800" : "text-slate-700")}>{note}</span>
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
              {!expanded && (loading || outcome) && (
                <p className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-700 shadow-lg">
                  {loading
                    ? t("combobox.searching")
                    : outcome && "error" in outcome
                      ? t(`combobox.${outcome.error}`)
                      : t("noResults", { q: outcome!.term })}
                </p>
              )}
            </div>
          )}
        </div>
        <p id={hintId} className="text-sm text-slate-600">
          {tv("searchTooShort")}
        </p>
        <p role="status" className="sr-only">
          {announcement}
        </p>
      </div>
      <button type="submit" className={buttonClass("primary", "mb-7")}>
        {t("searchButton")}
      </button>
    </form>
  );
}
