import "server-only";
import "@/lib/i18n/zod-errors";
import type { z } from "zod";
import type { PermissionKey } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
import { requireScope, type SessionUser } from "@/lib/server/scope";
import { getTranslator } from "@/lib/i18n/translator";
import { isLocale } from "@/lib/i18n/config";

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
  /**
   * For the account's own set-up (a new password, a second factor): allowed while the account
   * still has something pending. Every other action is refused until then.
   */
  allowPending?: boolean;
  handler: (input: z.output<S>, ctx: { user: SessionUser }) => Promise<R>;
}): (input: z.input<S>) => Promise<ActionResult<R>> {
  return runAction(config.schema, async (input) => {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED");
    if (user.pending && !config.allowPending) throw new AppError("ACCOUNT_SETUP");
    if (config.permission !== "signed-in") requireScope(user, config.permission);
    return config.handler(input, { user });
  });
}

/**
 * The same wrapper for the few actions anyone may call without signing in (a one-time link to
 * set a password): parse, run, translate failures. The handler itself is the check.
 */
export function definePublicAction<S extends z.ZodType, R>(config: {
  schema: S;
  handler: (input: z.output<S>) => Promise<R>;
  /**
   * The language of the messages, for forms on public pages: their language is in the URL, not
   * in a cookie (docs/decisions/0008), so the form sends it. Default: the cookie's.
   */
  localeOf?: (input: z.input<S>) => string | undefined;
}): (input: z.input<S>) => Promise<ActionResult<R>> {
  return runAction(config.schema, config.handler, config.localeOf);
}

function runAction<S extends z.ZodType, R>(
  schema: S,
  run: (input: z.output<S>) => Promise<R>,
  localeOf?: (input: z.input<S>) => string | undefined,
): (input: z.input<S>) => Promise<ActionResult<R>> {
  return async (input) => {
    const requested = localeOf?.(input);
    const translate = await getTranslator(isLocale(requested) ? requested : undefined);
    try {
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues) {
          const path = issue.path.join(".") || "_form";
          // zod's own messages (English, for a wrong type or a malformed id) never reach a person
          // a custom issue may carry the values its message names (the placeholder a template got wrong)
          const values = issue.code === "custom" ? stringValues(issue.params) : undefined;
          fieldErrors[path] ??= translate.has(issue.message) ? translate(issue.message, values) : translate("validation.invalid");
        }
        return { ok: false, error: translate("errors.VALIDATION"), fieldErrors };
      }
      return { ok: true, data: await run(parsed.data) };
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

/** The string and number entries of a custom issue's params, for a message's {values}. */
function stringValues(params: Record<string, unknown> | undefined): Record<string, string | number> | undefined {
  if (!params) return undefined;
  const entries = Object.entries(params).filter((e): e is [string, string | number] => typeof e[1] === "string" || typeof e[1] === "number");
  return entries.length ? Object.fromEntries(entries) : undefined;
}
