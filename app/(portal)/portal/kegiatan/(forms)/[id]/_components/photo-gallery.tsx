import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { deleteEventPhotoAction } from "@/lib/features/events/actions";
import { ActionButton } from "./action-button";

/** The outcomes the upload route reports back (?foto=...), each a message under events.photoResult. */
export const PHOTO_RESULTS = ["ok", "photoTooBig", "photoType", "photoTooMany", "required", "NOT_FOUND", "FORBIDDEN"] as const;
export type PhotoResult = (typeof PHOTO_RESULTS)[number];
export const isPhotoResult = (value: string | undefined): value is PhotoResult => (PHOTO_RESULTS as readonly string[]).includes(value ?? "");

type Photo = { id: string; caption: string | null; file: { width: number | null; height: number | null } };

/** The session's photos, and for its editors a plain upload form (works without JavaScript) and a remove button each. */
export async function PhotoGallery({ eventId, photos, canEdit, result }: { eventId: string; photos: Photo[]; canEdit: boolean; result: PhotoResult | null }) {
  const t = await getTranslations("events");
  return (
    <Card title={t("photosTitle")}>
      <div id="foto" />
      {result && <Alert tone={result === "ok" ? "success" : "error"}>{t(`photoResult.${result}`)}</Alert>}
      {photos.length === 0 && <p>{t("noPhotos")}</p>}
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {photos.map((p) => (
          <li key={p.id} className="space-y-1">
            {/* eslint-disable-next-line @next/next/no-img-element -- served from the database through a permission-checked route */}
            <img
              src={`/api/kegiatan/${eventId}/foto/${p.id}`}
              alt={p.caption ?? t("photoAlt")}
              width={p.file.width ?? undefined}
              height={p.file.height ?? undefined}
              loading="lazy"
              className="h-auto w-full rounded"
            />
            {p.caption && <p className="text-xs">{p.caption}</p>}
            {canEdit && <ActionButton action={deleteEventPhotoAction} input={{ eventId, photoId: p.id }} label={t("remove")} variant="ghost" confirm={t("removePhotoConfirm")} />}
          </li>
        ))}
      </ul>
      {canEdit && (
        <form method="post" action={`/api/kegiatan/${eventId}/foto`} encType="multipart/form-data" className="mt-4 grid gap-3 sm:grid-cols-3 sm:items-end">
          <div className="space-y-1">
            <label htmlFor="photo-file" className="block text-sm font-medium">
              {t("photoFile")}
            </label>
            <input id="photo-file" name="photo" type="file" accept="image/jpeg,image/png,image/webp" required className="block w-full text-sm" aria-describedby="photo-hint" />
            <p id="photo-hint" className="text-xs text-slate-600">
              {t("photoHint")}
            </p>
          </div>
          <div className="space-y-1">
            <label htmlFor="photo-caption" className="block text-sm font-medium">
              {t("photoCaption")}
            </label>
            <input id="photo-caption" name="caption" maxLength={200} className="block min-h-11 w-full rounded-md border border-slate-400 px-3" />
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            {t("uploadPhoto")}
          </button>
        </form>
      )}
    </Card>
  );
}
