"use client";
import { useTranslations } from "next-intl";
import type { UseFormRegister } from "react-hook-form";
import { SelectField } from "@/components/ui/field";

export type Choice = { id: string; label: string };
type Placed = { officeId?: string | null; kanwilId?: string | null; desaBinaanId?: string | null };

/** Where an account of the chosen role belongs: a Kanwil, an office, a desa binaan, or nothing (national). */
export function PlacementFields<T extends Placed>({
  role,
  register,
  fieldError,
  offices,
  kanwils,
  villages,
}: {
  role: string | undefined;
  register: UseFormRegister<T>;
  fieldError: (name: never) => string | undefined;
  offices: Choice[];
  kanwils: Choice[];
  villages: Choice[];
}) {
  const t = useTranslations();
  const reg = register as unknown as UseFormRegister<Placed>;
  const error = fieldError as (name: keyof Placed) => string | undefined;
  return (
    <>
      {role === "REGIONAL_OVERSEER" && (
        <SelectField label={t("accounts.admin.kanwil")} error={error("kanwilId")} {...reg("kanwilId")}>
          <option value="">{t("accounts.admin.chooseKanwil")}</option>
          {kanwils.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </SelectField>
      )}
      {offices.length > 0 && (role === "OFFICE_ADMIN" || role === "OFFICE_OFFICER" || role === "VILLAGE") && (
        <SelectField label={t("users.office")} error={error("officeId")} {...reg("officeId")}>
          {offices.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </SelectField>
      )}
      {role === "VILLAGE" && (
        <SelectField label={t("users.village")} error={error("desaBinaanId")} {...reg("desaBinaanId")}>
          <option value="">{t("users.chooseVillage")}</option>
          {villages.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </SelectField>
      )}
    </>
  );
}
