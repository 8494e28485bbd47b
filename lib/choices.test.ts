import { describe, expect, it } from "vitest";
import { LONG_CHOICE_LIST, narrowChoices } from "@/lib/choices";

const offices = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i}`, provinceCode: i % 2 ? "33" : "62" }));

describe("narrowChoices", () => {
  it("offers a short list whole", () => {
    expect(narrowChoices(offices(LONG_CHOICE_LIST), undefined, () => false)).toEqual({ choices: offices(LONG_CHOICE_LIST), needsProvince: false });
  });

  it("waits for a province before offering a long list, keeping what is already chosen", () => {
    const all = offices(125);
    expect(narrowChoices(all, undefined, (o) => o.id === "o7")).toEqual({ choices: [{ id: "o7", provinceCode: "33" }], needsProvince: true });
    const inProvince = narrowChoices(all, "62", (o) => o.id === "o7");
    expect(inProvince.needsProvince).toBe(false);
    expect(inProvince.choices.every((o) => o.provinceCode === "62" || o.id === "o7")).toBe(true);
    expect(inProvince.choices).toHaveLength(64);
  });

  it("narrows a short list too once a province is chosen: the others would find nothing", () => {
    const few = offices(6);
    expect(narrowChoices(few, "33", () => false)).toEqual({ choices: few.filter((o) => o.provinceCode === "33"), needsProvince: false });
  });
});
