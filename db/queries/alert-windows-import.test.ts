import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { alertWindowRows, WINDOW_COLUMNS } from "./alert-sql";
import { listFollowUps } from "./follow-ups";
import { alertSource } from "./alert-tops";
import { addContact } from "./contacts";
import { unsafeUpsertUser } from "./users";
import { runImport } from "../import/run";
import { ALERT_RULES } from "../../lib/alerts/rules";
import { NATIONAL } from "../../lib/scope";
import { makeFacilityCode } from "../../lib/facility-code";

/** A first facility list into an empty table, and the alert windows (see alert-windows.test.ts). */
const AS_OF = "2026-03-31";
let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await openTestDb()), 60_000);
afterAll(async () => close?.());

describe("a first facility list", () => {
  it("leaves the windows to the next write: the list evaluates each facility until that write", async () => {
    const lines = ["医療機関コード,医療機関名称,都道府県,請求方法,開設日"];
    for (let i = 1; i <= 40; i++)
      lines.push(
        [
          makeFacilityCode("13", "1", 4, i),
          `施設${i}`,
          "東京都",
          i % 4 === 0 ? "オンライン" : "光ディスク",
          i % 5 === 0 ? "2024-06-01" : "",
        ].join(","),
      );
    const summary = await runImport({
      kind: "facilities",
      fileName: "first.csv",
      actor: { id: null, email: "test", scope: NATIONAL },
      dryRun: false,
      source: Readable.from([Buffer.from(lines.join("\n") + "\n")]),
    });
    expect(summary.inserted).toBe(40);
    expect(await alertSource(db, AS_OF)).toBe("evaluated");
    // On disk with no filing: no_filing; opened after April 2024: new_on_disk instead.
    const evaluated = await listFollowUps(db, NATIONAL, { asOf: AS_OF }, 1, 100);
    expect(evaluated.total).toBe(30);
    expect(evaluated.items.filter((i) => i.alerts[0].rule === "new_on_disk")).toHaveLength(6);

    const code = makeFacilityCode("13", "1", 4, 1);
    const user = { email: "test@example.jp", role: "editor" as const, prefectures: null, password: "x-Password-1" };
    const actor = { id: (await unsafeUpsertUser(db, user)).id, email: user.email };
    await addContact(db, NATIONAL, actor, code, {
      contactedOn: "2026-03-02",
      channel: "phone",
      outcome: "no_answer",
      promisedOn: null,
      note: null,
      nextActionOn: null,
    });
    expect(await alertSource(db, AS_OF)).toBe("windows");
    const rules = await queryRows<{ rule: number; n: number }>(
      db,
      sql`select rule, count(*)::int as n from alert_windows group by 1 order by 1`,
    );
    expect(rules.map((r) => [ALERT_RULES[r.rule], r.n])).toEqual([
      ["no_filing", 24],
      ["new_on_disk", 6],
    ]);
    const W = sql.raw(WINDOW_COLUMNS.join(", "));
    const fresh = sql`select ${W} from (${alertWindowRows()}) w`;
    const [{ n }] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ((select ${W} from alert_windows except all ${fresh})
          union all (${fresh} except all select ${W} from alert_windows)) x`,
    );
    expect(n).toBe(0);
    const alerts = (page: typeof evaluated) => page.items.map((i) => [i.code, i.alerts]);
    expect(alerts(await listFollowUps(db, NATIONAL, { asOf: AS_OF }, 1, 100))).toEqual(alerts(evaluated));
  });
});
