import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { seedNationalData } from "../seed";
import { countFollowUps, followUpCodes, followUpsByContractor } from "./follow-ups";
import { changeFollowUps } from "./assignments";
import { NATIONAL, type Scope } from "../../lib/scope";
import { normalizeContractorName } from "../../lib/contractors";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The follow-up list grouped by ⑥ア's contractor, and one assignment over a contractor's whole list. */
let db: Db;
let close: () => Promise<void>;
const AS_OF = "2025-10-01";
const tokyo: Scope = { kind: "prefectures", prefectures: ["13"] };

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await seedNationalData(db, { facilities: 6000, seed: 3, asOf: "2026-03-31" });
}, 120_000);
afterAll(async () => close?.());

describe("contractors", () => {
  it(
    "stores the normalised key with each filing and groups the list by it, " +
      "each group the total of its filtered list",
    async () => {
      const [mismatch] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from filings where outsourcer is not null and contractor is null`,
      );
      expect(mismatch.n).toBe(0);
      const samples = await queryRows<{ outsourcer: string; contractor: string }>(
        db,
        sql`select outsourcer, contractor from filings where outsourcer is not null limit 50`,
      );
      for (const s of samples) expect(s.contractor).toBe(normalizeContractorName(s.outsourcer));
      const groups = await followUpsByContractor(db, NATIONAL, { asOf: AS_OF });
      expect(groups.length).toBeGreaterThan(0);
      for (const g of groups.slice(0, 5)) {
        expect(await countFollowUps(db, NATIONAL, { asOf: AS_OF, contractor: g.contractor })).toBe(g.facilities);
      }
      expect(groups.map((g) => g.facilities)).toEqual([...groups.map((g) => g.facilities)].sort((a, b) => b - a));
    },
  );

  it("the migration that fills the key for filings stored before it gives the same key as the importer", async () => {
    await queryRows(
      db,
      sql`update filings set outsourcer = '㈱ ｍｅｄｉ サポート　' || outsourcer where id % 7 = 0 and outsourcer is not null`,
    );
    await queryRows(db, sql`update filings set contractor = null`);
    const migration = readFileSync(backfillMigration(), "utf8");
    await queryRows(db, sql.raw(migration));
    const rows = await queryRows<{ outsourcer: string; contractor: string | null }>(
      db,
      sql`select outsourcer, contractor from filings where outsourcer is not null`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.contractor).toBe(normalizeContractorName(r.outsourcer) || null);
  });

  it("assigns a contractor's whole list at once, never outside the caller's scope", async () => {
    const [user] = await queryRows<{ id: number }>(
      db,
      sql`insert into users (email, password_hash, role, prefectures) values ('t@example.jp', 'x', 'editor', null)
          returning id`,
    );
    const group = (await followUpsByContractor(db, NATIONAL, { asOf: AS_OF })).find((g) => g.facilities > 1)!;
    const { codes, total } = await followUpCodes(db, tokyo, { asOf: AS_OF, contractor: group.contractor }, 5000);
    expect(codes.every((c) => c.startsWith("13"))).toBe(true);
    expect(codes).toHaveLength(total);
    const all = await followUpCodes(db, NATIONAL, { asOf: AS_OF, contractor: group.contractor }, 5000);
    const result = await changeFollowUps(db, NATIONAL, { id: user.id, email: "t@example.jp", ip: null }, all.codes, {
      assigneeId: user.id,
    });
    expect(result.updated).toHaveLength(group.facilities);
    const regrouped = await followUpsByContractor(db, NATIONAL, { asOf: AS_OF });
    expect(regrouped.find((g) => g.contractor === group.contractor)?.unassigned).toBe(0);
  });
});

/** The hand-written backfill migration, whatever number it was given among the others. */
function backfillMigration(): string {
  const dir = path.join(import.meta.dirname, "../../drizzle");
  const name = readdirSync(dir).find((f) => f.endsWith("_contractor_backfill.sql"));
  if (!name) throw new Error("no contractor backfill migration in drizzle/");
  return path.join(dir, name);
}
