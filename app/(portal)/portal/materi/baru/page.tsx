import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { findMaterials } from "@/lib/features/materials/queries";
import { requireUser } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
import { orNotFound } from "@/lib/server/page";
import { requireScope } from "@/lib/server/scope";
import { NewMaterialForm } from "../_components/material-form";

export const metadata: Metadata = { title: "Materi baru" };

export default async function NewMaterialPage({ searchParams }: { searchParams: Promise<{ terjemahan?: string }> }) {
  const user = await requireUser();
  await orNotFound(
    (async () => {
      requireScope(user, "create:material");
    })().catch((e) => {
      throw e instanceof AppError ? e : new AppError("FORBIDDEN");
    }),
  );
  const materials = await findMaterials(user);
  const { terjemahan } = await searchParams;
  const original = materials.find((m) => m.id === terjemahan);
  const t = await getTranslations("materials");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      <Card>
        <NewMaterialForm
          translationChoices={materials.map((m) => ({ id: m.id, label: `${m.title} (${m.language})` }))}
          defaults={
            original
              ? { translationOfId: original.id, category: original.category, language: original.language === "ID" ? "EN" : "ID" }
              : undefined
          }
        />
      </Card>
    </div>
  );
}
