"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { callAction } from "@/components/ui/call-action";
import { deleteQuizAction } from "@/lib/features/quizzes/actions";

/** Deletes an unanswered quiz after a confirmation, then returns to the list. */
export function DeleteQuizButton({ id }: { id: string }) {
  const t = useTranslations("quiz");
  const tv = useTranslations("validation");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col">
      <Button
        variant="danger"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(t("deleteConfirm"))) return;
          setError(null);
          start(async () => {
            const result = await callAction(deleteQuizAction, { id }, tv("sendFailed"));
            if (result.ok) router.push("/portal/kuis");
            else setError(Object.values(result.fieldErrors ?? {})[0] ?? result.error);
          });
        }}
      >
        {pending ? t("deleting") : t("delete")}
      </Button>
      {error && (
        <span role="alert" className="mt-1 text-sm font-medium text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
