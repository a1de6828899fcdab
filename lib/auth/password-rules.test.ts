import { describe, expect, it } from "vitest";
import { passwordProblems } from "./password-rules";

describe("password rules", () => {
  const email = "sato.hanako@example.jp";
  it("accepts a long password unrelated to the address", () => {
    expect(passwordProblems("kumo-no-ue-de-odoru-7", email)).toEqual([]);
    expect(passwordProblems("e2e-Password-1x9z", "admin@example.jp")).toEqual([]);
  });
  it("refuses short passwords and absurdly long ones", () => {
    expect(passwordProblems("Short-pw-1", email)).toContain("too_short");
    expect(passwordProblems("x".repeat(5) + "yz".repeat(70), email)).toContain("too_long");
  });
  it("counts characters, not bytes (a 12-character Japanese passphrase is long enough)", () => {
    expect(passwordProblems("しずかな湖に月がうかぶ夜", email)).toEqual([]);
    expect(passwordProblems("あいうえお", email)).toContain("too_short");
  });
  it("refuses the e-mail address or its local part inside the password", () => {
    expect(passwordProblems("sato.hanako@example.jp", email)).toContain("contains_email");
    expect(passwordProblems("XXsato.hanakoXX-2024", email)).toContain("contains_email");
    expect(passwordProblems("SATO.HANAKO-secret-1", email)).toContain("contains_email");
  });
  it("refuses common passwords dressed up with digits, symbols and capitals", () => {
    for (const pw of [
      "Password2024!",
      "P@ssw0rd123456",
      "qwerty123456",
      "123456789012",
      "aaaaaaaaaaaa",
      "abcdefghijkl",
      "iloveyou2024!!",
      "Welcome123456",
      "2024-09-30!!#",
    ]) {
      expect(passwordProblems(pw, email), pw).toContain("common");
    }
  });
  it(
    "uses the strength estimator's Japanese and common dictionaries: " +
      "names, romanised words, kana runs and keyboard walks",
    () => {
      for (const pw of ["sakura-sakura-1", "あいうえおかきくけこさし", "1qaz2wsx3edc4rfv", "zaq12wsxcde3"]) {
        expect(passwordProblems(pw, email), pw).toContain("common");
      }
    },
  );
});
