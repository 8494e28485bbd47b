import { describe, expect, it } from "vitest";
import { describeDatabase, isLocalDatabaseUrl, testDatabaseUrl } from "./db-url";

describe("isLocalDatabaseUrl", () => {
  it.each([
    "postgresql://postgres@127.0.0.1:5432/desa_binaan",
    "postgresql://u:p@localhost/db",
    "postgres://u@[::1]:5432/db",
    "postgresql://u@/db?host=/var/run/postgresql",
  ])("accepts %s", (url) => expect(isLocalDatabaseUrl(url)).toBe(true));

  it.each([
    "postgresql://u:p@db.example.go.id:5432/desa_binaan",
    "postgresql://u:p@10.0.0.5/db",
    // the host parameter wins over the URL's host in pg, so it decides
    "postgresql://u@localhost/db?host=prod.example.com",
  ])("refuses %s", (url) => expect(isLocalDatabaseUrl(url)).toBe(false));
});

describe("testDatabaseUrl", () => {
  it("derives a sibling database and keeps credentials and options", () => {
    expect(testDatabaseUrl("postgresql://u:p%40ss@127.0.0.1:5432/desa_binaan?sslmode=disable", "e2e")).toBe(
      "postgresql://u:p%40ss@127.0.0.1:5432/desa_binaan_e2e?sslmode=disable",
    );
  });
});

describe("describeDatabase", () => {
  it("never shows the password", () => {
    expect(describeDatabase("postgresql://u:secret@127.0.0.1/db")).toBe("127.0.0.1:5432/db");
  });
});
