import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getAuthSecret } from "@/lib/auth/secret";
import { verifySignIn } from "@/lib/features/auth/sign-in";
import { endUserSessions } from "@/lib/server/auth/session";
import { clientAddressFrom } from "@/lib/server/client-address";


/**
 * Sessions are signed JWT cookies (no server-side session store), so any instance can serve
 * any request; the user row is re-read per request (lib/server/auth/session.ts), which makes
 * disabling an account take effect at once.
 */
export const authOptions: NextAuthOptions = {
  secret: getAuthSecret(),
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/masuk", error: "/masuk" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" }, otp: { type: "text" } },
      async authorize(credentials, req) {
        const result = await verifySignIn(credentials, clientAddressFrom(req?.headers));
        // next-auth passes the thrown message to the client as `error`: a code (and how many
        // seconds to wait), never details.
        if (!result.ok) throw new Error("retryAfterSeconds" in result ? `${result.code}:${result.retryAfterSeconds}` : result.code);
        return { id: result.userId, sessionVersion: result.sessionVersion };
      },
    }),
  ],
  events: {
    // Signing out ends the session everywhere: the cookie just cleared would otherwise stay valid
    // until it expires, for whoever kept a copy.
    async signOut({ token }) {
      if (typeof token?.sub === "string") await endUserSessions(token.sub);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        // compared with app_user.session_version on every request (lib/server/auth/session.ts)
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub };
    },
  },
};
