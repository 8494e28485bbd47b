/**
 * Where a notification leads: one link builder per subject type. A feature that notifies about a
 * new kind of record adds its type here (and nothing else): the inbox, the email and the WhatsApp
 * text all link through this map. Paths only; lib/features/accounts/base-url.ts makes them absolute.
 */
export const SUBJECT_LINKS = {
  /** An early-warning report (issue 16, WarningReport); its page for staff and for the reporting village. */
  warning: (id: string) => `/portal/deteksi/${id}`,
} as const satisfies Record<string, (id: string) => string>;

export type SubjectType = keyof typeof SUBJECT_LINKS;
export const SUBJECT_TYPES = Object.keys(SUBJECT_LINKS) as [SubjectType, ...SubjectType[]];

/** The portal path of a notification's subject; null for a type this release no longer knows. */
export function subjectPath(type: string, id: string): string | null {
  return Object.hasOwn(SUBJECT_LINKS, type) ? SUBJECT_LINKS[type as SubjectType](id) : null;
}
