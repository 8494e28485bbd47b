"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { updateOfficeProfile } from "@/lib/features/offices/mutations";
import { updateOfficeProfileSchema } from "@/lib/features/offices/schemas";

export const updateOfficeProfileAction = defineAction({
  schema: updateOfficeProfileSchema,
  permission: "update:office",
  handler: async (input, { user }) => {
    const updated = await updateOfficeProfile(user, input);
    revalidatePath(`/portal/kantor/${updated.id}`);
    return updated;
  },
});
