import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { Card } from "@/components/ui/card";
import { findMaterials } from "@/lib/features/materials/queries";
import { requireUser } from "@/lib/server/auth/session";
import { NewMaterialForm } from "../_components/material-form";

export const metadata: Metadata = { title: "Materi baru" };

export default async function NewMaterialPage({ searchParams }: { searchParams: Promise<{ terjemahan?: string }> }) {
  const user = await requireUser();
  if (!can(user.role, "create:material")) notFound();
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
              ? { translationOfId: original.id, category: original.category, journeyStage: original.journeyStage ?? "", language: original.language === "ID" ? "EN" : "ID" }
              : undefined
          }
        />
      </Card>
    </div>
  );
}
