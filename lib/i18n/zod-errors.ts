import { z } from "zod";

/**
 * zod's own messages are English sentences ("Invalid input: expected string, received
 * undefined"); the forms and the action wrapper show catalogue keys translated. An issue whose
 * schema names no key gets one here, so no zod English reaches a user in either language.
 * Imported for its effect by the action wrapper (server) and useActionForm (browser).
 */
export function catalogueKeyFor(issue: z.core.$ZodRawIssue): string {
  const input = issue.input;
  if (issue.code === "invalid_union") {
    // the branch that said something specific ("validation.dateFuture"), else a generic word
    const specific = issue.errors.flat().find((i) => i.message.startsWith("validation.") && i.message !== "validation.invalid");
    if (specific) return specific.message;
  }
  if (input === undefined || input === null || input === "") return "validation.required";
  if (issue.code === "too_big" && issue.origin === "string") return "validation.tooLong";
  if (issue.code === "too_big" && issue.origin === "array") return "validation.tooMany";
  return "validation.invalid";
}

z.config({ customError: (issue) => catalogueKeyFor(issue) });
