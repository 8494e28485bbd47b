"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { changeStage, registerVillage, updateVillage } from "@/lib/features/villages/mutations";
import { changeStageSchema, registerVillageSchema, updateVillageSchema } from "@/lib/features/villages/schemas";

export const registerVillageAction = defineAction({
  schema: registerVillageSchema,
  permission: "create:village",
  handler: async (input, { user }) => {
    const created = await registerVillage(user, input);
    revalidatePath("/portal/desa");
    return created;
  },
});

export const updateVillageAction = defineAction({
  schema: updateVillageSchema,
  permission: "update:village",
  handler: async (input, { user }) => {
    const updated = await updateVillage(user, input);
    revalidatePath(`/portal/desa/${updated.id}`);
    return updated;
  },
});

export const changeStageAction = defineAction({
  schema: changeStageSchema,
  permission: "update:village",
  handler: async (input, { user }) => {
    const change = await changeStage(user, input);
    revalidatePath(`/portal/desa/${input.id}`);
    return { id: change.id };
  },
});
