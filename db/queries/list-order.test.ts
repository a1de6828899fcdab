import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../test-db";
import type { Db } from "../client";
import { seedNationalData } from "../seed";
import { progress } from "./progress";
import { listFacilities } from "./facilities";
import { listFollowUps } from "./follow-ups";
import { NATIONAL, scopeFromPrefectures } from "../../lib/scope";
import { LADDER } from "../../lib/states";
import { todayIso } from "../../lib/dates";

/**
 * The orders the screens offer (issue 19): follow-ups by 期限, type and assignee; a prefecture's list, not-online first.
 */
let db: Db;
let close: () => Promise<void>;
const today = todayIso();

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await seedNationalData(db, { facilities: 3000, seed: 5 });
}, 120_000);
afterAll(async () => close?.());

describe("follow-up list orders", () => {
  it("sorts by 期限 (the most urgent alert's due date) both ways, across pages", async () => {
    const asc = await listFollowUps(db, NATIONAL, { asOf: today, sort: "dueOn", dir: "asc" }, 1, 500);
    const desc = await listFollowUps(db, NATIONAL, { asOf: today, sort: "dueOn", dir: "desc" }, 1, 500);
    expect(asc.total).toBeGreaterThan(20);
    const dues = (items: typeof asc.items) => items.map((i) => i.alerts.map((a) => a.dueOn).sort()[0]);
    const up = dues(asc.items);
    expect([...up].sort()).toEqual(up);
    const down = dues(desc.items);
    expect([...down].sort().reverse()).toEqual(down);
    // Page 2 goes on where page 1 stopped.
    const [p1, p2] = await Promise.all(
      [1, 2].map((p) => listFollowUps(db, NATIONAL, { asOf: today, sort: "dueOn" }, p, 10)),
    );
    expect([...p1.items, ...p2.items].map((i) => i.code)).toEqual(asc.items.slice(0, 20).map((i) => i.code));
  });

  it("sorts by table type and by assignee (unassigned last)", async () => {
    const byType = await listFollowUps(db, NATIONAL, { asOf: today, sort: "tableType" }, 1, 500);
    const types = byType.items.map((i) => i.tableType);
    const order = ["medical", "dental", "pharmacy"];
    expect(types.map((t) => order.indexOf(t))).toEqual([...types.map((t) => order.indexOf(t))].sort((a, b) => a - b));
    const byAssignee = await listFollowUps(db, NATIONAL, { asOf: today, sort: "assignee" }, 1, 500);
    const names = byAssignee.items.map((i) => i.assignee);
    const firstNull = names.indexOf(null);
    if (firstNull >= 0) expect(names.slice(firstNull).every((n) => n === null)).toBe(true);
    const named = names.filter((n): n is string => n !== null);
    expect([...named].sort()).toEqual(named);
  });
});

describe("a prefecture's facility list", () => {
  it("counts what the progress figures count (closed left out) and lists the not-yet-online first", async () => {
    const tokyo = scopeFromPrefectures(["13"]);
    const figures = await progress(db, tokyo, { asOf: today, groupBy: "prefecture" });
    const list = await listFacilities(db, tokyo, { asOf: today, prefecture: "13", sort: "status" }, 1, 500);
    expect(list.total).toBe(figures.total);
    const withClosed = await listFacilities(db, tokyo, { asOf: today, prefecture: "13", closed: "include" }, 1, 1);
    expect(withClosed.total).toBe(figures.total + figures.closed);
    expect(figures.closed).toBeGreaterThan(0);
    const ranks = list.items.map((f) => LADDER.indexOf(f.status as (typeof LADDER)[number]));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    const notOnline = figures.total - figures.counts.online;
    expect(ranks.slice(0, Math.min(notOnline, 500)).every((r) => r < LADDER.indexOf("online"))).toBe(true);
  });
});
