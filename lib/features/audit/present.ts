import { formatDate, formatDateTimeInZone } from "@/lib/dates";
import { REPORT_TIME_ZONE } from "@/lib/features/reports/period";

type Translate = ((key: string) => string) & { has(key: string): boolean };

/** Which catalogue names the values of a changed field, per entity where the field name is shared. */
const VALUE_NAMESPACES: Record<string, string> = {
  stage: "stages",
  toStage: "stages",
  role: "roles",
  actorRole: "roles",
  category: "attendeeCategory",
  type: "eventType",
  classType: "officeClass",
  journeyStage: "materials.journeyStages",
};
const STATUS_NAMESPACES: Record<string, string> = { event: "eventStatus", material: "materials.status" };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * One value of an audit entry's before/after as a reader should see it: stages, statuses, roles
 * and categories in words, days and instants in the reader's language (instants in WIB), yes/no
 * for flags, lists joined. What the catalogue does not name stays as stored.
 */
export function auditValue(entityType: string, field: string, value: unknown, t: Translate, locale: string): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean") return t(value ? "audit.yes" : "audit.no");
  if (Array.isArray(value)) return value.length ? value.map((v) => auditValue(entityType, field, v, t, locale)).join(", ") : "–";
  if (typeof value === "number") return new Intl.NumberFormat(locale).format(value);
  if (typeof value !== "string") return JSON.stringify(value);
  const namespace = field === "status" ? STATUS_NAMESPACES[entityType] : VALUE_NAMESPACES[field];
  if (namespace && t.has(`${namespace}.${value}`)) return t(`${namespace}.${value}`);
  if (ISO_DAY.test(value)) return formatDate(new Date(`${value}T00:00:00Z`), locale);
  if (ISO_INSTANT.test(value)) return formatDateTimeInZone(new Date(value), REPORT_TIME_ZONE, locale);
  return value;
}

/** A changed field's name in words where the catalogue has one (audit.fields.<name>). */
export function auditField(field: string, t: Translate): string {
  return t.has(`audit.fields.${field}`) ? t(`audit.fields.${field}`) : field;
}

/** The action's label (audit.actions.<action with dots as underscores>). */
export function auditAction(action: string, t: Translate): string {
  const key = `audit.actions.${action.replace(/\./g, "_")}`;
  return t.has(key) ? t(key) : action;
}
