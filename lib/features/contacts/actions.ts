"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import {
  createContact,
  deleteContact,
  endContact,
  handoverContact,
  updateContact,
} from "@/lib/features/contacts/mutations";
import {
  createContactSchema,
  deleteContactSchema,
  endContactSchema,
  handoverContactSchema,
  updateContactSchema,
} from "@/lib/features/contacts/schemas";

// The village page shows the contacts; its path holds the desa binaan id, which these actions
// do not all know, so the whole village section is revalidated.
const refresh = () => revalidatePath("/portal/desa/[id]", "page");

export const createContactAction = defineAction({
  schema: createContactSchema,
  permission: "create:contact",
  handler: async (input, { user }) => {
    const created = await createContact(user, input);
    refresh();
    return created;
  },
});

export const updateContactAction = defineAction({
  schema: updateContactSchema,
  permission: "update:contact",
  handler: async (input, { user }) => {
    const updated = await updateContact(user, input);
    refresh();
    return updated;
  },
});

export const endContactAction = defineAction({
  schema: endContactSchema,
  permission: "update:contact",
  handler: async (input, { user }) => {
    const ended = await endContact(user, input);
    refresh();
    return ended;
  },
});

export const handoverContactAction = defineAction({
  schema: handoverContactSchema,
  permission: "update:contact",
  handler: async (input, { user }) => {
    const successor = await handoverContact(user, input);
    refresh();
    return successor;
  },
});

export const deleteContactAction = defineAction({
  schema: deleteContactSchema,
  permission: "delete:contact",
  handler: async (input, { user }) => {
    const deleted = await deleteContact(user, input);
    refresh();
    return deleted;
  },
});
