"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { createAccount, setAccountActive } from "@/lib/features/users/mutations";
import { createAccountSchema, setAccountActiveSchema } from "@/lib/features/users/schemas";

export const createAccountAction = defineAction({
  schema: createAccountSchema,
  permission: "manage:user",
  handler: async (input, { user }) => {
    const created = await createAccount(user, input);
    revalidatePath("/portal/pengguna");
    return created;
  },
});

export const setAccountActiveAction = defineAction({
  schema: setAccountActiveSchema,
  permission: "manage:user",
  handler: async (input, { user }) => {
    const updated = await setAccountActive(user, input);
    revalidatePath("/portal/pengguna");
    return updated;
  },
});
