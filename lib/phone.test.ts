import { describe, expect, it } from "vitest";
import { formatIndonesianPhone, normalizeIndonesianPhone, optionalIndonesianPhoneSchema, whatsappChatLink } from "@/lib/phone";

describe("Indonesian phone numbers", () => {
  it("normalises the ways people write a mobile number", () => {
    for (const written of ["0812-3456-7890", "+62 812 3456 7890", "6281234567890", "(0812) 3456 7890"]) {
      expect(normalizeIndonesianPhone(written), written).toBe("6281234567890");
    }
  });

  it("rejects what is not an Indonesian phone number", () => {
    for (const bad of ["12345", "abc", "+31 6 12345678", "0812-3456-7890<script>", "=1+2", ""]) {
      expect(normalizeIndonesianPhone(bad), bad).toBeNull();
    }
  });

  it("treats an empty optional field as no phone, and explains a bad one", () => {
    expect(optionalIndonesianPhoneSchema.parse("  ")).toBeNull();
    const result = optionalIndonesianPhoneSchema.safeParse("0812");
    expect(result.error?.issues[0]?.message).toBe("validation.phone");
  });

  it("builds a WhatsApp chat link and a readable number", () => {
    expect(whatsappChatLink("6281234567890", "Halo")).toBe("https://wa.me/6281234567890?text=Halo");
    expect(formatIndonesianPhone("6281234567890")).toBe("+62 812 3456 7890");
  });
});
