import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getAuthSecret } from "@/lib/auth/secret";
import { verifySignIn } from "@/lib/features/auth/sign-in";
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
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const result = await verifySignIn(credentials, clientAddressFrom(req?.headers));
        // next-auth passes the thrown message to the client as `error`: a code (and how many
        // seconds to wait), never details.
        if (!result.ok) throw new Error("retryAfterSeconds" in result ? `${result.code}:${result.retryAfterSeconds}` : result.code);
        return { id: result.userId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub };
    },
  },
};
