import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/server/errors";

/**
 * For pages: a record the user may not see answers 404, exactly like one that does not exist,
 * so another office's ids reveal nothing.
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}
