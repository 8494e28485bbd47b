import "server-only";
import "@/lib/i18n/zod-errors";
import type { z } from "zod";
import type { PermissionKey } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
import { requireScope, type SessionUser } from "@/lib/server/scope";
import { getTranslator } from "@/lib/i18n/translator";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

/**
 * The one wrapper every server action goes through: parse the input with the domain's zod
 * schema, load the session, check the permission, run the handler (which calls mutations
 * that scope their own queries), and turn failures into a message in the user's language.
 */
export function defineAction<S extends z.ZodType, R>(config: {
  schema: S;
  /** Required role permission; the handler's data layer still scopes which records. */
  permission: PermissionKey | "signed-in";
  handler: (input: z.output<S>, ctx: { user: SessionUser }) => Promise<R>;
}): (input: z.input<S>) => Promise<ActionResult<R>> {
  return async (input) => {
    const translate = await getTranslator();
    try {
      const parsed = config.schema.safeParse(input);
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues) {
          const path = issue.path.join(".") || "_form";
          fieldErrors[path] ??= translate(issue.message);
        }
        return { ok: false, error: translate("errors.VALIDATION"), fieldErrors };
      }
      const user = await getCurrentUser();
      if (!user) throw new AppError("UNAUTHENTICATED");
      if (config.permission !== "signed-in") requireScope(user, config.permission);
      return { ok: true, data: await config.handler(parsed.data, { user }) };
    } catch (error) {
      if (error instanceof AppError) {
        const fieldErrors = error.fieldErrors
          ? Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, translate(v)]))
          : undefined;
        return { ok: false, error: translate(`errors.${error.code}`), fieldErrors };
      }
      console.error("[action] unexpected error", error);
      return { ok: false, error: translate("errors.UNEXPECTED") };
    }
  };
}
