import { envSchema, formatEnvError } from "@/lib/env-schema";

export function assertEnvOrExit(): void {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const result = envSchema.safeParse(process.env);
  if (!result.success) {
    console.error(`Refusing to start: ${formatEnvError(result.error)}`);
    process.exit(1);
  }
}
