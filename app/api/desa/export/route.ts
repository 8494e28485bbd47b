import { CSV_CONTENT_TYPE, downloadResponse, toCsv, toXlsx, XLSX_CONTENT_TYPE, type Column } from "@/lib/export/spreadsheet";
import { findVillagesForExport } from "@/lib/features/villages/queries";
import { parseVillageListFilter } from "@/lib/features/villages/schemas";
import { signedInRoute } from "@/lib/server/route";
import { getTranslator } from "@/lib/i18n/translator";

type Row = Awaited<ReturnType<typeof findVillagesForExport>>[number];
const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** GET /api/desa/export?format=csv|xlsx&<the list's filters>: exactly what the list shows, unpaged. */
export const GET = signedInRoute<Record<string, never>>(async ({ user, request }) => {
  const params = new URL(request.url).searchParams;
  const format = params.get("format") === "xlsx" ? "xlsx" : "csv";
  const rows: Row[] = await findVillagesForExport(user, parseVillageListFilter(params));
  const t = await getTranslator();
  const h = (key: string) => t(`villages.export.${key}`);
  const columns: Column<Row>[] = [
    { header: h("code"), value: (r) => r.village.code },
    { header: h("village"), value: (r) => r.village.name },
    { header: h("district"), value: (r) => r.village.district.name },
    { header: h("regency"), value: (r) => r.village.regency.name },
    { header: h("province"), value: (r) => r.village.province.name },
    { header: h("office"), value: (r) => r.office.name },
    { header: h("stage"), value: (r) => t(`stages.${r.stage}`) },
    { header: h("stageSince"), value: (r) => isoDay(r.stageChangedAt) },
    { header: h("migranEmas"), value: (r) => r.isDesaMigranEmas },
    { header: h("desmigratif"), value: (r) => r.isDesmigratif },
    { header: h("migrantWorkers"), value: (r) => r.migrantWorkerCount },
    { header: h("prospective"), value: (r) => r.prospectiveCount },
    { header: h("figuresYear"), value: (r) => r.figuresYear },
    { header: h("activeContacts"), value: (r) => r._count.contacts },
    { header: h("declaredOn"), value: (r) => isoDay(r.declaredOn) },
    { header: h("inauguratedOn"), value: (r) => isoDay(r.inauguratedOn) },
    { header: h("decreeNumber"), value: (r) => r.decreeNumber },
    { header: h("whatsapp"), value: (r) => r.whatsappGroupUrl },
    { header: h("reason"), value: (r) => r.selectionReason },
    { header: h("registeredOn"), value: (r) => isoDay(r.createdAt) },
  ];
  const fileName = `${h("fileName")}-${new Date().toISOString().slice(0, 10)}.${format}`;
  if (format === "xlsx") {
    return downloadResponse(await toXlsx(rows, columns, t("villages.listTitle")), XLSX_CONTENT_TYPE, fileName);
  }
  return downloadResponse(toCsv(rows, columns), CSV_CONTENT_TYPE, fileName);
});
