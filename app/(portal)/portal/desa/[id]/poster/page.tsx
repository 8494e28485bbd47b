import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getVillage } from "@/lib/features/villages/queries";
import { whatsappQrSvg } from "@/lib/features/villages/qr";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { PrintButton } from "./_components/print-button";

export const metadata: Metadata = { title: "Poster grup WhatsApp" };

/** An A4 poster with the group's QR code, to print and pin up at the village office. */
export default async function PosterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const desa = await orNotFound(getVillage(user, id));
  const qr = desa.whatsappGroupUrl ? await whatsappQrSvg(desa.whatsappGroupUrl) : null;
  if (!desa.whatsappGroupUrl || !qr) notFound();
  const t = await getTranslations("villages");
  const place = desa.village;
  return (
    <>
      {/* A4 with its own margins; the portal's header and the buttons are hidden in print. */}
      <style>{`@page { size: A4 portrait; margin: 15mm; } @media print { main { max-width: none !important; padding: 0 !important; } }`}</style>
      <div className="mb-4 flex flex-wrap gap-2 print:hidden">
        <PrintButton label={t("print")} />
        <Link href={`/portal/desa/${desa.id}`} className="inline-flex min-h-11 items-center px-2">
          {t("backToVillage")}
        </Link>
      </div>
      <article
        className="mx-auto flex aspect-[210/297] w-full max-w-[210mm] flex-col items-center justify-between border border-slate-300 bg-white p-8 text-center print:border-0 print:p-0"
        data-testid="poster"
      >
        <header className="space-y-2">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-800">Desa Binaan Imigrasi</p>
          <h1 className="text-3xl font-bold leading-tight">{t("posterTitle")}</h1>
          <p className="text-2xl font-semibold">{t("posterVillage", { village: place.name })}</p>
          <p className="text-base text-slate-700">
            {t("posterPlace", { district: place.district.name, regency: place.regency.name, province: place.province.name })}
          </p>
        </header>
        <div className="w-3/4 max-w-[130mm] [&>svg]:h-auto [&>svg]:w-full" role="img" aria-label={t("qrAlt", { village: place.name })} dangerouslySetInnerHTML={{ __html: qr }} />
        <div className="space-y-2">
          <p className="text-lg font-medium">{t("posterScan")}</p>
          <p className="text-sm">
            {t("posterOrLink")} <span className="break-all font-mono">{desa.whatsappGroupUrl}</span>
          </p>
          <p className="text-sm text-slate-700">{t("posterFooter", { office: desa.office.name })}</p>
        </div>
      </article>
    </>
  );
}
