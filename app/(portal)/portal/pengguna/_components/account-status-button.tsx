"use client";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/ui/call-action";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { setAccountActiveAction } from "@/lib/features/users/actions";

export function AccountStatusButton({ userId, active, name }: { userId: string; active: boolean; name: string }) {
  const t = useTranslations("users");
  const tv = useTranslations("validation");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="ml-2 inline-flex flex-col">
      <Button
        variant={active ? "danger" : "secondary"}
        className="min-h-9 px-3 py-1 text-xs"
        disabled={pending}
        aria-label={`${active ? t("disable") : t("enable")}: ${name}`}
        onClick={() =>
          startTransition(async () => {
            const result = await callAction(setAccountActiveAction, { userId, active: !active }, tv("sendFailed"));
            setError(result.ok ? null : result.error);
          })
        }
      >
        {active ? t("disable") : t("enable")}
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
