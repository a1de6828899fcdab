import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { deleteView, listSavedViews, saveView } from "./saved-views";

/** Saved views shared with a team: the colleagues whose prefecture scope is the owner's, nobody else. */
let db: Db;
let close: () => Promise<void>;
const ids: Record<string, number> = {};

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  const people: [string, string[] | null][] = [
    ["a", ["13", "14"]],
    ["b", ["14", "13"]],
    ["c", ["27"]],
    ["d", null],
    ["e", ["13"]],
  ];
  for (const [who, prefectures] of people) {
    const [row] = await queryRows<{ id: number }>(
      db,
      sql`insert into users (email, password_hash, role, prefectures)
          values (${`${who}@example.jp`}, 'x', 'editor', ${prefectures ? `{${prefectures.join(",")}}` : null}::text[])
          returning id`,
    );
    ids[who] = row.id;
  }
}, 60_000);
afterAll(async () => close?.());

describe("shared saved views", () => {
  it(
    "show a shared view to the same-scope team only, " +
      "a private one to its owner only, and let only the owner delete",
    async () => {
      await saveView(db, ids.a, "/follow-ups", "今週の電話（共有）", "alert=no_filing", true);
      await saveView(db, ids.a, "/follow-ups", "自分用", "alert=regression");
      const names = async (who: string) =>
        (await listSavedViews(db, ids[who], "/follow-ups")).map((v) => `${v.name}${v.own ? "" : `<${v.owner}`}`);
      expect(await names("a")).toEqual(["今週の電話（共有）", "自分用"]);
      expect(await names("b")).toEqual(["今週の電話（共有）<a@example.jp"]);
      for (const other of ["c", "d", "e"]) expect(await names(other)).toEqual([]);
      const [shared] = await listSavedViews(db, ids.b, "/follow-ups");
      expect(await deleteView(db, ids.b, shared.id)).toBe(false);
      expect(await names("b")).toHaveLength(1);
      // Saving again unshared takes it back from the team.
      await saveView(db, ids.a, "/follow-ups", "今週の電話（共有）", "alert=no_filing", false);
      expect(await names("b")).toEqual([]);
    },
  );
});
