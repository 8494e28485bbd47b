"use client";
import { formatNumber } from "@/lib/dates";

/**
 * A small bar chart as SVG. The SVG is labelled for screen readers as one image; the same
 * figures are in a table beside it. A client component without state, for the same reason as
 * FigureTable: its figures cross as a few arrays and its markup goes only into the HTML, where
 * a server component's elements travel twice (docs/decisions/0014). It needs no script to show.
 */
export type BarSeries = { label: string; className: string; values: number[] };

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { top: 12, right: 8, bottom: 28, left: 44 };

const round = (n: number) => Math.round(n * 10) / 10;

function niceMax(value: number): number {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s * 4 >= value) ?? magnitude * 10;
  return step * 4;
}

export function BarChart({ title, categories, series, locale }: { title: string; categories: string[]; series: BarSeries[]; locale: string }) {
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const band = plotW / Math.max(1, categories.length);
  const barW = Math.max(2, (band * 0.75) / series.length);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const ticks = [0, 1, 2, 3, 4].map((i) => (max / 4) * i);
  const labelEvery = Math.ceil(categories.length / 12);
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} className="h-auto w-full text-slate-600">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} className="stroke-slate-200" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" className="fill-current text-[11px]">
              {Number.isInteger(t) ? formatNumber(t, locale) : t.toFixed(1)}
            </text>
          </g>
        ))}
        {/* one path per series (its bars as subpaths) rather than a rect per bar: the same picture in a tenth of the elements */}
        {series.map((s, j) => (
          <path
            key={s.label}
            className={s.className}
            d={categories
              .map((_, i) => {
                const v = s.values[i] ?? 0;
                const x = PAD.left + i * band + band * 0.125 + j * barW;
                const h = Math.max(0, PAD.top + plotH - y(v));
                return h > 0 ? `M${round(x)} ${round(y(v))}h${round(barW)}v${round(h)}h${round(-barW)}z` : "";
              })
              .join("")}
          />
        ))}
        {categories.map((c, i) =>
          i % labelEvery === 0 ? (
            <text key={c} x={round(PAD.left + i * band + band / 2)} y={HEIGHT - 10} textAnchor="middle" className="fill-current text-[11px]">
              {c}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-sm text-slate-700">
        {series.map((s) => (
          <span key={s.label} className="inline-flex items-center gap-2">
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" className={s.className} />
            </svg>
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
