import { z } from "zod";
import { VILLAGE_STAGES } from "@/lib/stages";
import { cleanLine, isoDayStringSchema, optionalText, requiredText } from "@/lib/schema-fields";

/**
 * Inputs of the desa binaan domain, shared by the forms and the server actions. Messages are
 * catalogue keys. Text is stored as typed (HTML included) and always rendered escaped.
 */


/** A count typed in a form: empty means unknown; otherwise a whole number 0..1,000,000. */
const optionalCount = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) return null;
    const n = typeof v === "number" ? v : Number(v.trim());
    if (!Number.isInteger(n) || n < 0 || n > 1_000_000) {
      ctx.addIssue({ code: "custom", message: "validation.count" });
      return z.NEVER;
    }
    return n;
  });

const optionalYear = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) return null;
    const n = typeof v === "number" ? v : Number(v.trim());
    if (!Number.isInteger(n) || n < 2000 || n > 2100) {
      ctx.addIssue({ code: "custom", message: "validation.year" });
      return z.NEVER;
    }
    return n;
  });

/** https://chat.whatsapp.com/<invite code>: the only kind of group link a village can have. */
export const WHATSAPP_INVITE = /^https:\/\/chat\.whatsapp\.com\/(?:invite\/)?[A-Za-z0-9]{10,40}\/?$/;

export const whatsappGroupUrlSchema = z
  .string()
  .trim()
  .max(200, "validation.whatsappInvite")
  .transform((v, ctx) => {
    if (!v) return null;
    if (!WHATSAPP_INVITE.test(v)) {
      ctx.addIssue({ code: "custom", message: "validation.whatsappInvite" });
      return z.NEVER;
    }
    return v.replace(/\/$/, "");
  })
  .optional()
  .transform((v) => v ?? null);

/** Kemendagri village code, e.g. 33.14.07.2003. */
export const villageCodeSchema = z
  .string("validation.villageCode")
  .trim()
  .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, "validation.villageCode");

/** A calendar day as an HTML date input sends it; stored as UTC midnight of that day. */
export const isoDaySchema = isoDayStringSchema
  .transform((v, ctx) => {
    const date = new Date(`${v}T00:00:00Z`);
    // A day in the future cannot have happened yet; a day of slack covers Indonesia being ahead of UTC.
    if (date.getTime() > Date.now() + 24 * 3600 * 1000) {
      ctx.addIssue({ code: "custom", message: "validation.dateFuture" });
      return z.NEVER;
    }
    return date;
  });

const optionalIsoDay = z
  // the day first: on a bad day the form shows its message ("in the future"), not the empty branch's
  .union([isoDaySchema, z.literal("")])
  .optional()
  .transform((v) => (v instanceof Date ? v : null));

/** Checkboxes arrive as an array, one value, or false. */
const idList = z.preprocess(
  (v) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []),
  z.array(z.uuid("validation.required")).max(20, "validation.tooMany"),
);

const villageProfileFields = {
  selectionReason: requiredText(1000, { multiline: true }),
  migrantWorkerCount: optionalCount,
  prospectiveCount: optionalCount,
  figuresYear: optionalYear,
  isDesaMigranEmas: z.boolean().optional().default(false),
  isDesmigratif: z.boolean().optional().default(false),
  whatsappGroupUrl: whatsappGroupUrlSchema,
  officerIds: idList,
};

export const registerVillageSchema = z.object({
  villageCode: villageCodeSchema,
  /** The day the village was proposed, when that was before it was entered here (default today). */
  proposedOn: optionalIsoDay,
  ...villageProfileFields,
});
export type RegisterVillageInput = z.input<typeof registerVillageSchema>;

export const updateVillageSchema = z.object({ id: z.uuid(), ...villageProfileFields });
export type UpdateVillageInput = z.input<typeof updateVillageSchema>;

