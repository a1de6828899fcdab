import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { users } from "../schema";
import { openTestDb } from "../test-db";
import { generateNationalData } from "./generate";
import { DatabaseNotEmptyError, seedNationalData, type SeedResult } from "./index";

const OPTIONS = { facilities: 2_000, seed: 7, asOf: "2026-06-30" };

let db: Db;
let close: () => Promise<void>;
let result: SeedResult;
let indexesBefore: string[];

async function scalar(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(db, query);
  return Number(row.n);
}

async function tableIndexes(): Promise<string[]> {
  const rows = await queryRows<{ name: string; definition: string }>(
    db,
    sql`select indexname as name, indexdef as definition from pg_indexes
        where tablename in ('facilities', 'status_events', 'filings') order by indexname`,
  );
  return rows.map((r) => `${r.name}: ${r.definition}`);
}

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  indexesBefore = await tableIndexes();
  result = await seedNationalData(db, OPTIONS);
});

afterAll(async () => close?.());

describe("seedNationalData", () => {
  it("writes exactly what the generator produces", async () => {
    const expected = generateNationalData(OPTIONS);
    expect(result).toMatchObject({
      facilities: 2_000,
      events: expected.events.length,
      filings: expected.filings.length,
      asOf: "2026-06-30",
    });
    expect(await scalar(sql`select count(*)::int as n from facilities`)).toBe(expected.facilities.length);
    expect(await scalar(sql`select count(*)::int as n from status_events`)).toBe(expected.events.length);
    expect(await scalar(sql`select count(*)::int as n from filings`)).toBe(expected.filings.length);
    expect(await scalar(sql`select count(*)::int as n from filings where in_force`)).toBe(
      new Set(expected.filings.map((f) => f.code)).size,
    );
    const sample = expected.facilities[123];
    const [row] = await queryRows<Record<string, unknown>>(
      db,
      sql`select name, address, specialties, status, status_since::text as since from facilities
          where code = ${sample.code}`,
    );
    expect(row).toEqual({
      name: sample.name,
      address: sample.address,
      specialties: sample.specialties,
      status: sample.status,
      since: sample.statusSince,
    });
  });

  it("keeps facilities.status equal to the latest event recomputed from status_events", async () => {
    const mismatches = await scalar(sql`
      with latest as (
        select distinct on (facility_code) facility_code, state, effective_on
        from status_events
        order by facility_code, effective_on desc, state desc
      )
      select count(*)::int as n
      from facilities f left join latest l on l.facility_code = f.code
      where f.status <> coalesce(l.state, f.initial_state) or f.status_since is distinct from l.effective_on`);
    expect(mismatches).toBe(0);
    const closedWithoutEvent = await scalar(sql`
      select count(*)::int as n from facilities f
      where f.closed_on is not null
        and not exists (select 1 from status_events e
          where e.facility_code = f.code and e.state = 'closed' and e.effective_on = f.closed_on)`);
    expect(closedWithoutEvent).toBe(0);
  });

  it("puts back every index it dropped for the load", async () => {
    expect(await tableIndexes()).toEqual(indexesBefore);
    const foreignKeys = await scalar(
      sql`select count(*)::int as n from pg_constraint
          where contype = 'f' and conrelid in ('status_events'::regclass, 'filings'::regclass)`,
    );
    expect(foreignKeys).toBe(4); // facility_code and import_batch_id on each
  });

  it(
    "refuses a database that already holds facilities, " + "and replaces the data with reset while keeping users",
    async () => {
      await expect(seedNationalData(db, OPTIONS)).rejects.toBeInstanceOf(DatabaseNotEmptyError);
      await db.insert(users).values({ email: "keep@example.jp", passwordHash: "x", role: "viewer" });
      const again = await seedNationalData(db, { ...OPTIONS, seed: 8, facilities: 500, reset: true });
      expect(await scalar(sql`select count(*)::int as n from facilities`)).toBe(500);
      expect(await scalar(sql`select count(*)::int as n from status_events`)).toBe(again.events);
      expect(await scalar(sql`select count(*)::int as n from users where email = 'keep@example.jp'`)).toBe(1);
    },
  );
});
