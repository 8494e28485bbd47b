import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { formatDateTimeInZone, WIB } from "@/lib/dates";
import { renderMarkdown } from "@/lib/features/materials/markdown";
import { getMaterial } from "@/lib/features/materials/queries";
import { materialPath } from "@/lib/features/site/paths";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { EditMaterialForm } from "../_components/material-form";
import { MaterialFileForm, MaterialStatusButton, PublishRevisionButton, RemoveAttachmentButton } from "../_components/material-controls";

export const metadata: Metadata = { title: "Materi edukasi" };

export default async function MaterialEditPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const material = await orNotFound(getMaterial(user, (await params).id));
  const t = await getTranslations("materials");
  const locale = await getLocale();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm text-slate-600">
            {material.office?.name ?? t("national")} · {t(`categories.${material.category}`)} · {material.language}
          </p>
          <h1 className="text-2xl font-bold">{material.title}</h1>
          <p className="mt-1">
            <span className="rounded bg-slate-200 px-2 py-1 text-sm font-semibold" data-testid="material-status">
              {t(`status.${material.status}`)}
            </span>
            {material.status === "PUBLISHED" && (
              <>
                {" "}
                <a href={materialPath(material.language, material.slug)}>{t("viewPublic")}</a>
              </>
            )}
          </p>
        </div>
        {material.can.publish && (
          <MaterialStatusButton id={material.id} publish={material.status !== "PUBLISHED"} />
        )}
      </div>

      {material.revisions.some((r) => r.pending) && (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900" data-testid="material-pending">
          {t(material.can.publish ? "pendingForAdmin" : "pendingForOfficer")}
        </p>
      )}

      {material.can.edit ? (
        <Card>
          <EditMaterialForm
            values={{
              id: material.id,
              title: material.title,
              slug: material.slug,
              summary: material.summary ?? "",
              category: material.category,
              language: material.language,
              journeyStage: material.journeyStage ?? "",
              body: material.body,
            }}
          />
        </Card>
      ) : (
        <Card>
          <p className="mb-4 text-slate-700">{t("readOnly")}</p>
          <div className="prose-material" dangerouslySetInnerHTML={{ __html: renderMarkdown(material.body) }} />
        </Card>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("files")}>
          {material.coverFileId && (
            <figure className="mb-4">
              {/* eslint-disable-next-line @next/next/no-img-element -- a stored file, not a build asset */}
              <img src={`/portal/materi/${material.id}/berkas/${material.coverFileId}`} alt={t("currentCover")} className="max-h-40 rounded" />
            </figure>
          )}
          {material.audioFile && (
            <figure className="mb-4">
              <figcaption className="text-sm font-medium">{t("currentAudio")}</figcaption>
              <audio controls preload="none" src={`/portal/materi/${material.id}/berkas/${material.audioFile.id}`} className="mt-1 w-full" />
            </figure>
          )}
          <ul className="mb-4 space-y-1">
            {material.attachments.length === 0 && <li className="text-slate-600">{t("noAttachments")}</li>}
            {material.attachments.map((a) => (
              <li key={a.file.id} className="flex items-center justify-between gap-2">
                <a href={`/portal/materi/${material.id}/berkas/${a.file.id}`}>{a.title}</a>
                {material.can.edit && <RemoveAttachmentButton materialId={material.id} fileId={a.file.id} />}
              </li>
            ))}
          </ul>
          {material.can.edit && (
            <div className="space-y-6">
              <MaterialFileForm materialId={material.id} kind="cover" />
              <MaterialFileForm materialId={material.id} kind="attachment" />
              <MaterialFileForm materialId={material.id} kind="audio" />
            </div>
          )}
        </Card>
        <Card title={t("translations")}>
          {material.translations.length === 0 ? (
            <p className="text-slate-600">{t("noTranslations")}</p>
          ) : (
            <ul className="space-y-1">
              {material.translations.map((tr) => (
                <li key={tr.id}>
                  <Link href={`/portal/materi/${tr.id}`}>{tr.title}</Link> ({tr.language}, {t(`status.${tr.status}`)})
                </li>
              ))}
            </ul>
          )}
          {material.can.edit && material.translations.length === 0 && (
            <p className="mt-3">
              <Link href={`/portal/materi/baru?terjemahan=${material.id}`}>{t("addTranslation")}</Link>
            </p>
          )}
        </Card>
      </div>

      <Card title={t("revisions")}>
        <ol className="space-y-1" data-testid="material-revisions">
          {material.revisions.map((r) => {
            const date = formatDateTimeInZone(r.createdAt, WIB, locale);
            return (
              <li key={r.id}>
                <Link href={`/portal/materi/${material.id}/revisi/${r.id}`}>
                  {r.authorName ? t("revisionBy", { date, name: r.authorName }) : t("revisionUnknown", { date })}
                </Link>{" "}
                · {r.title}
                {r.pending && (
                  <>
                    {" "}
                    <span className="rounded bg-amber-100 px-2 py-0.5 text-sm font-semibold text-amber-900">{t("revisionPending")}</span>{" "}
                    {material.can.publish && <PublishRevisionButton materialId={material.id} revisionId={r.id} />}
                  </>
                )}
              </li>
            );
          })}
        </ol>
      </Card>
    </div>
  );
}
