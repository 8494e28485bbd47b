import type { Language, WhatsappTemplateKind } from "@/lib/generated/prisma/enums";

/**
 * The text of a prefilled WhatsApp message (ADR 0026): plain text with `{placeholder}`s from a
 * fixed list. The parser is strict: a `{` or `}` that does not form a known placeholder is a
 * mistake the officer must see (a typo would otherwise reach every village as `{judl}`), so
 * there is no escaping and no logic. Pure: the edit form checks as the officer types and the
 * server checks again with the same code.
 */
export const PLACEHOLDERS = ["judul", "desa", "tanggal", "jam", "zona", "tempat", "tautan_hadir", "materi", "kantor"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** English names for the same values, so an English template reads naturally. */
export const PLACEHOLDER_ALIASES: Record<string, Placeholder> = {
  title: "judul",
  village: "desa",
  date: "tanggal",
  time: "jam",
  zone: "zona",
  venue: "tempat",
  check_in_link: "tautan_hadir",
  material: "materi",
  office: "kantor",
};

export const TEMPLATE_KINDS = ["INVITATION", "REMINDER", "FOLLOW_UP"] as const satisfies readonly WhatsappTemplateKind[];
export const TEMPLATE_LANGUAGES = ["ID", "EN"] as const satisfies readonly Language[];
export const TEMPLATE_MAX_LENGTH = 1500;

/** The material link exists only after the session; an invitation cannot promise it. */
const ONLY_FOR: Partial<Record<Placeholder, WhatsappTemplateKind>> = { materi: "FOLLOW_UP" };

export type TemplatePart = string | { placeholder: Placeholder };

/** What is wrong with a template, in order of appearance; the message keys live in `validation`. */
export type TemplateProblem =
  | { key: "validation.whatsappPlaceholderUnknown"; placeholder: string }
  | { key: "validation.whatsappPlaceholderNotForKind"; placeholder: string }
  | { key: "validation.whatsappBrace" };

/** The message keys of template problems, to tell them from other messages on the same field. */
export const TEMPLATE_PROBLEM_KEYS: readonly string[] = [
  "validation.whatsappPlaceholderUnknown",
  "validation.whatsappPlaceholderNotForKind",
  "validation.whatsappBrace",
] satisfies TemplateProblem["key"][];

const PLACEHOLDER_NAMES = new Set<string>(PLACEHOLDERS);

function resolve(name: string): Placeholder | null {
  const lower = name.toLowerCase();
  if (PLACEHOLDER_NAMES.has(lower)) return lower as Placeholder;
  return Object.hasOwn(PLACEHOLDER_ALIASES, lower) ? PLACEHOLDER_ALIASES[lower]! : null;
}

/** Splits a template into text and placeholders, or lists every problem in it. */
export function parseTemplate(body: string, kind: WhatsappTemplateKind): { ok: true; parts: TemplatePart[] } | { ok: false; problems: TemplateProblem[] } {
  const parts: TemplatePart[] = [];
  const problems: TemplateProblem[] = [];
  // Any short `{...}` on one line is named back to the officer (`{nama lengkap}`, `{tautan-hadir}`),
  // so the message says which word is wrong rather than only that a brace is.
  const token = /\{([^{}\n]{1,40})\}|[{}]/gu;
  let last = 0;
  for (const match of body.matchAll(token)) {
    parts.push(body.slice(last, match.index));
    last = match.index + match[0].length;
    const name = match[1]?.trim();
    if (!name) {
      if (!problems.some((p) => p.key === "validation.whatsappBrace")) problems.push({ key: "validation.whatsappBrace" });
      continue;
    }
    const placeholder = resolve(name);
    if (!placeholder) {
      if (!problems.some((p) => "placeholder" in p && p.placeholder === name)) problems.push({ key: "validation.whatsappPlaceholderUnknown", placeholder: name });
      continue;
    }
    const only = ONLY_FOR[placeholder];
    if (only && only !== kind) {
      if (!problems.some((p) => "placeholder" in p && p.placeholder === name)) problems.push({ key: "validation.whatsappPlaceholderNotForKind", placeholder: name });
      continue;
    }
    parts.push({ placeholder });
  }
  parts.push(body.slice(last));
  return problems.length ? { ok: false, problems } : { ok: true, parts: parts.filter((p) => p !== "") };
}

/** The problems of a template (empty when it is fine). */
export function templateProblems(body: string, kind: WhatsappTemplateKind): TemplateProblem[] {
  const parsed = parseTemplate(body, kind);
  return parsed.ok ? [] : parsed.problems;
}

export type TemplateValues = Record<Placeholder, string>;

/** The message: every placeholder replaced by its value. A template that does not parse throws. */
export function renderTemplate(body: string, kind: WhatsappTemplateKind, values: TemplateValues): string {
  const parsed = parseTemplate(body, kind);
  if (!parsed.ok) throw new Error(`WhatsApp template does not parse: ${parsed.problems.map((p) => p.key).join(", ")}`);
  return parsed.parts.map((p) => (typeof p === "string" ? p : values[p.placeholder])).join("");
}

/**
 * What an office without its own wording sends. Indonesian is what villages read; the English
 * text is there for the portal's English users and uses the English placeholder names.
 */
export const DEFAULT_TEMPLATES: Record<(typeof TEMPLATE_LANGUAGES)[number], Record<WhatsappTemplateKind, string>> = {
  ID: {
    INVITATION:
      "Yth. Bapak/Ibu narahubung Desa {desa},\n\n" +
      "{kantor} mengundang Bapak/Ibu dan warga ke kegiatan *{judul}* pada {tanggal}, pukul {jam} {zona}, di {tempat}.\n\n" +
      "Daftar hadir: {tautan_hadir}\n\nTerima kasih.",
    REMINDER:
      "Pengingat: besok, {tanggal} pukul {jam} {zona}, kegiatan *{judul}* di {tempat}.\n\n" +
      "Daftar hadir: {tautan_hadir}\n\nSampai jumpa. {kantor}",
    FOLLOW_UP:
      "Terima kasih atas kehadiran Desa {desa} pada kegiatan *{judul}* ({tanggal}).\n\n" +
      "Materi kegiatan dapat dibaca kembali di: {materi}\n\nSalam, {kantor}",
  },
  EN: {
    INVITATION:
      "Dear liaison of {village} village,\n\n" +
      "{office} invites you and the villagers to *{title}* on {date}, {time} {zone}, at {venue}.\n\n" +
      "Attendance: {check_in_link}\n\nThank you.",
    REMINDER: "Reminder: tomorrow, {date} at {time} {zone}, *{title}* at {venue}.\n\nAttendance: {check_in_link}\n\nSee you there. {office}",
    FOLLOW_UP: "Thank you for joining *{title}* ({date}) from {village} village.\n\nThe material is available at: {material}\n\nRegards, {office}",
  },
};
