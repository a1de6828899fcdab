import { describe, expect, it } from "vitest";
import { sessionProblem } from "./session-rules";
import { signInLimits } from "./limits";

const HOUR = 3600_000;
const now = Date.UTC(2024, 8, 1, 12);
const claims = { userId: 1, sessionVersion: 3, signedInAt: now - HOUR };

describe("a session stands only while the stored user allows it", () => {
  it("stands for an active user with the same session version within its age", () => {
    expect(sessionProblem(claims, { disabled: false, sessionVersion: 3 }, now, 8 * HOUR)).toBeNull();
  });
  it("ends when the user is disabled, deleted or their sessions were revoked", () => {
    expect(sessionProblem(claims, { disabled: true, sessionVersion: 3 }, now, 8 * HOUR)).toBe("disabled");
    expect(sessionProblem(claims, undefined, now, 8 * HOUR)).toBe("unknown_user");
    expect(sessionProblem(claims, { disabled: false, sessionVersion: 4 }, now, 8 * HOUR)).toBe("revoked");
  });
  it("ends after the maximum age however active it was, and refuses a sign-in time in the future", () => {
    expect(
      sessionProblem({ ...claims, signedInAt: now - 9 * HOUR }, { disabled: false, sessionVersion: 3 }, now, 8 * HOUR),
    ).toBe("expired");
    expect(
      sessionProblem({ ...claims, signedInAt: now + 2 * HOUR }, { disabled: false, sessionVersion: 3 }, now, 8 * HOUR),
    ).toBe("expired");
    expect(
      sessionProblem({ ...claims, signedInAt: Number.NaN }, { disabled: false, sessionVersion: 3 }, now, 8 * HOUR),
    ).toBe("expired");
  });
});

describe("sign-in limits", () => {
  it("default to 5 per account and 30 per address over 15 minutes and read positive overrides only", () => {
    expect(signInLimits({})).toEqual({ perAccount: 5, perAddress: 30, windowMinutes: 15 });
    expect(signInLimits({ SIGNIN_MAX_FAILURES_PER_ACCOUNT: "3", SIGNIN_WINDOW_MINUTES: "-1" })).toEqual({
      perAccount: 3,
      perAddress: 30,
      windowMinutes: 15,
    });
  });
});
