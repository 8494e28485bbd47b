import { getTranslations } from "next-intl/server";
import type { RegionCoverage } from "@/lib/features/reports/queries";
import { coverageClass, MAP_HEIGHT, MAP_WIDTH, provinceShapes, provinceSprite, shapeId } from "@/lib/features/reports/map/province-map";
import { VILLAGE_STAGES } from "@/lib/stages";
import { DisclosureTable } from "@/components/ui/disclosure-table";

const CLASS_FILL = ["fill-slate-100", "fill-sky-200", "fill-sky-400", "fill-sky-600", "fill-sky-800"];

/** A regional choropleth of coverage, drawn on the server; the table below says the same. */
export async function CoverageMap({ coverage }: { coverage: RegionCoverage[] }) {
  const t = await getTranslations("dashboard");
  const tStage = await getTranslations("stages");
  const byCode = new Map(coverage.map((c) => [c.provinceCode, c]));
  const shapes = provinceShapes().map((s) => {
    const regions = s.codes.map((code) => byCode.get(code)).filter((c): c is RegionCoverage => Boolean(c));
    return { ...s, total: regions.reduce((n, r) => n + r.total, 0), names: regions.map((r) => r.name) };
  });
  const max = Math.max(0, ...shapes.map((s) => s.total));
  const bounds = [1, 2, 3, 4].map((k) => Math.ceil((max * k) / 4));
  const { href } = provinceSprite();
  return (
    <div className="space-y-3">
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="img" aria-label={t("mapLabel")} className="h-auto w-full" data-testid="coverage-map">
        {shapes.map((s) => (
          // The outlines come from the cached sprite; only the colour is this page's.
          <use
            key={s.codes.join("-")}
            href={`${href}#${shapeId(s)}`}
            data-province={s.codes.join(",")}
            className={`${CLASS_FILL[coverageClass(s.total, max)]} stroke-white`}
            strokeWidth={0.6}
          >
            <title>{`${s.names.join(", ") || s.codes.join(", ")}: ${s.total}`}</title>
          </use>
        ))}
      </svg>
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700" aria-hidden="true">
        <span className="font-medium">{t("mapLegend")}:</span>
        {CLASS_FILL.map((fill, i) => (
          <span key={fill} className="inline-flex items-center gap-1">
            <svg width="14" height="14">
              <rect width="14" height="14" className={`${fill} stroke-slate-300`} />
            </svg>
            {i === 0 ? t("mapNone") : `${i === 1 ? 1 : bounds[i - 2]! + 1}–${bounds[i - 1]}`}
          </span>
        ))}
      </div>
      <p className="text-xs text-slate-600">{t("mapNote")}</p>
      {coverage.length === 0 ? (
        <p className="text-sm">{t("noVillages")}</p>
      ) : (
        <DisclosureTable
          summary={t("mapTable")}
          withoutScript={t("tableNeedsScript")}
          numeric
          testId="coverage-table"
          columns={[t("provinceCol"), ...VILLAGE_STAGES.map((stage) => tStage(stage)), t("totalCol")]}
          rows={coverage.map((c) => [c.provinceCode, c.name, ...VILLAGE_STAGES.map((stage) => c.byStage[stage] ?? 0), c.total])}
        />
      )}
    </div>
  );
}
