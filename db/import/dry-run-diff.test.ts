import { createReadStream } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { runImport, type ImportKind } from "./run";
import { NATIONAL } from "../../lib/scope";
import { importBatchDiff } from "../queries/imports";
import { diffTable } from "../../lib/import/diff-csv";

/** The dry run as a per-facility diff, on the sample files, before anything is written. */
let db: Db;
let close: () => Promise<void>;
const fixture = (name: string) => path.join(import.meta.dirname, "__fixtures__", name);
const importFile = (kind: ImportKind, name: string, dryRun: boolean) =>
  runImport({
    kind,
    fileName: name,
    actor: { id: null, email: "test", scope: NATIONAL },
    dryRun,
    source: createReadStream(fixture(name)),
  });
const count = async (table: string) =>
  (await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n;

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await importFile("facilities", "facilities_sjis.csv", false);
}, 60_000);
afterAll(async () => close?.());

describe("import preview as a diff", () => {
  it(
    "lists the state moves, backward steps, closings and code " +
      "repairs of a records file, grouped, and writes nothing",
    async () => {
      const events = await count("status_events");
      const summary = await importFile("events", "events_utf8.csv", true);
      const diff = summary.diff!;
      expect(await count("status_events")).toBe(events);
      const groups = Object.fromEntries(diff.groups.map((g) => [g.change, g.count]));
      expect(groups.forward).toBeGreaterThan(0);
      expect(groups.closed).toBe(2);
      expect(groups.repaired).toBeGreaterThan(0);
      expect(diff.items.reduce((n) => n + 1, 0)).toBe(diff.groups.reduce((n, g) => n + g.count, 0));
      const repair = diff.items.find((i) => i.change === "repaired" && i.code === "0233782028");
      expect(repair?.detail).toContain("lost leading zero restored");
      expect(repair?.row).toBe(2);
      const forward = diff.items.find((i) => i.change === "forward")!;
      expect(forward.from).toBe("optical_disk");
      // Most serious first: backward steps and closings lead the list.
      expect(["backward", "closed"]).toContain(diff.items[0].change);
      // Kept with the batch for the preview's CSV (diff.csv), in Japanese for Excel.
      const stored = await importBatchDiff(db, NATIONAL, 0, summary.batchId!);
      expect(stored?.diff).toEqual(diff);
      const table = diffTable(diff);
      expect(table).toHaveLength(diff.items.length + 1);
      expect(table.find((r) => r[0] === "0233782028" && r[2] === "コードの補正")?.[6]).toContain(
        "先頭のゼロを補いました",
      );
      expect(await importBatchDiff(db, { kind: "prefectures", prefectures: ["47"] }, 0, summary.batchId!)).toBeNull();
      // The real import then does what the preview said.
      const real = await importFile("events", "events_utf8.csv", false);
      expect(real.diff).toBeUndefined();
      const [closed] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from facilities where status = 'closed'`,
      );
      expect(closed.n).toBe(groups.closed);
    },
  );

  it("a facility list's preview shows the new, the renamed and the closed", async () => {
    const before = await count("facilities");
    const summary = await importFile("facilities", "facilities_update_utf8.csv", true);
    expect(await count("facilities")).toBe(before);
    const groups = Object.fromEntries(summary.diff!.groups.map((g) => [g.change, g.count]));
    expect(groups.new ?? 0).toBe(summary.inserted);
    expect((groups.renamed ?? 0) + (groups.closed ?? 0) + (groups.repaired ?? 0)).toBeGreaterThan(0);
  });
});
