import { describe, expect, it } from "vitest";
import { demoSecretsNote } from "./demo-note";

describe("the demo's note on its secrets", () => {
  it("calls generated only what the demo made", () => {
    expect(demoSecretsNote(false, false)).toBe(
      "The session secret and password were generated for this demo " +
        "(or kept from its last run) in .data/demo-secrets.json.",
    );
    expect(demoSecretsNote(false, true)).toBe(
      "The session secret was generated for this demo (or kept from its last run) " +
        "in .data/demo-secrets.json; DEMO_PASSWORD is yours.",
    );
    expect(demoSecretsNote(true, true)).toBe(
      "The session secret and password are the ones you gave (NEXTAUTH_SECRET and DEMO_PASSWORD).",
    );
    expect(demoSecretsNote(true, false)).not.toContain("session secret was generated");
  });
});
