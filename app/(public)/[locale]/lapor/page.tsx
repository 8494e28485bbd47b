import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { pageAlternates, publicPath } from "@/lib/features/site/paths";
import { findPublicVillage } from "@/lib/features/warnings/public-tip";
import { WARNING_CATEGORIES } from "@/lib/features/warnings/schemas";
import { newChallenge, TIP_POW } from "@/lib/server/proof-of-work";
import { localeFrom, type LocaleParams } from "@/app/(public)/_components/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";
import { TipForm } from "./_components/tip-form";

// A form with a fresh challenge and maybe a chosen village: rendered per request, never cached
// (docs/decisions/0023); the rest of the public site stays cached (0008).
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const locale = await localeFrom(params);
  const form = await getTranslations({ locale, namespace: "tip.form" });
  return {
    title: form("title"),
    description: form("metaDescription"),
    alternates: pageAlternates(publicPath(locale, "/lapor"), { id: "/lapor", en: "/en/lapor" }),
  };
}

/** The calendar day in a UTC offset, as a date input reads it. */
const dayAt = (offsetHours: number) => new Date(Date.now() + offsetHours * 3_600_000).toISOString().slice(0, 10);

export default async function TipPage({ params, searchParams }: { params: LocaleParams; searchParams: Promise<{ desa?: string | string[] }> }) {
  const locale = await localeFrom(params);
  const raw = (await searchParams).desa;
  const [village, challenge, t, tw] = await Promise.all([
    findPublicVillage(Array.isArray(raw) ? raw[0] : raw),
    newChallenge(TIP_POW),
    getTranslations({ locale, namespace: "tip" }),
    getTranslations({ locale, namespace: "warning" }),
  ]);
  const query = village ? `?desa=${village.code}` : "";
  return (
    <PublicShell locale={locale} alternate={`${publicPath(locale === "id" ? "en" : "id", "/lapor")}${query}`}>
      <div className="mx-auto max-w-2xl space-y-4 px-4 py-8">
        <h1 className="text-3xl font-bold">{t("form.title")}</h1>
        <p>{t("form.lead")}</p>
        <p className="font-medium">{t("form.emergency")}</p>
        <noscript>
          <p className="rounded-md border border-red-700 bg-red-50 p-3">{t("form.noScript")}</p>
        </noscript>
        <ClientMessages group="tips" locale={locale}>
          <TipForm
            locale={locale}
            challenge={challenge}
            village={village}
            categories={WARNING_CATEGORIES.map((value) => ({ value, label: tw(`category.${value}`) }))}
            // the latest day anywhere in Indonesia (WIT) is the latest the server accepts; WIB's is the likely default
            today={dayAt(7)}
            maxDay={dayAt(9)}
            trackHref={publicPath(locale, "/lapor/lacak")}
          />
        </ClientMessages>
        <p>
          <a href={publicPath(locale, "/lapor/lacak")}>{t("track.title")}</a>
        </p>
      </div>
    </PublicShell>
  );
}
