import { getTranslations } from "next-intl/server";
import { villageCodeSchema } from "@/lib/features/open-data/schemas";
import { siteUrl, villagePath } from "@/lib/features/site/paths";
import { findPublicVillage } from "@/lib/features/site/queries";
import { badgeSvg } from "@/lib/features/open-data/badge";

// Counts move when a session is reported: five minutes, as the public pages (ADR 0008).
export const revalidate = 300;

/**
 * /desa/<code>/lencana.svg: a badge for village websites (issue 18), "Desa Binaan Imigrasi |
 * <stage>", linking to the village profile. May be framed or embedded anywhere (next.config.ts).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const parsed = villageCodeSchema.safeParse(decodeURIComponent((await params).code));
  const village = parsed.success ? await findPublicVillage(parsed.data) : null;
  if (!village) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const t = await getTranslations({ locale: "id", namespace: "public" });
  const stage = t(`stages.${village.stage}`);
  const svg = badgeSvg({
    label: t("widget.program"),
    value: stage,
    title: t("widget.badgeAlt", { village: village.name, stage }),
    href: siteUrl(villagePath("id", village.code)),
    tone: village.stage === "INACTIVE" ? "muted" : "active",
  });
  return new Response(svg, {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=300, stale-while-revalidate=600" },
  });
}
