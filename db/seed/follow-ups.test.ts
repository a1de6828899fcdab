import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { seedNationalData } from "./index";
import { listFollowUps } from "../queries/follow-ups";
import { NATIONAL } from "../../lib/scope";

let db: Db;
let close: () => Promise<void>;
const AS_OF = "2025-11-30";

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await seedNationalData(db, { facilities: 2000, seed: 5, asOf: AS_OF });
}, 120_000);
afterAll(async () => close?.());

it(
  "the seed logs demo contacts for facilities on the follow-up list, " +
    "their next action on the list, the same each time",
  async () => {
    const contacts = await queryRows<{ facility_code: string; next_action_on: string; contacted_on: string }>(
      db,
      sql`select facility_code, next_action_on, contacted_on from contacts order by facility_code`,
    );
    expect(contacts.length).toBeGreaterThan(0);
    const list = await listFollowUps(db, NATIONAL, { asOf: AS_OF }, 1, 500);
    const onList = new Map(list.items.map((i) => [i.code, i]));
    for (const c of contacts) {
      expect(onList.get(c.facility_code)?.nextActionOn).toBe(c.next_action_on);
      expect(c.contacted_on < AS_OF && c.next_action_on > AS_OF).toBe(true);
    }
    await seedNationalData(db, { facilities: 2000, seed: 5, asOf: AS_OF, reset: true });
    const again = await queryRows<{ facility_code: string; next_action_on: string; contacted_on: string }>(
      db,
      sql`select facility_code, next_action_on, contacted_on from contacts order by facility_code`,
    );
    expect(again).toEqual(contacts);
  },
  120_000,
);
