"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/server/action";

/** One button bound to one server action with a fixed input; shows the action's error inline. */
export function ActionButton<I>({
  action,
  input,
  label,
  pendingLabel,
  confirm,
  variant = "secondary",
}: {
  action: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  label: string;
  pendingLabel?: string;
  confirm?: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
}) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col">
      <Button
        variant={variant}
        disabled={pending}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          setError(null);
          start(async () => {
            const result = await action(input);
            if (!result.ok) setError(Object.values(result.fieldErrors ?? {})[0] ?? result.error);
          });
        }}
      >
        {pending && pendingLabel ? pendingLabel : label}
      </Button>
      {error && (
        <span role="alert" className="mt-1 text-sm font-medium text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
