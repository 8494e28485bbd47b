import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert, Card } from "@/components/ui/card";
import { formatDate, formatDateTimeInZone, WIB } from "@/lib/dates";
import { findOfficeChoices, findReportForReporter, findReportForStaff, readsAsReporter } from "@/lib/features/warnings/queries";
import { FOLLOW_UP_TYPES, VERIFICATION_CHECKS } from "@/lib/features/warnings/schemas";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { whatsappChatLink } from "@/lib/phone";
import type { SessionUser } from "@/lib/server/scope";
import { SlaBadge, StatusBadge, UrgencyBadge } from "../_components/badges";
import { StepForm } from "../_components/step-form";

export const metadata: Metadata = { title: "Laporan deteksi dini" };

type Params = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WarningReportPage({ params, searchParams }: Params) {
  const user = await requireUser();
  const { id } = await params;
  const justFiled = (await searchParams).baru === "1";
  return readsAsReporter(user) ? <ReporterView user={user} id={id} justFiled={justFiled} /> : <StaffView user={user} id={id} justFiled={justFiled} />;
}

const when = (at: Date, locale: string) => formatDateTimeInZone(at, WIB, locale);

/** The village account's own report: what it said, where it stands, the office's questions. */
async function ReporterView({ user, id, justFiled }: { user: SessionUser; id: string; justFiled: boolean }) {
  const report = await orNotFound(findReportForReporter(user, id));
  const t = await getTranslations("warning");
  const locale = await getLocale();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href="/portal/deteksi">← {t("queue.titleReporter")}</Link>
      <h1 className="text-2xl font-bold">
        {t("detail.title")} <span className="font-mono">{report.ticketCode}</span>
      </h1>
      {justFiled && <Alert tone="success">{t("form.sent", { code: report.ticketCode })}</Alert>}
      <div className="flex flex-wrap gap-2">
        <StatusBadge status={report.status} />
        <UrgencyBadge urgency={report.urgency} />
      </div>
      <Card title={t("detail.facts")}>
        <dl className="grid gap-2 sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium">{t("form.category")}</dt>
          <dd>{t(`category.${report.category}`)}</dd>
          <dt className="font-medium">{t("detail.village")}</dt>
          <dd>{report.village?.name ?? "—"}</dd>
          <dt className="font-medium">{t("form.occurredOn")}</dt>
          <dd>{formatDate(report.occurredOn, locale)}</dd>
          <dt className="font-medium">{t("detail.filedAt")}</dt>
          <dd>{when(report.filedAt, locale)}</dd>
          <dt className="font-medium">{t("detail.office")}</dt>
          <dd>{report.office?.name ?? t("queue.national")}</dd>
        </dl>
        {report.purgedAt ? (
          <p className="mt-3 text-slate-700 italic">{t("detail.purged", { date: formatDate(report.purgedAt, locale) })}</p>
        ) : (
          <p className="mt-3 whitespace-pre-line">{report.description}</p>
        )}
      </Card>
      <Card title={t("detail.history")}>
        <ol className="space-y-2">
          {report.steps.map((s) => (
            <li key={s.id} className="border-l-2 border-slate-300 pl-3">
              <p className="text-xs text-slate-600">{when(s.at, locale)}</p>
              <p className="font-medium">{t(`step.${s.kind}`)}{s.status ? ` · ${t(`status.${s.status}`)}` : ""}</p>
              {s.body && (s.kind === "QUESTION" || s.kind === "ANSWER") && <p className="whitespace-pre-line">{s.body}</p>}
            </li>
          ))}
        </ol>
      </Card>
      {report.can.answer && (
        <Card title={t("detail.answerTitle")}>
          <StepForm
            key={report.status}
            step="answer"
            label={t("detail.answerTitle")}
            fixed={{ reportId: report.id }}
            fields={[{ name: "answer", kind: "textarea", label: t("detail.answer"), maxLength: 2000 }]}
            submitLabel={t("detail.sendAnswer")}
            successText={t("detail.answerSent")}
          />
        </Card>
      )}
    </div>
  );
}

