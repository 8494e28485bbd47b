"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, definePublicAction } from "@/lib/server/action";
import { changeOwnPassword, setPasswordWithToken } from "@/lib/features/accounts/password";
import { changeOwnPasswordSchema, secondFactorCodeSchema, setPasswordWithTokenSchema } from "@/lib/features/accounts/schemas";
import { confirmSecondFactor, disableOwnSecondFactor, startSecondFactorEnrolment } from "@/lib/features/accounts/second-factor";

/** Anyone holding a valid one-time link: the link is the credential. */
export const setPasswordWithTokenAction = definePublicAction({
  schema: setPasswordWithTokenSchema,
  handler: (input) => setPasswordWithToken(input),
});

/** Ends every session of the account, this one included: the person signs in again with the new password. */
export const changeOwnPasswordAction = defineAction({
  schema: changeOwnPasswordSchema,
  permission: "signed-in",
  allowPending: true,
  handler: (input, { user }) => changeOwnPassword(user, input),
});

export const startSecondFactorAction = defineAction({
  schema: z.object({}),
  permission: "signed-in",
  allowPending: true,
  handler: (_input, { user }) => startSecondFactorEnrolment(user),
});

export const confirmSecondFactorAction = defineAction({
  schema: secondFactorCodeSchema,
  permission: "signed-in",
  allowPending: true,
  handler: async (input, { user }) => {
    const result = await confirmSecondFactor(user, input);
    revalidatePath("/akun");
    return result;
  },
});

export const disableSecondFactorAction = defineAction({
  schema: secondFactorCodeSchema,
  permission: "signed-in",
  handler: async (input, { user }) => {
    await disableOwnSecondFactor(user, input);
    revalidatePath("/akun");
  },
});
