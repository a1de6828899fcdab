import { describe, expect, it } from "vitest";
import { grantProblems, withinScope } from "./grants";
import { NATIONAL } from "../scope";

const nationalAdmin = { id: 1, role: "admin" as const, scope: NATIONAL };
const tokyoAdmin = { id: 2, role: "admin" as const, scope: { kind: "prefectures" as const, prefectures: ["13"] } };

describe("who may grant what", () => {
  it("lets a national admin give any role and scope to someone else", () => {
    expect(
      grantProblems(
        nationalAdmin,
        5,
        { role: "viewer", prefectures: ["27"], disabled: false },
        { role: "admin", prefectures: null },
      ),
    ).toEqual([]);
    expect(grantProblems(nationalAdmin, null, null, { role: "editor", prefectures: ["27", "28"] })).toEqual([]);
  });
  it("refuses any change to one's own role, scope or disabled flag", () => {
    const me = { role: "admin" as const, prefectures: ["13"], disabled: false };
    expect(grantProblems(tokyoAdmin, 2, me, { prefectures: null })).toContain("self_change");
    expect(grantProblems(tokyoAdmin, 2, me, { prefectures: ["13", "14"] })).toContain("self_change");
    expect(grantProblems(tokyoAdmin, 2, me, { role: "viewer" })).toContain("self_change");
    expect(grantProblems(tokyoAdmin, 2, me, { disabled: true })).toContain("self_change");
    // Saving one's own form unchanged is not a change.
    expect(grantProblems(tokyoAdmin, 2, me, { role: "admin", prefectures: ["13"], disabled: false })).toEqual([]);
  });
  it("refuses a scope wider than the grantor's own", () => {
    expect(grantProblems(tokyoAdmin, null, null, { role: "viewer", prefectures: null })).toEqual(["scope_beyond_own"]);
    expect(
      grantProblems(
        tokyoAdmin,
        7,
        { role: "viewer", prefectures: ["13"], disabled: false },
        { prefectures: ["13", "27"] },
      ),
    ).toEqual(["scope_beyond_own"]);
    expect(
      grantProblems(tokyoAdmin, 7, { role: "viewer", prefectures: ["13"], disabled: false }, { prefectures: ["13"] }),
    ).toEqual([]);
  });
  it("refuses a role above the grantor's own", () => {
    const editor = { id: 3, role: "editor" as const, scope: NATIONAL };
    expect(grantProblems(editor, 9, { role: "viewer", prefectures: null, disabled: false }, { role: "admin" })).toEqual(
      ["role_above_own"],
    );
  });
  it("scope containment: national holds everything, a list only its own codes, an empty list nothing", () => {
    expect(withinScope(NATIONAL, null)).toBe(true);
    expect(withinScope({ kind: "prefectures", prefectures: ["13"] }, null)).toBe(false);
    expect(withinScope({ kind: "prefectures", prefectures: ["13", "14"] }, ["14"])).toBe(true);
    expect(withinScope({ kind: "prefectures", prefectures: [] }, ["14"])).toBe(false);
  });
});