export const changeStageSchema = z
  .object({
    id: z.uuid(),
    toStage: z.enum(VILLAGE_STAGES, "validation.required"),
    effectiveOn: isoDaySchema,
    note: optionalText(1000, { multiline: true }),
    decreeNumber: optionalText(120),
    decreeDate: optionalIsoDay,
    eventId: z
      .union([z.literal(""), z.uuid()])
      .optional()
      .transform((v) => v || null),
  })
  .refine((v) => v.toStage !== "INAUGURATED" || v.decreeNumber, {
    path: ["decreeNumber"],
    message: "validation.decreeRequired",
  });
export type ChangeStageInput = z.input<typeof changeStageSchema>;

/**
 * A Kemendagri village code as offices and decrees write it, with or without dots
 * ("62.02.17.2001", "6202172001"), as the dotted code; anything else is null (a name).
 */
export function villageCodeFrom(term: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{2})(\d{4})$/.exec(term.trim().replace(/[.\s]/g, ""));
  return m ? `${m[1]}.${m[2]}.${m[3]}.${m[4]}` : null;
}

/** Village search for registration: below 3 characters the trigram index cannot help. */
export const SEARCH_MIN_LENGTH = 3;
export const SEARCH_MAX_LENGTH = 60;

/** A name fragment as typed: HTML and all is just text; `%` and `_` are letters. */
export const searchTermSchema = z
  .string("validation.required")
  .overwrite(cleanLine)
  .trim()
  .min(SEARCH_MIN_LENGTH, "validation.searchTooShort")
  .max(SEARCH_MAX_LENGTH, "validation.tooLong");

/** GET /api/desa/cari?q= */
export const villageSearchSchema = z.object({ q: searchTermSchema });

// ───────────────────────────── List filters ─────────────────────────────

export const VILLAGE_SORTS = ["name", "stage", "stageChangedAt", "regency", "office", "createdAt"] as const;
export const PAGE_SIZE = 25;

/** The list's query string, tolerant: anything unknown falls back to the default. */
export const villageListFilterSchema = z.object({
  q: z.string().overwrite(cleanLine).trim().max(SEARCH_MAX_LENGTH).catch("").default(""),
  stage: z
    .enum(VILLAGE_STAGES)
    .optional()
    .catch(undefined),
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .catch(undefined),
  regency: z
    .string()
    .regex(/^\d{2}\.\d{2}$/)
    .optional()
    .catch(undefined),
  office: z.uuid().optional().catch(undefined),
  migranEmas: z.literal("1").optional().catch(undefined),
  desmigratif: z.literal("1").optional().catch(undefined),
  sort: z.enum(VILLAGE_SORTS).catch("name").default("name"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type VillageListFilter = z.output<typeof villageListFilterSchema>;

/** Reads the first value of each key of a Next searchParams object or URLSearchParams. */
export function parseVillageListFilter(params: Record<string, string | string[] | undefined> | URLSearchParams) {
  const get = (k: string) => {
    const v = params instanceof URLSearchParams ? params.get(k) : params[k];
    return (Array.isArray(v) ? v[0] : v) ?? undefined;
  };
  return villageListFilterSchema.parse({
    q: get("q"),
    stage: get("stage") || undefined,
    province: get("province") || undefined,
    regency: get("regency") || undefined,
    office: get("office") || undefined,
    migranEmas: get("migranEmas") || undefined,
    desmigratif: get("desmigratif") || undefined,
    sort: get("sort"),
    dir: get("dir"),
    page: get("page"),
  });
}

/** The query string of a filter, without defaults, for links (pages, sorting, export). */
export function villageListQuery(filter: Partial<VillageListFilter>, over: Partial<VillageListFilter> = {}) {
  const merged = { ...filter, ...over };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || v === null || v === "") continue;
    if (k === "sort" && v === "name") continue;
    if (k === "dir" && v === "asc") continue;
    if (k === "page" && v === 1) continue;
    params.set(k, String(v));
  }
  return params.toString();
}
