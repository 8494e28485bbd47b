import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { findOfficerChoices, getRegistrableVillage, searchVillages } from "@/lib/features/villages/queries";
import { SEARCH_MAX_LENGTH, villageCodeSchema } from "@/lib/features/villages/schemas";
import { withoutControlCharacters } from "@/lib/text";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { RegisterVillageForm } from "../_components/village-profile-form";
import { VillageSearch } from "./_components/village-search";

export const metadata: Metadata = { title: "Daftarkan desa binaan" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

/**
 * Registration in two steps that work without script on any phone: a search form listing real
 * villages (with district, regency and province), then the form for the chosen one. With
 * script, the search field is a type-ahead combobox over GET /api/desa/cari that leads to the
 * same second step (?kode=).
 */
export default async function RegisterVillagePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const params = await searchParams;
  const q = withoutControlCharacters(first(params.q)).trim().slice(0, SEARCH_MAX_LENGTH);
  const code = villageCodeSchema.safeParse(first(params.kode));
  const [results, chosen, officers] = await orNotFound(
    Promise.all([
      searchVillages(user, q),
      code.success ? getRegistrableVillage(user, code.data) : Promise.resolve(null),
      // only the second step's form lists officers
      code.success ? findOfficerChoices(user, user.officeId ?? "") : Promise.resolve([]),
    ]),
  );
  const t = await getTranslations();

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("villages.registerTitle")}</h1>
        <p className="text-slate-700">{t("villages.registerIntro")}</p>
      </div>

      {chosen && chosen.inWorkArea && !chosen.adoption ? (
        <Card title={t("villages.chosen")}>
          <p className="mb-4">
            <strong>{chosen.name}</strong>, {chosen.district.name}, {chosen.regency.name}, {chosen.province.name}{" "}
            <span className="text-sm text-slate-600">({chosen.code})</span>
            <Link href={q ? `/portal/desa/baru?q=${encodeURIComponent(q)}` : "/portal/desa/baru"} className="ml-2 text-sm">
              {t("villages.changeChoice")}
            </Link>
          </p>
          <RegisterVillageForm villageCode={chosen.code} villageName={chosen.name} officers={officers} />
        </Card>
      ) : (
        <Card>
          {chosen && (
            <div className="mb-4">
              <Alert>
                {chosen.name}, {chosen.district.name}:{" "}
                {chosen.adoption
                  ? chosen.adoption.by === "own"
                    ? t("villages.adoptedByOwn")
                    : t("villages.adoptedByOther")
                  : t("villages.outsideWorkArea")}
              </Alert>
            </div>
          )}
          <VillageSearch defaultValue={q} />
          {q.length >= 3 && (
            <section aria-labelledby="results-title" className="mt-4">
              <h2 id="results-title" className="mb-2 text-lg font-semibold">
                {t("villages.searchResults", { q })}
              </h2>
              {results.length === 0 ? (
                <p>{t("villages.noResults", { q })}</p>
              ) : (
                <ul className="divide-y divide-slate-100" data-testid="village-results">
                  {results.map((r) => (
                    <li key={r.code} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <div>
                        <p className="font-medium">{r.name}</p>
                        <p className="text-sm text-slate-600">
                          {r.district}, {r.regency}, {r.province}
                        </p>
                      </div>
                      {r.adoption?.by === "own" ? (
                        <Link href={`/portal/desa/${r.adoption.id}`} className="text-sm">
                          {t("villages.adoptedByOwn")}
                        </Link>
                      ) : r.adoption ? (
                        <span className="text-sm text-slate-700">{t("villages.adoptedByOther")}</span>
                      ) : !r.inWorkArea ? (
                        <span className="text-sm text-slate-700">{t("villages.outsideWorkArea")}</span>
                      ) : (
                        <Link
                          href={`/portal/desa/baru?q=${encodeURIComponent(q)}&kode=${r.code}`}
                          className={buttonClass("secondary", "no-underline")}
                          aria-label={t("villages.chooseVillage", { village: r.name, district: r.district })}
                        >
                          {t("villages.choose")}
                        </Link>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </Card>
      )}
    </div>
  );
}
