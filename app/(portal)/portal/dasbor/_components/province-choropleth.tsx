"use client";
import { MAP_HEIGHT, MAP_WIDTH } from "@/lib/features/reports/map/dimensions";

/** A province on the map: the key, its outline's id in the sprite, its fill class and its tooltip. */
export type ChoroplethShape = readonly [key: string, shapeId: string, fill: string, title: string];

/**
 * The coloured map itself: the outlines come from the cached sprite (`href`), only the colours and
 * tooltips are this page's. A client component without state, like FigureTable: the shapes cross
 * as compact arrays and the markup goes only into the HTML (docs/decisions/0014).
 */
export function ProvinceChoropleth({
  label,
  href,
  shapes,
  legendTitle,
  legend,
}: {
  label: string;
  href: string;
  shapes: readonly ChoroplethShape[];
  legendTitle: string;
  legend: readonly (readonly [fill: string, text: string])[];
}) {
  return (
    <>
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="img" aria-label={label} className="h-auto w-full" data-testid="coverage-map">
        {shapes.map(([key, shapeId, fill, title]) => (
          <use key={key} href={`${href}#${shapeId}`} data-province={key} className={`${fill} stroke-white`} strokeWidth={0.6}>
            <title>{title}</title>
          </use>
        ))}
      </svg>
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700" aria-hidden="true">
        <span className="font-medium">{legendTitle}:</span>
        {legend.map(([fill, text]) => (
          <span key={fill} className="inline-flex items-center gap-1">
            <svg width="14" height="14">
              <rect width="14" height="14" className={`${fill} stroke-slate-300`} />
            </svg>
            {text}
          </span>
        ))}
      </div>
    </>
  );
}
