import { z } from "zod";
import { requiredText } from "@/lib/schema-fields";
import { TEMPLATE_KINDS, TEMPLATE_LANGUAGES, TEMPLATE_MAX_LENGTH, templateProblems } from "@/lib/features/whatsapp/template";

const kind = z.enum(TEMPLATE_KINDS, "validation.invalid");
const language = z.enum(TEMPLATE_LANGUAGES, "validation.invalid");

/**
 * An office's wording of one message. Each problem of the text is its own issue on `body`, with
 * the placeholder as a parameter, so the message can name it ("{judl} is not a placeholder").
 */
export const saveWhatsappTemplateSchema = z
  .object({ officeId: z.uuid("validation.invalid"), kind, language, body: requiredText(TEMPLATE_MAX_LENGTH, { multiline: true }) })
  .superRefine((v, ctx) => {
    for (const problem of templateProblems(v.body, v.kind)) {
      ctx.addIssue({ code: "custom", path: ["body"], message: problem.key, params: "placeholder" in problem ? { placeholder: problem.placeholder } : undefined });
    }
  });
export type SaveWhatsappTemplateInput = z.input<typeof saveWhatsappTemplateSchema>;

/** Back to the built-in wording: the office's own row goes. */
export const resetWhatsappTemplateSchema = z.object({ officeId: z.uuid("validation.invalid"), kind, language });
export type ResetWhatsappTemplateInput = z.input<typeof resetWhatsappTemplateSchema>;
