/**
 * Which message namespaces reach the browser, and where. Every message a provider holds is
 * serialised into the page's payload, so each group of client components gets only the
 * namespaces it reads: the portal header's sign-out button `nav` alone, the forms of a portal
 * section that section's namespaces (its layout.tsx wraps it in <ClientMessages group=…>).
 * Server Components read the whole catalogue through getTranslations and send nothing.
 * lib/i18n/client-messages.test.ts reads every client component and fails when one uses a
 * namespace its group does not list.
 */
export const CLIENT_MESSAGE_GROUPS = {
  /** The portal's header (components/layout/sign-out-button.tsx). */
  shell: ["nav"],
  /** app/(auth): the sign-in form. */
  signIn: ["auth", "validation"],
  /** app/(auth)/akun and /atur-sandi: the person's own password and second factor. */
  account: ["accounts", "validation"],
  /** app/(portal)/portal/kantor */
  offices: ["office", "validation"],
  /** app/(portal)/portal/pengguna */
  users: ["users", "roles", "accounts", "validation"],
  /** app/(portal)/portal/kegiatan */
  events: ["events", "eventType", "attendeeCategory", "offline", "calendar", "whatsapp", "quiz", "validation"],
  /** app/(portal)/portal/desa */
  villages: ["villages", "contacts", "contactRole", "stages", "validation"],
  /** app/(portal)/portal/materi */
  materials: ["materials", "validation"],
  /** app/(portal)/portal/kuis */
  quizzes: ["quiz", "validation"],
  /** app/(public)/[locale]/lapor: the public tip form and the tracking page. */
  tips: ["tip"],
  /** app/(portal)/portal/deteksi: early-warning reports (the `tip` namespace is the public /lapor form's). */
  warnings: ["warning", "validation"],
  /** app/(portal)/portal/agensi: the national admin's import of the licensed agency list. */
  agencies: ["agency", "validation"],
  /** app/(portal)/portal/notifikasi */
  notifications: ["notifications", "validation"],
} as const satisfies Record<string, readonly string[]>;

export type ClientMessageGroup = keyof typeof CLIENT_MESSAGE_GROUPS;

/** The namespaces of `group`, picked from the whole catalogue. */
export function clientMessages(messages: Record<string, unknown>, group: ClientMessageGroup): Record<string, unknown> {
  return Object.fromEntries(CLIENT_MESSAGE_GROUPS[group].filter((ns) => ns in messages).map((ns) => [ns, messages[ns]]));
}
