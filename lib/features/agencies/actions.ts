"use server";
import { revalidatePath } from "next/cache";
import { importAgencies } from "@/lib/features/agencies/import";
import { importAgenciesSchema } from "@/lib/features/agencies/schemas";
import { defineAction } from "@/lib/server/action";

export const importAgenciesAction = defineAction({
  schema: importAgenciesSchema,
  permission: "manage:agency",
  handler: async (input, { user }) => {
    const report = await importAgencies(user, input);
    if (report.committed) revalidatePath("/portal/agensi");
    return report;
  },
});
