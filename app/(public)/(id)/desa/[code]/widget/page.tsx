import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/dates";
import { findVillageSessions } from "@/lib/features/open-data/queries";
import { villageCodeSchema } from "@/lib/features/open-data/schemas";
import { publicPath, villagePath } from "@/lib/features/site/paths";
import { findPublicVillage } from "@/lib/features/site/queries";
import { noBuildTimeParams } from "@/app/(public)/_components/locale";

export const revalidate = 300;
export const generateStaticParams = noBuildTimeParams;

type Params = Promise<{ code: string }>;

async function load(params: Params) {
  const parsed = villageCodeSchema.safeParse(decodeURIComponent((await params).code));
  if (!parsed.success) notFound();
  const village = await findPublicVillage(parsed.data);
  if (!village) notFound();
  return village;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const village = await load(params);
  const t = await getTranslations({ locale: "id", namespace: "public.widget" });
  return { title: { absolute: t("title", { village: village.name }) }, robots: { index: false }, alternates: { canonical: villagePath("id", village.code) } };
}

/**
 * /desa/<code>/widget: the box a village website shows in an iframe (issue 18): status, figures,
 * the latest public sessions and the guide. The only page that other sites may frame
 * (next.config.ts); counts and public session titles only, never a person. Links open in a new
 * tab, outside the frame. Cached like every public page (ADR 0008).
 */
export default async function VillageWidgetPage({ params }: { params: Params }) {
  const village = await load(params);
  const t = await getTranslations({ locale: "id", namespace: "public" });
  const sessions = await findVillageSessions(village.code);
  return (
    <main id="main" className="widget">
      <p>{t("widget.program")}</p>
      <h1>{village.name}</h1>
      <p>
        {village.district}, {village.regency}
      </p>
      <p>
        {t("widget.status")}: <strong data-testid="widget-stage">{t(`stages.${village.stage}`)}</strong>
      </p>
      <p>{t("widget.office", { office: village.officeName })}</p>
      <p>{t("widget.figures", { sessions: village.sessionsHeld, people: village.peopleReached })}</p>
      <h2>{t("widget.lastSessions")}</h2>
      {sessions.length === 0 ? (
        <p>{t("widget.noSessions")}</p>
      ) : (
        <ul>
          {sessions.map((s) => (
            <li key={`${s.date}-${s.title}`}>
              {formatDate(new Date(`${s.date}T00:00:00Z`), "id")} · {t(`eventTypes.${s.type}`)}: {s.title}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={publicPath("id", "/panduan")} target="_blank" rel="noopener">
          {t("widget.guide")}
        </a>
      </p>
      <p>
        <a href={villagePath("id", village.code)} target="_blank" rel="noopener">
          {t("widget.profile")}
        </a>
      </p>
    </main>
  );
}
