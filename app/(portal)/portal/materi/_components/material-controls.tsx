"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/ui/call-action";
import { MAX_AUDIO_BYTES, MAX_IMAGE_BYTES, MAX_PDF_BYTES } from "@/lib/features/materials/schemas";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import {
  removeAttachmentAction,
  setMaterialStatusAction,
  uploadMaterialFileAction,
  publishRevisionAction,
} from "@/lib/features/materials/actions";

type Message = { tone: "error" | "success"; text: string };

/** An admin publishes an officer's pending edit of published material. */
export function PublishRevisionButton({ materialId, revisionId }: { materialId: string; revisionId: string }) {
  const t = useTranslations("materials");
  const tv = useTranslations("validation");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<Message | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await callAction(publishRevisionAction, { materialId, revisionId }, tv("sendFailed"));
            setMessage(result.ok ? { tone: "success", text: t("revisionPublished") } : { tone: "error", text: result.error });
            if (result.ok) router.refresh();
          })
        }
      >
        {t("publishRevision")}
      </Button>
    </span>
  );
}

export function MaterialStatusButton({ id, publish }: { id: string; publish: boolean }) {
  const t = useTranslations("materials");
  const tv = useTranslations("validation");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<Message | null>(null);
  return (
    <div className="space-y-2">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Button
        variant={publish ? "primary" : "danger"}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await callAction(setMaterialStatusAction, { id, publish }, tv("sendFailed"));
            setMessage(result.ok ? { tone: "success", text: t(publish ? "published" : "unpublished") } : { tone: "error", text: result.error });
            if (result.ok) router.refresh();
          })
        }
      >
        {t(publish ? "publish" : "unpublish")}
      </Button>
    </div>
  );
}

/** One file input, sent as a File to the server action, which checks its bytes. */
const ACCEPT = { cover: "image/jpeg,image/png,image/webp", attachment: "application/pdf", audio: "audio/mpeg,audio/mp4,audio/ogg,.mp3,.m4a,.ogg,.opus" } as const;
const MAX_BYTES = { cover: MAX_IMAGE_BYTES, attachment: MAX_PDF_BYTES, audio: MAX_AUDIO_BYTES } as const;
const TOO_LARGE = { cover: "imageTooLarge", attachment: "pdfTooLarge", audio: "audioTooLarge" } as const;

export function MaterialFileForm({ materialId, kind }: { materialId: string; kind: "cover" | "attachment" | "audio" }) {
  const t = useTranslations("materials");
  const tv = useTranslations("validation");
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState("");
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<Message | null>(null);
  const inputId = `file-${kind}`;
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        const file = fileRef.current?.files?.[0];
        // Say it before sending: a body over the server's limit would not even reach the action.
        if (file && file.size > MAX_BYTES[kind]) {
          setMessage({ tone: "error", text: tv(TOO_LARGE[kind]) });
          return;
        }
        startTransition(async () => {
          const result = await callAction(uploadMaterialFileAction, { materialId, kind, title, file: file as File }, tv("sendFailed"));
          if (result.ok) {
            setMessage({ tone: "success", text: t("uploaded") });
            setTitle("");
            if (fileRef.current) fileRef.current.value = "";
            router.refresh();
          } else {
            setMessage({ tone: "error", text: result.fieldErrors?.file ?? result.error });
          }
        });
      }}
    >
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <label htmlFor={inputId} className="block text-sm font-medium">
        {t(kind)}
      </label>
      <input
        id={inputId}
        ref={fileRef}
        type="file"
        accept={ACCEPT[kind]}
        className="block w-full text-sm"
      />
      {kind === "attachment" && (
        <TextField label={t("attachmentTitle")} value={title} onChange={(e) => setTitle(e.target.value)} />
      )}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("uploading") : t("upload")}
      </Button>
    </form>
  );
}

export function RemoveAttachmentButton({ materialId, fileId }: { materialId: string; fileId: string }) {
  const t = useTranslations("materials");
  const tv = useTranslations("validation");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="ghost"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await callAction(removeAttachmentAction, { materialId, fileId }, tv("sendFailed"));
          if (result.ok) router.refresh();
        })
      }
    >
      {t("remove")}
    </Button>
  );
}
