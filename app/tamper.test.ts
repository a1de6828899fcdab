import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "@/db/test-db";
import type { Db } from "@/db/client";
import { withTransaction } from "@/db/transaction";
import { upsertFacilities, type FacilityColumn } from "@/db/import/facilities";
import { listFacilities } from "@/db/queries/facilities";
import { listFollowUps } from "@/db/queries/follow-ups";
import { searchAudit } from "@/db/queries/audit";
import { deleteView, listSavedViews, saveView } from "@/db/queries/saved-views";
import { unsafeUpsertUser } from "@/db/queries/users";
import { NATIONAL, type Scope } from "@/lib/scope";
import { makeFacilityCode } from "@/lib/facility-code";
import { facilityQuery, followUpQuery } from "@/app/_lib/follow-up-params";
import { auditQuery } from "@/app/_lib/audit-params";

/**
 * The queries under hostile input: whatever a filter carries, the answer is the caller's data or nothing,
 * never an error from the database, and one person's saved views are out of another's reach.
 */
let db: Db;
let close: () => Promise<void>;
const TOKYO: Scope = { kind: "prefectures", prefectures: ["13"] };
const tokyo = makeFacilityCode("13", "1", 7, 1);
const osaka = makeFacilityCode("27", "1", 7, 1);

export const HOSTILE = [
  "' or 1=1 --",
  "27'); drop table facilities; --",
  "%' union select code from facilities --",
  "x".repeat(5000),
  "\u0000",
  "a\u0000b",
  "\u202e13",
  "１３",
  "𠮷野家😀",
  "\ud800",
  "%%__\\",
];

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await withTransaction(async (tx) => {
    await upsertFacilities(
      tx,
      [tokyo, osaka].map((code) => ({
        code,
        prefecture: code.slice(0, 2),
        tableType: "medical" as const,
        name: `施設${code}`,
        claimMethod: "optical_disk" as const,
      })),
      new Set<FacilityColumn>(["claim_method"]),
      null,
    );
  });
}, 60_000);
afterAll(async () => close?.());

describe("hostile filter values", () => {
  it(
    "the list queries answer from the caller's scope, " + "or nothing, for every value the boundary lets through",
    async () => {
      for (const value of HOSTILE) {
        for (const key of ["q", "prefecture", "status", "asOf"]) {
          const parsed = facilityQuery.safeParse({ [key]: value });
          if (!parsed.success) continue; // the route answers 400
          const { page: _p, pageSize: _s, ...filter } = parsed.data;
          void _p;
          void _s;
          const page = await listFacilities(db, TOKYO, { ...filter, asOf: "2024-10-01" });
          expect(
            page.items.every((i) => i.prefecture === "13"),
            `${key}=${JSON.stringify(value).slice(0, 40)}`,
          ).toBe(true);
          const fu = followUpQuery.safeParse({ [key]: value });
          if (fu.success)
            expect(
              (await listFollowUps(db, TOKYO, { ...fu.data, asOf: "2024-10-01", assignee: undefined })).items.every(
                (i) => i.prefecture === "13",
              ),
            ).toBe(true);
        }
      }
    },
  );

  it("SQL in a search is only text: it finds nothing and drops nothing", async () => {
    expect((await listFacilities(db, NATIONAL, { q: "' or 1=1 --", asOf: "2024-10-01" })).total).toBe(0);
    expect((await listFacilities(db, NATIONAL, { asOf: "2024-10-01" })).total).toBe(2);
  });

  it("the audit search accepts or refuses each value, and never fails on one it accepted", async () => {
    for (const value of HOSTILE) {
      for (const key of ["q", "action", "from"]) {
        const parsed = auditQuery.safeParse({ [key]: value });
        if (!parsed.success) continue;
        await expect(searchAudit(db, NATIONAL, parsed.data, 1, 10)).resolves.toBeDefined();
      }
    }
  });
});

describe("saved views", () => {
  it("belong to their owner: another user can neither list nor delete them", async () => {
    const owner = (
      await unsafeUpsertUser(db, {
        email: "owner@example.jp",
        role: "editor",
        prefectures: ["13"],
        password: "x-Password-123",
      })
    ).id;
    const other = (
      await unsafeUpsertUser(db, {
        email: "other@example.jp",
        role: "editor",
        prefectures: ["27"],
        password: "x-Password-123",
      })
    ).id;
    await saveView(db, owner, "/follow-ups", "今週の電話", "alert=no_filing");
    const [view] = await listSavedViews(db, owner, "/follow-ups");
    expect(await listSavedViews(db, other, "/follow-ups")).toEqual([]);
    expect(await deleteView(db, other, view.id)).toBe(false);
    expect(await listSavedViews(db, owner, "/follow-ups")).toHaveLength(1);
  });
});
