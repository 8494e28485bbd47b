import { getTranslations } from "next-intl/server";
import type { RegionCoverage } from "@/lib/features/reports/dashboard";
import { coverageClass, provinceShapes, provinceSprite, shapeId } from "@/lib/features/reports/map/province-map";
import { ProvinceChoropleth } from "./province-choropleth";
import { VILLAGE_STAGES } from "@/lib/stages";
import { DisclosureTable } from "@/components/ui/disclosure-table";

const CLASS_FILL = ["fill-slate-100", "fill-sky-200", "fill-sky-400", "fill-sky-600", "fill-sky-800"];

/** A regional choropleth of coverage, projected on the server; the table below says the same. */
export async function CoverageMap({ coverage, locale }: { coverage: RegionCoverage[]; locale: string }) {
  const t = await getTranslations({ locale, namespace: "dashboard" });
  const tStage = await getTranslations({ locale, namespace: "stages" });
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
      <ProvinceChoropleth
        label={t("mapLabel")}
        href={href}
        shapes={shapes.map((s) => [s.codes.join(","), shapeId(s), CLASS_FILL[coverageClass(s.total, max)]!, `${s.names.join(", ") || s.codes.join(", ")}: ${s.total}`] as const)}
        legendTitle={t("mapLegend")}
        legend={CLASS_FILL.map((fill, i) => [fill, i === 0 ? t("mapNone") : `${i === 1 ? 1 : bounds[i - 2]! + 1}–${bounds[i - 1]}`] as const)}
      />
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
