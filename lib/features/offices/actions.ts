"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { commitOfficeImport, previewOfficeImport } from "@/lib/features/offices/import";
import { updateOfficeProfile } from "@/lib/features/offices/mutations";
import { createKanwil, createOffice, updateKanwil, updateOffice } from "@/lib/features/offices/reference";
import {
  changeWorkAreaSchema,
  createKanwilSchema,
  createOfficeSchema,
  importOfficesSchema,
  updateKanwilSchema,
  updateOfficeProfileSchema,
  updateOfficeSchema,
} from "@/lib/features/offices/schemas";
import { changeWorkArea, previewWorkAreaChange } from "@/lib/features/offices/work-area";

export const updateOfficeProfileAction = defineAction({
  schema: updateOfficeProfileSchema,
  permission: "update:office",
  handler: async (input, { user }) => {
    const updated = await updateOfficeProfile(user, input);
    revalidatePath(`/portal/kantor/${updated.id}`);
    return updated;
  },
});

export const createKanwilAction = defineAction({
  schema: createKanwilSchema,
  permission: "manage:kanwil",
  handler: async (input, { user }) => {
    const created = await createKanwil(user, input);
    revalidatePath("/portal/kantor/kanwil");
    return created;
  },
});

export const updateKanwilAction = defineAction({
  schema: updateKanwilSchema,
  permission: "manage:kanwil",
  handler: async (input, { user }) => {
    const updated = await updateKanwil(user, input);
    revalidatePath("/portal/kantor/kanwil");
    return updated;
  },
});

export const createOfficeAction = defineAction({
  schema: createOfficeSchema,
  permission: "manage:office",
  handler: async (input, { user }) => {
    const created = await createOffice(user, input);
    revalidatePath("/portal/kantor");
    return created;
  },
});

export const updateOfficeAction = defineAction({
  schema: updateOfficeSchema,
  permission: "manage:office",
  handler: async (input, { user }) => {
    const updated = await updateOffice(user, input);
    revalidatePath("/portal/kantor");
    revalidatePath(`/portal/kantor/${updated.id}`);
    return updated;
  },
});

export const previewWorkAreaAction = defineAction({
  schema: changeWorkAreaSchema,
  permission: "manage:office",
  handler: (input, { user }) => previewWorkAreaChange(user, input),
});

export const changeWorkAreaAction = defineAction({
  schema: changeWorkAreaSchema,
  permission: "manage:office",
  handler: async (input, { user }) => {
    const result = await changeWorkArea(user, input);
    revalidatePath("/portal/kantor", "layout");
    revalidatePath("/portal/desa", "layout");
    return result;
  },
});

export const previewOfficeImportAction = defineAction({
  schema: importOfficesSchema,
  permission: "manage:office",
  handler: (input, { user }) => previewOfficeImport(user, input),
});

export const commitOfficeImportAction = defineAction({
  schema: importOfficesSchema,
  permission: "manage:office",
  handler: async (input, { user }) => {
    const report = await commitOfficeImport(user, input);
    if (report.committed) revalidatePath("/portal/kantor");
    return report;
  },
});
