import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type ImportResult } from "@/lib/features/events/import";

type Translate = ((key: string, values?: Record<string, string | number>) => string) & { has(key: string): boolean };

/** What the import panel shows of a checked file: counts, the first rows, every row's problem, in the reader's language. */
export function presentImportPreview(preview: Extract<ImportResult, { ok: true }>, t: Translate) {
  return {
    valid: preview.rows.length,
    duplicatesInFile: preview.duplicatesInFile,
    sample: preview.rows.slice(0, 10).map((r) => ({
      name: r.name,
      category: t(`attendeeCategory.${r.category}`),
      origin: r.institutionName,
      gender: r.gender,
      phone: r.phone ? "✓" : "",
    })),
    issues: preview.issues.slice(0, 500).map((i) => ({
      row: i.row,
      column: i.column ?? "",
      message: t.has(i.key) ? t(i.key, i.values) : i.key,
    })),
    issueCount: preview.issues.length,
  };
}

/** A file-level refusal (a catalogue key with its values) in the reader's language. */
export function importFileMessage(key: string, t: Translate): string | null {
  return t.has(key) ? t(key, { max: IMPORT_MAX_ROWS, mb: IMPORT_MAX_BYTES / 1024 / 1024, found: "", expected: "" }) : null;
}
