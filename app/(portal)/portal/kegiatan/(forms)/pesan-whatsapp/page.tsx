import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { getWhatsappTemplates } from "@/lib/features/whatsapp/queries";
import { PLACEHOLDERS, PLACEHOLDER_ALIASES, TEMPLATE_KINDS, TEMPLATE_LANGUAGES } from "@/lib/features/whatsapp/template";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { TemplateForm } from "./_components/template-form";

export const metadata: Metadata = { title: "Pesan WhatsApp" };

const englishName = (p: string) => Object.entries(PLACEHOLDER_ALIASES).find(([, v]) => v === p)?.[0];

/** The office's wording of the three WhatsApp messages, one language at a time (?bahasa=en). */
export default async function WhatsappTemplatesPage({ searchParams }: { searchParams: Promise<{ bahasa?: string }> }) {
  const user = await requireUser();
  const { bahasa } = await searchParams;
  const language = bahasa === "en" ? "EN" : "ID";
  const { office, templates, defaults } = await orNotFound(getWhatsappTemplates(user, user.officeId ?? "", language));
  const t = await getTranslations("whatsapp");
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("pageTitle")}</h1>
        <p className="text-slate-700">{office.name}</p>
        <p className="text-slate-800">{t("pageIntro")}</p>
        <nav aria-label={t("languageNav")} className="flex flex-wrap gap-4">
          {TEMPLATE_LANGUAGES.map((l) => (
            <Link
              key={l}
              href={l === "EN" ? "/portal/kegiatan/pesan-whatsapp?bahasa=en" : "/portal/kegiatan/pesan-whatsapp"}
              aria-current={l === language ? "page" : undefined}
              className="inline-flex min-h-11 items-center text-brand-800 underline aria-[current=page]:font-bold aria-[current=page]:no-underline"
            >
              {t(`languages.${l}`)}
            </Link>
          ))}
        </nav>
      </div>
      <Card title={t("placeholdersTitle")}>
        <p className="mb-2 text-sm text-slate-700">{t("placeholderHelp")}</p>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          {PLACEHOLDERS.map((p) => (
            <div key={p} className="contents">
              <dt className="font-mono">
                {`{${language === "EN" ? (englishName(p) ?? p) : p}}`}
              </dt>
              <dd className="mb-1 text-slate-800 sm:mb-0">{t(`placeholders.${p}`)}</dd>
            </div>
          ))}
        </dl>
      </Card>
      {TEMPLATE_KINDS.map((kind) => (
        <Card key={`${language}-${kind}`} title={t(`kinds.${kind}`)}>
          <TemplateForm officeId={office.id} kind={kind} language={language} body={templates[kind].body} custom={templates[kind].custom} defaultBody={defaults[kind]} />
        </Card>
      ))}
    </div>
  );
}
