"use server";
import { revalidatePath, revalidateTag } from "next/cache";
import { renderMarkdown } from "@/lib/features/materials/markdown";
import {
  addMaterialFile,
  createMaterial,
  removeAttachment,
  publishRevision,
  setMaterialStatus,
  updateMaterial,
} from "@/lib/features/materials/mutations";
import {
  createMaterialSchema,
  previewMaterialSchema,
  publishRevisionSchema,
  removeAttachmentSchema,
  setMaterialStatusSchema,
  updateMaterialSchema,
  uploadMaterialFileSchema,
} from "@/lib/features/materials/schemas";
import { PUBLIC_CACHE_TAG } from "@/lib/features/site/queries";
import { defineAction } from "@/lib/server/action";

/** Every cached public page may list the material: refresh them all (they are few and cheap). */
function refreshPublicSite() {
  revalidateTag(PUBLIC_CACHE_TAG, { expire: 0 });
  // Every page under app/(public), both app/(public)/[locale] and app/(public)/(id).
  revalidatePath("/(public)", "layout");
  revalidatePath("/portal/materi");
}

export const createMaterialAction = defineAction({
  schema: createMaterialSchema,
  permission: "create:material",
  handler: async (input, { user }) => {
    const created = await createMaterial(user, input);
    revalidatePath("/portal/materi");
    return created;
  },
});

export const updateMaterialAction = defineAction({
  schema: updateMaterialSchema,
  permission: "update:material",
  handler: async (input, { user }) => {
    const updated = await updateMaterial(user, input);
    if (updated?.pendingReview) revalidatePath("/portal/materi");
    else refreshPublicSite();
    return updated;
  },
});

/** An admin publishes an officer's pending edit of published material. */
export const publishRevisionAction = defineAction({
  schema: publishRevisionSchema,
  permission: "publish:material",
  handler: async (input, { user }) => {
    const updated = await publishRevision(user, input);
    refreshPublicSite();
    return updated;
  },
});

export const setMaterialStatusAction = defineAction({
  schema: setMaterialStatusSchema,
  permission: "publish:material",
  handler: async (input, { user }) => {
    const updated = await setMaterialStatus(user, input);
    refreshPublicSite();
    return updated;
  },
});

/** The editor's live preview: the same sanitising renderer as the public page. */
export const previewMaterialAction = defineAction({
  schema: previewMaterialSchema,
  permission: "update:material",
  handler: async (input) => ({ html: renderMarkdown(input.body) }),
});

export const uploadMaterialFileAction = defineAction({
  schema: uploadMaterialFileSchema,
  permission: "update:material",
  handler: async (input, { user }) => {
    const result = await addMaterialFile(user, input);
    refreshPublicSite();
    return result;
  },
});

export const removeAttachmentAction = defineAction({
  schema: removeAttachmentSchema,
  permission: "update:material",
  handler: async (input, { user }) => {
    const result = await removeAttachment(user, input);
    refreshPublicSite();
    return result;
  },
});
