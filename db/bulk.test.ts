import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyInto } from "./bulk/copy";
import { csvLine } from "./bulk/encode";
import { withForeignKeysCheckedAfter } from "./bulk/rebuild";
import { withTransaction } from "./transaction";
import { openTestDb } from "./test-db";

let close: () => Promise<void>;

beforeAll(async () => {
  ({ close } = await openTestDb());
  await withTransaction((tx) =>
    tx.query(sql`create table bulk_probe (id int primary key, t text, b boolean, d date, tags text[], j jsonb)`),
  );
});

afterAll(async () => close?.());

describe("csvLine", () => {
  it("writes null as an empty field and the empty string as a quoted one", () => {
    expect(csvLine([1, null, "", undefined, true, "a,b", 'say "hi"'])).toBe('1,,"",,t,"a,b","say ""hi"""\n');
  });
});

describe("copyInto", () => {
  // Arrays are compared as text: postgres-js 3.4.9 reads a NULL array element back as the string "NULL".
  it("round-trips awkward text, nulls, booleans, dates, arrays and json", async () => {
    const rows = [
      [1, '"quoted", with comma\nand a line break\r\n', true, "2024-08-31", ["a", 'b"c', null], { k: "値" }],
      [2, "", false, null, [], null],
      [3, null, null, null, null, null],
      [4, "\\.", true, "2025-09-30", ["\\x"], JSON.stringify([1, 2])], // a JSON array goes in as text
    ];
    const stored = await withTransaction(async (tx) => {
      expect(await copyInto(tx, "bulk_probe", ["id", "t", "b", "d", "tags", "j"], rows)).toBe(4);
      return tx.query<Record<string, unknown>>(
        sql`select id, t, b, d::text as d, tags::text as tags, j from bulk_probe order by id`,
      );
    });
    expect(stored).toEqual([
      { id: 1, t: rows[0][1], b: true, d: "2024-08-31", tags: '{a,"b\\"c",NULL}', j: { k: "値" } },
      { id: 2, t: "", b: false, d: null, tags: "{}", j: null },
      { id: 3, t: null, b: null, d: null, tags: null, j: null },
      { id: 4, t: "\\.", b: true, d: "2025-09-30", tags: '{"\\\\x"}', j: [1, 2] },
    ]);
  });

  it("copies rows already written as CSV lines, counting them", async () => {
    async function* lines() {
      yield [csvLine([-1, "a,b", true, null, null, null]), csvLine([-2, "", false, "2024-01-31", null, null])];
      yield [csvLine([-3, null, null, null, null, null])];
    }
    const stored = await withTransaction(async (tx) => {
      expect(await copyInto(tx, "bulk_probe", ["id", "t", "b", "d", "tags", "j"], { lines: lines() })).toBe(3);
      return tx.query<Record<string, unknown>>(
        sql`select id, t, b, d::text as d from bulk_probe where id < 0 order by id desc`,
      );
    });
    expect(stored).toEqual([
      { id: -1, t: "a,b", b: true, d: null },
      { id: -2, t: "", b: false, d: "2024-01-31" },
      { id: -3, t: null, b: null, d: null },
    ]);
  });

  it("fails (never hangs) when the server rejects the data, and rolls the transaction back", async () => {
    const rows = function* () {
      for (let i = 10; i < 5_000; i++) yield [i, "x", null, null, null, null];
      yield [10, "duplicate key at the very end", null, null, null, null];
    };
    await expect(
      withTransaction((tx) => copyInto(tx, "bulk_probe", ["id", "t", "b", "d", "tags", "j"], rows())),
    ).rejects.toThrow(/duplicate key/);
    const [{ n }] = await withTransaction((tx) =>
      tx.query<{ n: number }>(sql`select count(*)::int as n from bulk_probe where id >= 10`),
    );
    expect(n).toBe(0);
  });
});

describe("withForeignKeysCheckedAfter", () => {
  beforeAll(async () => {
    await withTransaction(async (tx) => {
      await tx.query(sql`create table fk_parent (id int primary key)`);
      await tx.query(sql`create table fk_child (id int, parent_id int references fk_parent (id))`);
      await tx.query(sql`insert into fk_parent values (1), (2)`);
    });
  });

  it("puts the foreign key back, checked once, and leaves the planner's settings as they were", async () => {
    const after = await withTransaction(async (tx) => {
      await withForeignKeysCheckedAfter(tx, ["fk_child"], async () => {
        expect(
          await tx.query(
            sql`select conname from pg_constraint where conrelid = 'fk_child'::regclass and contype = 'f'`,
          ),
        ).toEqual([]);
        await copyInto(
          tx,
          "fk_child",
          ["id", "parent_id"],
          [
            [10, 1],
            [11, 2],
            [12, null],
          ],
        );
      });
      return tx.query<{ n: number; nestloop: string }>(
        sql`select (select count(*)::int from pg_constraint where conrelid = 'fk_child'::regclass and contype = 'f')
                 as n,
               current_setting('enable_nestloop') as nestloop`,
      );
    });
    expect(after).toEqual([{ n: 1, nestloop: "on" }]);
    // A caller's own setting is put back as it was, not to the default.
    const kept = await withTransaction(async (tx) => {
      await tx.query(sql`set local enable_nestloop = off`);
      await tx.query(sql`set local enable_hashjoin = off`);
      await withForeignKeysCheckedAfter(tx, ["fk_child"], async () => {});
      return tx.query<{ nestloop: string; hashjoin: string }>(
        sql`select current_setting('enable_nestloop') as nestloop, current_setting('enable_hashjoin') as hashjoin`,
      );
    });
    expect(kept).toEqual([{ nestloop: "off", hashjoin: "off" }]);
  });

  it("fails, and rolls everything back, when a loaded row points at nothing", async () => {
    const load = withTransaction((tx) =>
      withForeignKeysCheckedAfter(tx, ["fk_child"], () =>
        copyInto(
          tx,
          "fk_child",
          ["id", "parent_id"],
          [
            [20, 1],
            [21, 99],
          ],
        ),
      ),
    );
    await expect(load).rejects.toThrow(/foreign key/);
    const [{ n }] = await withTransaction((tx) =>
      tx.query<{ n: number }>(sql`select count(*)::int as n from fk_child where id >= 20`),
    );
    expect(n).toBe(0);
  });
});
