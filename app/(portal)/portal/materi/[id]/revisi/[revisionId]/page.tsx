import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { formatDateTimeInZone, WIB } from "@/lib/dates";
import { renderMarkdown } from "@/lib/features/materials/markdown";
import { getMaterialRevision } from "@/lib/features/materials/queries";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";

export const metadata: Metadata = { title: "Revisi materi" };

export default async function MaterialRevisionPage({ params }: { params: Promise<{ id: string; revisionId: string }> }) {
  const user = await requireUser();
  const { id, revisionId } = await params;
  const revision = await orNotFound(getMaterialRevision(user, id, revisionId));
  const t = await getTranslations("materials");
  const locale = await getLocale();
  return (
    <div className="space-y-6">
      <p>
        <Link href={`/portal/materi/${id}`}>{t("backToMaterial")}</Link>
      </p>
      <h1 className="text-2xl font-bold">{t("revisionTitle", { date: formatDateTimeInZone(revision.createdAt, WIB, locale) })}</h1>
      <Card title={revision.title}>
        {revision.summary && <p className="mb-4 text-slate-700">{revision.summary}</p>}
        <div className="prose-material" dangerouslySetInnerHTML={{ __html: renderMarkdown(revision.body) }} />
        <details className="mt-6">
          <summary className="cursor-pointer font-semibold">Markdown</summary>
          <pre className="mt-2 overflow-x-auto whitespace-pre-wrap rounded bg-slate-100 p-3 text-sm">{revision.body}</pre>
        </details>
      </Card>
    </div>
  );
}
