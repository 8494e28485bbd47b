import { describe, expect, it } from "vitest";
import { can, ROLE_PERMISSIONS, scopeFor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

describe("permission map", () => {
  it("lets only admins manage accounts, at their own level", () => {
    expect(scopeFor("NATIONAL_ADMIN", "manage:user")).toBe("any");
    expect(scopeFor("OFFICE_ADMIN", "manage:user")).toBe("own-office");
    expect(scopeFor("OFFICE_OFFICER", "manage:user")).toBeNull();
    expect(scopeFor("REGIONAL_OVERSEER", "manage:user")).toBeNull();
    expect(scopeFor("VILLAGE", "manage:user")).toBeNull();
  });

  it("keeps overseers read-only, except routing and reminding about early-warning reports", () => {
    for (const permission of ROLE_PERMISSIONS.REGIONAL_OVERSEER) {
      expect(permission).toMatch(/^(read|export):|^(route|remind):warning:own-region$/);
    }
  });

  it("lets a village account change its contacts, file reports and answer questions, and nothing else", () => {
    const writes = ROLE_PERMISSIONS.VILLAGE.filter((p) => !p.startsWith("read:"));
    expect(writes).toEqual([
      "create:contact:own-village",
      "update:contact:own-village",
      "create:warning:own-village",
      "answer:warning:own-village",
    ]);
  });

  it("reserves publishing material for admins", () => {
    expect(can("OFFICE_OFFICER", "publish:material")).toBe(false);
    expect(scopeFor("OFFICE_ADMIN", "publish:material")).toBe("own-office");
    expect(scopeFor("NATIONAL_ADMIN", "publish:material")).toBe("any");
  });

  it("grants nothing to a role it does not know", () => {
    for (const role of ["AUDITOR", "constructor", "toString", ""]) {
      expect(scopeFor(role as Role, "create:village")).toBeNull();
      expect(can(role as Role, "read:village")).toBe(false);
    }
  });

  it("returns the broadest scope a role holds", () => {
    expect(scopeFor("REGIONAL_OVERSEER", "read:village")).toBe("own-region");
    expect(scopeFor("VILLAGE", "read:village")).toBe("own-village");
  });
});

describe("organisation reference data", () => {
  it("is managed by the national level only", () => {
    for (const key of ["manage:office", "manage:kanwil"] as const) {
      expect(scopeFor("NATIONAL_ADMIN", key)).toBe("any");
      for (const role of ["REGIONAL_OVERSEER", "OFFICE_ADMIN", "OFFICE_OFFICER", "VILLAGE"] as const) {
        expect(scopeFor(role, key)).toBeNull();
      }
    }
  });
});
