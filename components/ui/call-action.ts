import type { ActionResult } from "@/lib/server/action";

/** The message for a call that never got an answer; every client message group carries `validation`. */
export const SEND_FAILED = "validation.sendFailed";

/**
 * Calls a server action from the browser and turns what it cannot answer itself (a body over the
 * server's limit, a refused origin, a dropped connection: the call then rejects) into the same
 * failure shape as its own refusals, with `message` (validation.sendFailed, translated by the
 * caller), instead of an unhandled rejection and a form that silently does nothing.
 */
export async function callAction<I, R>(action: (input: I) => Promise<ActionResult<R>>, input: I, message: string): Promise<ActionResult<R>> {
  try {
    return await action(input);
  } catch {
    return { ok: false, error: message };
  }
}
