"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import type { DeliveredLink } from "@/lib/features/accounts/links";
import { issuePasswordLinkAction, resetSecondFactorAction } from "@/lib/features/users/actions";
import { PasswordLink } from "./password-link";

/** A new one-time password link, and the reset of a lost second factor. */
export function AccountSecurityButtons({ userId, name, email, hasSecondFactor, active }: { userId: string; name: string; email: string; hasSecondFactor: boolean; active: boolean }) {
  const t = useTranslations("accounts.admin");
  const [pending, startTransition] = useTransition();
  const [link, setLink] = useState<DeliveredLink | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  return (
    <div className="space-y-3">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {link && <PasswordLink link={link} name={name} email={email} />}
      <div className="flex flex-wrap gap-2">
        {active && (
          <Button
            type="button"
            variant="secondary"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await issuePasswordLinkAction({ userId });
                setLink(result.ok ? result.data : null);
                setMessage(result.ok ? null : { tone: "error", text: result.fieldErrors?._form ?? result.error });
              })
            }
          >
            {pending ? t("issuing") : t("issueLink")}
          </Button>
        )}
        {hasSecondFactor && (
          <Button
            type="button"
            variant="danger"
            disabled={pending}
            onClick={() => {
              if (!window.confirm(t("resetSecondFactorConfirm", { name }))) return;
              startTransition(async () => {
                const result = await resetSecondFactorAction({ userId });
                setMessage(result.ok ? { tone: "success", text: t("secondFactorReset") } : { tone: "error", text: result.error });
              });
            }}
          >
            {t("resetSecondFactor")}
          </Button>
        )}
      </div>
    </div>
  );
}
