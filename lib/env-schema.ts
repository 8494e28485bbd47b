import { z } from "zod";

/**
 * Environment variables, parsed once. Shared by the server (lib/server/env.ts) and the
 * start script, which checks the same rules before it launches anything.
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "DATABASE_URL is required (postgresql://user:password@host:port/database)" })
      .refine((v) => /^postgres(ql)?:\/\//.test(v), "DATABASE_URL must start with postgresql://"),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    /** Public base URL, used in QR codes, links in exports and next-auth callbacks. */
    APP_URL: z.url("APP_URL must be a full URL, e.g. https://desabinaan.imigrasi.go.id").optional(),
    /** next-auth's own base URL; `npm start` sets it from APP_URL or the address it serves on. */
    NEXTAUTH_URL: z.url("NEXTAUTH_URL must be a full URL").optional(),
    /** Outgoing email (invitation and reset links): smtp://user:password@host:587 or smtps://... Unset: no email. */
    SMTP_URL: z
      .string()
      .refine((v) => /^smtps?:\/\//.test(v), "SMTP_URL must start with smtp:// or smtps://")
      .optional(),
    /** The sender of those emails, e.g. "Portal Desa Binaan <no-reply@imigrasi.go.id>". */
    SMTP_FROM: z.string().min(3).optional(),
    /**
     * Whether this instance runs the background jobs of lib/server/jobs.ts (email, deadlines).
     * 1 (the default): every instance works the shared queue, each job done once. 0: this
     * instance only enqueues (e.g. web-only instances beside dedicated worker ones).
     */
    JOBS_WORKER: z.enum(["0", "1"]).default("1"),
    /**
     * 1 (the default): each connection prepares its parameterised statements once (ADR 0031).
     * 0: every statement is sent unnamed, for a pooler in transaction mode that cannot keep
     * prepared statements (PgBouncer before 1.21).
     */
    DATABASE_PREPARED_STATEMENTS: z.enum(["0", "1"]).default("1"),
    /** Set by `npm start` when it runs the embedded demo database. */
    DEMO_MODE: z.enum(["0", "1"]).default("0"),
    /**
     * How many reverse proxies of ours stand in front of the app, each appending to
     * X-Forwarded-For. 0 (the default): the header is ignored and the TCP peer is the client.
     * Set it to the real number: one too many lets any client choose its own address.
     */
    TRUSTED_PROXY_COUNT: z
      .string()
      .regex(/^\d{1,2}$/, "TRUSTED_PROXY_COUNT must be a whole number from 0 to 10")
      .transform(Number)
      .refine((n) => n <= 10, "TRUSTED_PROXY_COUNT must be a whole number from 0 to 10")
      .default(0),
  })
  .superRefine((v, ctx) => {
    if (v.NODE_ENV === "production" && !v.AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "AUTH_SECRET is required in production (generate one with: openssl rand -base64 32)",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export function formatEnvError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`).join("; ");
}

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) throw new Error(`Invalid configuration: ${formatEnvError(result.error)}`);
  return result.data;
}

/** What is wrong with the environment, in one line, or null (the start check, lib/env-check.ts). */
export function envProblem(): string | null {
  const result = envSchema.safeParse(process.env);
  return result.success ? null : formatEnvError(result.error);
}

let parsed: Env | undefined;

/**
 * The environment, validated once per process: the one place the app reads `process.env`
 * (an ESLint rule keeps it so). Free of "server-only" so that proxy.ts can use it; the server's
 * modules import it as `env` from lib/server/env.ts. `next build` imports server modules to
 * collect page data: runtime secrets are not needed (nor wanted) then, and the real values are
 * checked when the server starts (instrumentation.ts), before it answers any request. Values
 * that a build bakes into pages (APP_URL) are read as given.
 */
export function readEnv(): Env {
  if (parsed) return parsed;
  if (isBuildPhase()) {
    return {
      NODE_ENV: "production",
      DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://build-time-placeholder/none",
      APP_URL: process.env.APP_URL,
      DEMO_MODE: "0",
      JOBS_WORKER: "0",
      DATABASE_PREPARED_STATEMENTS: "1",
      TRUSTED_PROXY_COUNT: 0,
    };
  }
  parsed = parseEnv();
  return parsed;
}

/** Whether this process is `next build` collecting pages. */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
