import { createReadStream, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { runImport, type ImportKind } from "./run";
import { ImportFileError } from "../../lib/import/decode";
import { NATIONAL, type Scope } from "../../lib/scope";
import { makeFacilityCode } from "../../lib/facility-code";
import { withTransaction } from "../transaction";
import { refreshMonthlySummary } from "../queries/monthly-summary";
import { todayIso } from "../../lib/dates";

let db: Db;
let close: () => Promise<void>;
/** The facility table's indexes and constraints (its own and those pointing at it) as the migrations made them. */
const catalogue = () =>
  queryRows<{ def: string }>(
    db,
    sql`select indexdef as def from pg_indexes where tablename = 'facilities'
        union all select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
        where conrelid = 'facilities'::regclass or confrelid = 'facilities'::regclass
        order by 1`,
  );
let migrated: { def: string }[];
beforeAll(async () => {
  ({ db, close } = await openTestDb());
  migrated = await catalogue();
});
afterAll(async () => close?.());

const fixture = (name: string) => path.join(import.meta.dirname, "__fixtures__", name);
const tmp = mkdtempSync(path.join(os.tmpdir(), "import-test-"));

function importFile(kind: ImportKind, file: string, opts: { dryRun?: boolean; scope?: Scope } = {}) {
  return runImport({
    kind,
    fileName: path.basename(file),
    actor: { id: null, email: "test", scope: opts.scope ?? NATIONAL },
    dryRun: opts.dryRun ?? false,
    source: createReadStream(file),
  });
}

const count = async (table: string) =>
  (await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n;

describe("the first list into an empty table (its foreign key set aside, then checked once)", () => {
  it("a dry run and an import that fails part-way leave no rows and every index and constraint as it was", async () => {
    // Some terminal-sharing cells are empty: a new facility then takes the default (not shared).
    const lines = ["医療機関コード,医療機関名称,都道府県,オンライン資格確認端末共用"];
    for (let i = 1; i <= 6000; i++)
      lines.push(`${makeFacilityCode("13", "1", 2, i)},テスト診療所${i},東京都,${i % 2 ? "" : "有"}`);
    const file = path.join(tmp, "first.csv");
    writeFileSync(file, iconv.encode(lines.join("\r\n") + "\r\n", "cp932"));
    const dry = await importFile("facilities", file, { dryRun: true });
    expect([dry.inserted, dry.rejected]).toEqual([6000, 0]);
    // Bytes that are not Shift_JIS after the first 5,000 rows have been written: the whole import rolls back.
    const broken = path.join(tmp, "broken.csv");
    writeFileSync(
      broken,
      Buffer.concat([
        iconv.encode(lines.join("\r\n") + "\r\n", "cp932"),
        Buffer.from([0x85, 0x20, 0xff, 0xff, 0x0d, 0x0a]),
      ]),
    );
    const error = await importFile("facilities", broken).catch((e: unknown) => e);
    expect((error as ImportFileError).reason).toBe("undecodable");
    expect(await count("facilities")).toBe(0);
    expect(await catalogue()).toEqual(migrated);
  });
});

describe("the sample files, in the order people receive them", () => {
  const expected: [ImportKind, string, string, number[], number[]][] = [
    ["facilities", "facilities_sjis.csv", "shift_jis", [206, 200, 0, 0, 6], [55, 96, 127, 160, 182, 200]],
    ["facilities", "facilities_update_utf8.csv", "utf-8", [31, 15, 10, 5, 1], [25]],
    ["filings", "filings_sjis.csv", "shift_jis", [33, 29, 0, 0, 4], [2, 5, 16, 24]],
    ["filings", "filings_renewal_sjis.csv", "shift_jis", [6, 3, 1, 1, 1], [7]],
    ["events", "events_utf8.csv", "utf-8", [62, 58, 0, 0, 4], [14, 15, 43, 55]],
  ];
  for (const [kind, file, encoding, counts, rejectedLines] of expected) {
    it(`${file}: counts exactly, rejects the bad rows with reasons, and a second import changes nothing`, async () => {
      const first = await importFile(kind, fixture(file));
      expect([first.encoding, first.rows, first.inserted, first.updated, first.unchanged, first.rejected]).toEqual([
        encoding,
        ...counts,
      ]);
      expect([...new Set(first.errors.map((e) => e.row))]).toEqual(rejectedLines);
      for (const e of first.errors) expect(e.message.length).toBeGreaterThan(5);
      const again = await importFile(kind, fixture(file));
      expect([again.inserted, again.updated, again.unchanged, again.rejected]).toEqual([
        0,
        0,
        counts[1] + counts[2] + counts[3],
        counts[4],
      ]);
    });
  }

  it(
    "kept the facilities' state in step with their events, " + "flagged the backward step and recorded every batch",
    async () => {
      const [off] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from facilities f
          left join lateral (select e.state, e.effective_on from status_events e where e.facility_code = f.code
                             order by e.effective_on desc, e.state desc limit 1) l on true
          where f.status is distinct from coalesce(l.state, f.initial_state)`,
      );
      expect(off.n).toBe(0);
      expect(await count("status_events where backward")).toBeGreaterThan(0);
      const batches = await queryRows<{ status: string; n: number }>(
        db,
        sql`select status, count(*)::int as n from import_batches group by 1 order by 1`,
      );
      expect(batches).toEqual([
        { status: "done", n: 10 },
        { status: "dry_run", n: 1 },
        { status: "failed", n: 1 },
      ]); // and the two above
      expect(await catalogue()).toEqual(migrated); // the first list went in with its foreign key set aside
    },
  );

  it(
    "kept the monthly summary equal to a full recomputation, " + "though each import refreshed only its slices",
    async () => {
      const read =
        "select month_end::text, prefecture, table_type::text, category::text, state::text, " +
        "facilities, claims::text from monthly_summary order by 1, 2, 3, 4, 5";
      const kept = await queryRows<Record<string, unknown>>(db, sql.raw(read));
      expect(kept.length).toBeGreaterThan(0);
      const recomputed = await withTransaction(
        async (tx) => {
          await refreshMonthlySummary(tx, todayIso());
          return tx.query<Record<string, unknown>>(sql.raw(read));
        },
        { rollback: true },
      );
      expect(kept).toEqual(recomputed);
    },
  );
});

describe("files as people really have them", () => {
  const header = "医療機関コード,医療機関名称,都道府県,所在地\r\n";
  const rows = [
    '０１１０１１３７１９,㈱髙﨑①テスト診療所,北海道,"札幌市中央区1-2, 3F\r\n別館"',
    "110113719,重複,北海道,",
  ].join("\r\n");

  it(
    "reads Shift_JIS with CP932 characters, " + "CRLF and a quoted line break, and restores a lost leading zero",
    async () => {
      const file = path.join(tmp, "cp932.csv");
      writeFileSync(file, iconv.encode(header + rows + "\r\n", "cp932"));
      const s = await importFile("facilities", file, { dryRun: true });
      expect([s.encoding, s.rows, s.inserted, s.rejected]).toEqual(["shift_jis", 2, 1, 1]);
      expect(s.errors[0]).toMatchObject({ row: 4, column: "code", value: "0110113719" });
      expect(s.errors[0].message).toContain("2行目と重複");
    },
  );

  it("reads UTF-8 with a BOM and LF line ends, and without a BOM; a dry run writes nothing", async () => {
    const before = await count("facilities");
    for (const [name, bytes] of [
      [
        "bom.csv",
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from((header + rows).replaceAll("\r\n", "\n"))]),
      ],
      ["plain.csv", Buffer.from(header + rows)],
    ] as const) {
      const file = path.join(tmp, name);
      writeFileSync(file, bytes);
      const s = await importFile("facilities", file, { dryRun: true });
      expect([s.encoding, s.inserted, s.rejected, s.dryRun]).toEqual(["utf-8", 1, 1, true]);
    }
    expect(await count("facilities")).toBe(before);
    expect(await count("facilities where name like '%テスト診療所%'")).toBe(0);
  });

  it("refuses an undecodable, an empty and a header-less file with the reason, writing nothing", async () => {
    const before = await count("facilities");
    const cases: [string, Buffer, string][] = [
      ["binary.csv", Buffer.from([0x82, 0xa0, 0xff, 0xfe, 0x81, 0x00, 0x85, 0x20, 0xa0, 0xa0]), "undecodable"],
      ["empty.csv", Buffer.alloc(0), "empty"],
      ["nocode.csv", Buffer.from("名称,住所\n青空クリニック,東京都\n"), "missing_columns"],
    ];
    for (const [name, bytes, reason] of cases) {
      const file = path.join(tmp, name);
      writeFileSync(file, bytes);
      const error = await importFile("facilities", file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as ImportFileError).reason).toBe(reason);
      if (reason === "missing_columns") expect((error as ImportFileError).messageJa).toContain("医療機関コード");
    }
    expect(await count("facilities")).toBe(before);
    expect(await count("import_batches where status = 'failed'")).toBe(1 + 3);
  });

  it("an editor scoped to Tokyo imports only Tokyo's rows; the rest are rejected with the reason", async () => {
    const s = await importFile("facilities", fixture("facilities_sjis.csv"), {
      scope: { kind: "prefectures", prefectures: ["13"] },
      dryRun: true,
    });
    const outside = s.errors.filter((e) => e.message.includes("担当外"));
    expect(outside.length).toBeGreaterThan(100);
    expect(s.unchanged + s.updated + s.inserted).toBe(s.rows - s.rejected);
    const events = await importFile("events", fixture("events_utf8.csv"), {
      scope: { kind: "prefectures", prefectures: ["13"] },
      dryRun: true,
    });
    // Outside the scope reads exactly like an unknown code: nothing is confirmed.
    expect(events.errors.some((e) => e.message.includes("登録されていません"))).toBe(true);
    expect(events.errors.every((e) => !e.message.includes("担当外"))).toBe(true);
  });
});
