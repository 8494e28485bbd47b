import { z } from "zod";
import { customPeriod, monthPeriod, quarterPeriod, wibDay, yearPeriod, type Period } from "@/lib/features/reports/period";

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "validation.invalid");
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.invalid");
const year = z.coerce.number().int().min(2020).max(2100);

/** Dashboard filters as they arrive in the URL: anything unreadable falls back to its default. */
export const dashboardFilterSchema = z.object({
  office: uuid.optional().catch(undefined),
  province: z.string().regex(/^\d{2}$/).optional().catch(undefined),
  period: z.enum(["month", "quarter", "year", "custom"]).optional().catch(undefined),
  year: year.optional().catch(undefined),
  month: z.coerce.number().int().min(1).max(12).optional().catch(undefined),
  quarter: z.coerce.number().int().min(1).max(4).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
});
export type DashboardFilterInput = z.infer<typeof dashboardFilterSchema>;

export type DashboardFilters = { officeId?: string; provinceCode?: string; period: Period };

/** Turns URL parameters into filters; the default is the current year (WIB). */
export function parseDashboardFilters(params: Record<string, string | string[] | undefined>, now = new Date()): DashboardFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  const input = dashboardFilterSchema.parse(flat);
  const today = wibDay(now);
  const y = input.year ?? today.year;
  let period: Period;
  if (input.period === "month") period = monthPeriod(y, input.month ?? (y === today.year ? today.month : 12));
  else if (input.period === "quarter") period = quarterPeriod(y, input.quarter ?? (y === today.year ? Math.ceil(today.month / 3) : 4));
  else if (input.period === "custom" && input.from && input.to && input.from <= input.to) period = customPeriod(input.from, input.to);
  else period = yearPeriod(y);
  return { officeId: input.office, provinceCode: input.province, period };
}

/** GET /api/laporan parameters. */
export const reportRequestSchema = z
  .object({
    level: z.enum(["office", "kanwil", "national"]),
    id: uuid.optional(),
    period: z.enum(["month", "quarter"]),
    year,
    month: z.coerce.number().int().min(1).max(12).optional(),
    quarter: z.coerce.number().int().min(1).max(4).optional(),
    format: z.enum(["pdf", "xlsx"]),
  })
  .refine((r) => r.level === "national" || r.id, { path: ["id"], message: "validation.required" })
  .refine((r) => (r.period === "month" ? r.month : r.quarter) !== undefined, { path: ["period"], message: "validation.required" });
export type ReportRequest = z.infer<typeof reportRequestSchema>;

export function reportPeriod(request: Pick<ReportRequest, "period" | "year" | "month" | "quarter">): Period {
  return request.period === "month" ? monthPeriod(request.year, request.month!) : quarterPeriod(request.year, request.quarter!);
}
