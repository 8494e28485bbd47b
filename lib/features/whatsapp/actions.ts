"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { resetWhatsappTemplate, saveWhatsappTemplate } from "@/lib/features/whatsapp/mutations";
import { resetWhatsappTemplateSchema, saveWhatsappTemplateSchema } from "@/lib/features/whatsapp/schemas";

// The texts show on the edit page and on every session page of the office.
const refresh = () => revalidatePath("/portal/kegiatan", "layout");

export const saveWhatsappTemplateAction = defineAction({
  schema: saveWhatsappTemplateSchema,
  permission: "update:template",
  handler: async (input, { user }) => {
    const saved = await saveWhatsappTemplate(user, input);
    refresh();
    return saved;
  },
});

export const resetWhatsappTemplateAction = defineAction({
  schema: resetWhatsappTemplateSchema,
  permission: "update:template",
  handler: async (input, { user }) => {
    const reset = await resetWhatsappTemplate(user, input);
    refresh();
    return reset;
  },
});
