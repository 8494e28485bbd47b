"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { resetSecondFactor } from "@/lib/features/accounts/second-factor";
import { createAccount, issuePasswordLink, setAccountActive, updateAccount } from "@/lib/features/users/mutations";
import { accountIdSchema, createAccountSchema, setAccountActiveSchema, updateAccountSchema } from "@/lib/features/users/schemas";

export const createAccountAction = defineAction({
  schema: createAccountSchema,
  permission: "manage:user",
  handler: async (input, { user }) => {
    const created = await createAccount(user, input);
    revalidatePath("/portal/pengguna");
    return created;
  },
});

export const updateAccountAction = defineAction({
  schema: updateAccountSchema,
  permission: "manage:user",
  handler: async (input, { user }) => {
    const saved = await updateAccount(user, input);
    revalidatePath("/portal/pengguna");
    return saved;
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

export const issuePasswordLinkAction = defineAction({
  schema: accountIdSchema,
  permission: "manage:user",
  handler: (input, { user }) => issuePasswordLink(user, input),
});

export const resetSecondFactorAction = defineAction({
  schema: accountIdSchema,
  permission: "manage:user",
  handler: async (input, { user }) => {
    await resetSecondFactor(user, input);
    revalidatePath("/portal/pengguna");
  },
});
