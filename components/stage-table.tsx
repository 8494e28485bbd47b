import { getTranslations } from "next-intl/server";
import { VILLAGE_STAGES } from "@/lib/stages";

/** Desa binaan counted by lifecycle stage, every stage shown even when zero. */
export async function StageTable({ counts, locale }: { counts: Partial<Record<string, number>>; /** given inside a cached section, which reads no cookie */ locale?: string }) {
  const t = locale ? await getTranslations({ locale, namespace: "stages" }) : await getTranslations("stages");
  return (
    <table className="w-full text-left text-sm">
      <tbody>
        {VILLAGE_STAGES.map((stage) => (
          <tr key={stage} className="border-b border-slate-100 last:border-0">
            <th scope="row" className="py-2 font-medium">
              {t(stage)}
            </th>
            <td className="py-2 text-right tabular-nums">{counts[stage] ?? 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
