import { NextResponse, type NextRequest } from "next/server";
import { mutatingRoute } from "@/lib/server/route";
import { publicBaseUrl } from "@/lib/features/accounts/base-url";
import { submitAnswers } from "@/lib/features/quizzes/mutations";
import { submitAnswersSchema } from "@/lib/features/quizzes/schemas";

/**
 * An attendee's quiz answers: a plain form post from the phone (no JavaScript needed), answered
 * with a 303 back to the quiz page with the outcome. Fields: token, phase, and q_<question id>
 * once per chosen option.
 */
export const POST = mutatingRoute(async (request: NextRequest, { params }: { params: Promise<{ code: string }> }) => {
  const { code } = await params;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    form = new FormData();
  }
  const answers: Record<string, string[]> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("q_") && typeof value === "string") (answers[key.slice(2)] ??= []).push(value);
  }
  const token = String(form.get("token") ?? "");
  const parsed = submitAnswersSchema.safeParse({ token, phase: form.get("phase"), answers });
  const reply = parsed.success ? await submitAnswers(code, parsed.data) : ({ status: "invalid", fieldErrors: {} } as const);
  const url = new URL(`/hadir/${encodeURIComponent(code)}/kuis/${encodeURIComponent(token)}`, publicBaseUrl());
  url.searchParams.set("hasil", reply.status);
  if (parsed.success) url.searchParams.set("fase", parsed.data.phase);
  if (reply.status === "invalid") url.searchParams.set("kolom", Object.keys(reply.fieldErrors).join(","));
  return NextResponse.redirect(url, 303);
});