/** The office's page for one report (and the Kanwil's and nation's view of it). */
async function StaffView({ user, id, justFiled }: { user: SessionUser; id: string; justFiled: boolean }) {
  const report = await orNotFound(findReportForStaff(user, id));
  const t = await getTranslations("warning");
  const locale = await getLocale();
  const offices = report.can.route ? (await findOfficeChoices(user)).filter((o) => o.value !== report.officeId) : [];
  const fixed = { reportId: report.id, version: report.version };
  const staffOptions = report.staff.map((s) => ({ value: s.id, label: s.name }));
  return (
    <div className="space-y-4">
      <Link href="/portal/deteksi">← {t("queue.title")}</Link>
      <h1 className="text-2xl font-bold">
        {t("detail.title")} <span className="font-mono">{report.ticketCode}</span>
      </h1>
      {justFiled && <Alert tone="success">{t("form.sent", { code: report.ticketCode })}</Alert>}
      <div className="flex flex-wrap items-center gap-2" data-testid="report-status">
        <StatusBadge status={report.status} />
        <UrgencyBadge urgency={report.urgency} />
        {report.open && <SlaBadge state={report.sla} />}
        {!report.open && report.firstResponseAt && <SlaBadge state={report.sla} />}
      </div>
      {report.reminders.map((r) =>
        r.acknowledgedAt ? (
          <p key={r.id} className="text-sm text-slate-700">
            {t("detail.reminder", { name: r.sentBy.name, at: when(r.sentAt, locale) })} ·{" "}
            {t("detail.reminderAcknowledged", { name: r.acknowledgedBy?.name ?? "—", at: when(r.acknowledgedAt, locale) })}
          </p>
        ) : (
          <Alert key={r.id} tone="error">
            <p className="font-semibold">{t("detail.reminder", { name: r.sentBy.name, at: when(r.sentAt, locale) })}</p>
            {r.message && <p className="whitespace-pre-line">{r.message}</p>}
            {report.can.acknowledge && (
              <div className="mt-2">
                <StepForm
                  key={r.id}
                  step="acknowledge"
                  label={t("detail.acknowledge")}
                  fixed={{ reportId: report.id, reminderId: r.id }}
                  submitLabel={t("detail.acknowledge")}
                  successText={t("detail.acknowledged")}
                  variant="secondary"
                />
              </div>
            )}
          </Alert>
        ),
      )}
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-4">
          <Card title={t("detail.facts")}>
            <dl className="grid gap-2 sm:grid-cols-[12rem_1fr]">
              <dt className="font-medium">{t("form.category")}</dt>
              <dd>{t(`category.${report.category}`)}</dd>
              <dt className="font-medium">{t("detail.source")}</dt>
              <dd>
                {t(`source.${report.source}`)}
                {report.filedBy ? ` · ${report.filedBy.name}` : ""}
              </dd>
              <dt className="font-medium">{t("detail.village")}</dt>
              <dd>{report.village ? `${report.village.name}, ${report.village.district.name}, ${report.village.regency.name} (${report.village.code})` : "—"}</dd>
              {report.place && (
                <>
                  <dt className="font-medium">{t("form.place")}</dt>
                  <dd>{report.place}</dd>
                </>
              )}
              <dt className="font-medium">{t("form.occurredOn")}</dt>
              <dd>{formatDate(report.occurredOn, locale)}</dd>
              <dt className="font-medium">{t("detail.filedAt")}</dt>
              <dd>{when(report.filedAt, locale)}</dd>
              <dt className="font-medium">{t("detail.dueAt")}</dt>
              <dd>
                {when(report.dueAt, locale)} ({t("detail.slaHours", { hours: report.slaHours })})
              </dd>
              <dt className="font-medium">{t("detail.firstResponse")}</dt>
              <dd>{report.firstResponseAt ? when(report.firstResponseAt, locale) : "—"}</dd>
              <dt className="font-medium">{t("detail.office")}</dt>
              <dd>{report.office?.name ?? `${report.kanwil?.name ?? t("queue.national")} · ${t("detail.awaitingRouting")}`}</dd>
              <dt className="font-medium">{t("detail.assignee")}</dt>
              <dd>{report.assignedTo?.name ?? "—"}</dd>
              {report.mergedInto && (
                <>
                  <dt className="font-medium">{t("detail.mergedInto")}</dt>
                  <dd>
                    <Link href={`/portal/deteksi/${report.mergedInto.id}`} className="font-mono">
                      {report.mergedInto.ticketCode}
                    </Link>
                  </dd>
                </>
              )}
              {report.duplicates.length > 0 && (
                <>
                  <dt className="font-medium">{t("detail.duplicates")}</dt>
                  <dd className="flex flex-wrap gap-2">
                    {report.duplicates.map((d) => (
                      <Link key={d.id} href={`/portal/deteksi/${d.id}`} className="font-mono">
                        {d.ticketCode}
                      </Link>
                    ))}
                  </dd>
                </>
              )}
            </dl>
            <h3 className="mt-4 font-semibold">{t("form.description")}</h3>
            {report.purgedAt ? (
              <p className="text-slate-700 italic">{t("detail.purged", { date: formatDate(report.purgedAt, locale) })}</p>
            ) : (
              <p className="whitespace-pre-line">{report.description}</p>
            )}
          </Card>
          {(report.peopleInvolved || report.reporterContact) && (
            <Card title={t("detail.sensitive")}>
              <p className="mb-2 text-sm text-slate-700">{t("detail.sensitiveNote")}</p>
              {report.peopleInvolved && <p className="whitespace-pre-line">{report.peopleInvolved}</p>}
              {report.reporterContact && (
                <p className="mt-2">
                  {t("detail.contact")}: {report.reporterContact}
                </p>
              )}
              {report.reporterContact && report.can.update && (
                <div className="mt-3 border-t border-slate-200 pt-3">
                  <p className="mb-2 text-sm text-slate-700">{t("detail.eraseContactHint")}</p>
                  <StepForm
                    key={report.version}
                    step="eraseContact"
                    label={t("detail.eraseContact")}
                    fixed={fixed}
                    submitLabel={t("detail.eraseContact")}
                    successText={t("detail.contactErased")}
                    variant="danger"
                  />
                </div>
              )}
            </Card>
          )}
          {report.attachments.length > 0 && (
            <Card title={t("detail.attachments")}>
              <ul className="list-disc pl-5">
                {report.attachments.map(({ file }) => (
                  <li key={file.id}>
                    <a href={`/api/deteksi/${report.id}/lampiran/${file.id}`}>{file.fileName}</a> ({Math.ceil(file.byteSize / 1024)} kB)
                  </li>
                ))}
              </ul>
            </Card>
          )}
          <Card title={t("detail.followUps")}>
            {report.followUps.length === 0 ? (
              <p>{t("detail.noFollowUps")}</p>
            ) : (
              <ul className="space-y-3">
                {report.followUps.map((f) => (
                  <li key={f.id} className="rounded border border-slate-200 p-3">
                    <p className="font-medium">{t(`followUpType.${f.type}`)}</p>
                    <p className="text-sm text-slate-700">{t("detail.followUpOwner", { name: f.owner.name, due: formatDate(f.dueOn, locale) })}</p>
                    {f.description && <p className="whitespace-pre-line text-sm">{f.description}</p>}
                    {f.doneAt ? (
                      <p className="text-sm">
                        <strong>{t("detail.outcome")}:</strong> {f.outcome}
                      </p>
                    ) : (
                      report.can.update && (
                        <StepForm
                          key={`${f.id}-${report.version}`}
                          step="completeFollowUp"
                          label={t("detail.completeFollowUp")}
                          fixed={{ ...fixed, followUpId: f.id }}
                          fields={[{ name: "outcome", kind: "textarea", label: t("detail.outcome"), maxLength: 2000 }]}
                          submitLabel={t("detail.completeFollowUp")}
                          successText={t("detail.saved")}
                          variant="secondary"
                        />
                      )
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t("detail.history")}>
            <ol className="space-y-2" data-testid="report-history">
              {report.steps.map((s) => (
                <li key={s.id} className="border-l-2 border-slate-300 pl-3">
                  <p className="text-xs text-slate-600">
                    {when(s.at, locale)}
                    {s.actor ? ` · ${s.actor.name}` : ""}
                    {s.forReporter ? ` · ${t("detail.seenByReporter")}` : ""}
                  </p>
                  <p className="font-medium">
                    {t(`step.${s.kind}`)}
                    {s.status ? ` · ${t(`status.${s.status}`)}` : ""}
                  </p>
                  {s.body && <p className="whitespace-pre-line text-sm">{s.kind === "FOLLOW_UP" ? t(`followUpType.${s.body as (typeof FOLLOW_UP_TYPES)[number]}`) : s.body}</p>}
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <div className="space-y-4">
          {report.whatsapp && (
            <Card title={t("detail.whatsappTitle")}>
              <p className="mb-2 text-sm text-slate-700">{t("detail.whatsappHint")}</p>
              <a
                className="font-semibold"
                rel="noopener"
                href={whatsappChatLink(report.whatsapp.phone, t("detail.whatsappText", { code: report.ticketCode, status: t(`status.${report.status}`), url: report.whatsapp.link }))}
              >
                {t("detail.whatsappLink")}
              </a>
            </Card>
          )}
          {report.can.startVerification && (
            <Card title={t("detail.startVerification")}>
              <StepForm key={report.version} step="startVerification" label={t("detail.startVerification")} fixed={fixed} submitLabel={t("detail.startVerification")} successText={t("detail.saved")} />
            </Card>
          )}
          {report.can.update && (
            <Card title={t("detail.assign")}>
              <StepForm
                key={report.version}
                step="assign"
                label={t("detail.assign")}
                fixed={{ ...fixed, assigneeId: report.assignedTo?.id ?? "" }}
                fields={[{ name: "assigneeId", kind: "select", label: t("detail.assignee"), options: staffOptions, placeholder: t("detail.nobody") }]}
                submitLabel={t("detail.assign")}
                successText={t("detail.saved")}
                variant="secondary"
              />
            </Card>
          )}
          {report.can.verify && (
            <Card title={t("detail.verify")}>
              <StepForm
                key={report.version}
                step="verify"
                label={t("detail.verify")}
                fixed={fixed}
                fields={[
                  ...VERIFICATION_CHECKS.map((c) => ({ name: `checks.${c}`, kind: "checkbox" as const, label: t(`check.${c}`) })),
                  { name: "decision", kind: "radio", label: t("detail.decision"), options: (["VALID", "INVALID", "DUPLICATE"] as const).map((d) => ({ value: d, label: t(`decision.${d}`) })) },
                  { name: "duplicateOf", kind: "text", label: t("detail.duplicateOf"), hint: t("detail.duplicateOfHint"), maxLength: 20 },
                  { name: "note", kind: "textarea", label: t("detail.verificationNote"), maxLength: 2000 },
                ]}
                submitLabel={t("detail.saveVerification")}
                successText={t("detail.saved")}
              />
            </Card>
          )}
          {report.can.update && (
            <Card title={t("detail.ask")}>
              <StepForm
                key={report.version}
                step="ask"
                label={t("detail.ask")}
                fixed={fixed}
                fields={[{ name: "question", kind: "textarea", label: t("detail.question"), hint: t("detail.questionHint"), maxLength: 1000 }]}
                submitLabel={t("detail.sendQuestion")}
                successText={t("detail.saved")}
                variant="secondary"
              />
            </Card>
          )}
          {report.can.followUp && (
            <Card title={t("detail.addFollowUp")}>
              <StepForm
                key={report.version}
                step="addFollowUp"
                label={t("detail.addFollowUp")}
                fixed={fixed}
                fields={[
                  { name: "type", kind: "select", label: t("detail.followUpType"), options: FOLLOW_UP_TYPES.map((f) => ({ value: f, label: t(`followUpType.${f}`) })) },
                  { name: "ownerId", kind: "select", label: t("detail.followUpOwnerLabel"), options: staffOptions },
                  { name: "dueOn", kind: "date", label: t("detail.dueOn") },
                  { name: "description", kind: "textarea", label: t("detail.followUpDescription"), maxLength: 1000 },
                ]}
                submitLabel={t("detail.addFollowUp")}
                successText={t("detail.saved")}
              />
            </Card>
          )}
          {report.can.close && (
            <Card title={t("detail.close")}>
              <StepForm
                key={report.version}
                step="close"
                label={t("detail.close")}
                fixed={fixed}
                fields={[{ name: "outcome", kind: "textarea", label: t("detail.closeOutcome"), maxLength: 2000 }]}
                submitLabel={t("detail.close")}
                successText={t("detail.saved")}
                variant="secondary"
              />
            </Card>
          )}
          {report.can.update && (
            <Card title={t("detail.note")}>
              <StepForm
                key={report.version}
                step="note"
                label={t("detail.note")}
                fixed={fixed}
                fields={[{ name: "note", kind: "textarea", label: t("detail.noteLabel"), maxLength: 2000 }]}
                submitLabel={t("detail.addNote")}
                successText={t("detail.saved")}
                variant="secondary"
              />
            </Card>
          )}
          {report.can.route && offices.length > 0 && (
            <Card title={t("detail.route")}>
              <StepForm
                key={report.version}
                step="route"
                label={t("detail.route")}
                fixed={fixed}
                fields={[{ name: "officeId", kind: "select", label: t("detail.office"), options: offices }]}
                submitLabel={t("detail.route")}
                successText={t("detail.saved")}
              />
            </Card>
          )}
          {report.can.remind && (
            <Card title={t("detail.remind")}>
              <StepForm
                key={report.version}
                step="remind"
                label={t("detail.remind")}
                fixed={{ reportId: report.id }}
                fields={[{ name: "message", kind: "textarea", label: t("detail.remindMessage"), maxLength: 500 }]}
                submitLabel={t("detail.sendReminder")}
                successText={t("detail.reminderSent")}
                variant="danger"
              />
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
