import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { withTransaction } from "../transaction";
import { seedNationalData } from "../seed";
import { alertWindowRows, WINDOW_COLUMNS } from "./alert-sql";
import { alertSource } from "./alert-tops";
import { addContact, updateContact } from "./contacts";
import { recordLettersSent } from "./letters";
import { changeFollowUps } from "./assignments";
import { listFollowUps } from "./follow-ups";
import { unsafeUpsertUser } from "./users";
import { upsertEvents } from "../import/events";
import { upsertFilings, type FilingInput } from "../import/filings";
import { upsertFacilities, type FacilityColumn } from "../import/facilities";
import { runImport } from "../import/run";
import { ALERT_RULES, type AlertRule } from "../../lib/alerts/rules";
import { NATIONAL } from "../../lib/scope";

/**
 * alert_windows is kept with the data: after every kind of write that changes a facility's alerts (a contact
 * with or without a promise, a letter, an event, an import, a certificate, a filing, the facility list) the
 * windows equal those worked out afresh, and the follow-up list shows the change at once. Each write here is
 * chosen to change its facility's windows, so that a write that forgot to refresh them fails.
 */
let db: Db;
let close: () => Promise<void>;
const AS_OF = "2026-03-31";
let editor: { id: number; email: string };

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await seedNationalData(db, { facilities: 1500, seed: 7, asOf: AS_OF });
  editor = {
    id: (
      await unsafeUpsertUser(db, { email: "e@example.jp", role: "admin", prefectures: null, password: "x-Password-1" })
    ).id,
    email: "e@example.jp",
  };
}, 120_000);
afterAll(async () => close?.());

const W = sql.raw(WINDOW_COLUMNS.join(", "));

/** Rows of alert_windows that a fresh build would not write, and rows it would write that are missing. */
async function stale(): Promise<string[]> {
  const fresh = sql`select ${W} from (${alertWindowRows()}) w`;
  const rows = await queryRows<{ e: string }>(
    db,
    sql`select 'kept ' || facility_code || ' ' || rule as e from (select ${W} from alert_windows except all ${fresh}) x
        union all
        select 'missing ' || facility_code || ' ' || rule from (${fresh} except all select ${W} from alert_windows) y`,
  );
  return rows.map((r) => r.e);
}

/** The facility's windows as `rule@due from…until`. */
async function windowsOf(code: string): Promise<string[]> {
  const rows = await queryRows<{ rule: number; due: string; from: string; until: string | null }>(
    db,
    sql`select rule, due_on::text as due, fires_from::text as from, fires_until::text as until
        from alert_windows where facility_code = ${code} order by rule`,
  );
  return rows.map((r) => `${ALERT_RULES[r.rule]}@${r.due} ${r.from}…${r.until ?? ""}`);
}

const ruleOf = (windows: string[], rule: AlertRule) => windows.find((w) => w.startsWith(`${rule}@`));

async function pick(condition: ReturnType<typeof sql>): Promise<string> {
  const [row] = await queryRows<{ code: string }>(
    db,
    sql`select f.code from facilities f
        where ${condition} and not exists (select 1 from contacts c where c.facility_code = f.code)
        order by f.code limit 1`,
  );
  expect(row, "a facility to change").toBeDefined();
  return row.code;
}

const onList = async (code: string, alert: AlertRule) =>
  (await listFollowUps(db, NATIONAL, { asOf: AS_OF, alert, q: code })).items.map((i) => i.code);

describe("alert windows follow every write", () => {
  it("are built with the seed, and the list reads them", async () => {
    expect(await stale()).toEqual([]);
    expect(await alertSource(db, AS_OF)).toBe("windows");
    const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from alert_windows`);
    expect(n).toBeGreaterThan(100);
  });

  it("a promise that has passed adds promise_missed; a corrected contact, or a letter after it, ends it", async () => {
    const code = await pick(sql`f.status = 'deferred' and f.status_since < '2026-03-01'`);
    const contact = {
      contactedOn: "2026-03-01",
      channel: "phone" as const,
      outcome: "promised" as const,
      note: null,
      nextActionOn: null,
    };
    const logged = await addContact(db, NATIONAL, editor, code, { ...contact, promisedOn: "2026-03-10" });
    expect(ruleOf(await windowsOf(code), "promise_missed")).toBe("promise_missed@2026-03-10 2026-03-11…");
    expect(await onList(code, "promise_missed")).toEqual([code]);
    expect(await stale()).toEqual([]);

    await updateContact(db, NATIONAL, editor, code, logged!.id, { ...contact, outcome: "no_answer", promisedOn: null });
    expect(ruleOf(await windowsOf(code), "promise_missed")).toBeUndefined();
    expect(await onList(code, "promise_missed")).toEqual([]);

    await updateContact(db, NATIONAL, editor, code, logged!.id, { ...contact, promisedOn: "2026-03-10" });
    expect(ruleOf(await windowsOf(code), "promise_missed")).toBeDefined();
    await recordLettersSent(db, NATIONAL, editor, [code], "2026-03-20");
    expect(ruleOf(await windowsOf(code), "promise_missed")).toBeUndefined();
    expect(await stale()).toEqual([]);
  });

  it("a step online leaves only the certificate rules", async () => {
    const code = await pick(
      sql`f.status = 'deferred' and not exists (select 1 from certificates c where c.facility_code = f.code)`,
    );
    expect((await windowsOf(code)).length).toBeGreaterThan(0);
    await withTransaction((tx) =>
      upsertEvents(tx, [{ code, state: "online", effectiveOn: "2026-03-20", note: null }], null),
    );
    expect(await windowsOf(code)).toEqual([]);
    expect((await listFollowUps(db, NATIONAL, { asOf: AS_OF, q: code })).total).toBe(0);
    expect(await stale()).toEqual([]);
  });

  it("an import of the payers' records refreshes what it wrote once, before it commits", async () => {
    const code = await pick(
      sql`f.status = 'deferred' and not exists (select 1 from certificates c where c.facility_code = f.code)`,
    );
    expect((await windowsOf(code)).length).toBeGreaterThan(0);
    const summary = await runImport({
      kind: "events",
      fileName: "events.csv",
      actor: { id: null, email: "test", scope: NATIONAL },
      dryRun: false,
      source: Readable.from([Buffer.from(`医療機関コード,状態,日付\n${code},online,2026-03-21\n`)]),
    });
    expect(summary.inserted).toBe(1);
    expect(await windowsOf(code)).toEqual([]);
    expect(await stale()).toEqual([]);
  });

  it("a certificate lapsing soon, with the term from the setting, and its renewal applied for", async () => {
    const code = await pick(
      sql`f.status = 'online' and f.closed_on is null
          and not exists (select 1 from certificates c where c.facility_code = f.code)`,
    );
    const term = process.env.CERTIFICATE_VALID_YEARS;
    process.env.CERTIFICATE_VALID_YEARS = "2";
    try {
      const certificate = { code, terminal: "1", appliedOn: "2024-04-01", issuedOn: "2024-04-15", expiresOn: null };
      await withTransaction((tx) => upsertEvents(tx, [{ code, certificate }], null));
    } finally {
      if (term === undefined) delete process.env.CERTIFICATE_VALID_YEARS;
      else process.env.CERTIFICATE_VALID_YEARS = term;
    }
    // Two years less a day: the last valid day is 2026-04-14, flagged 90 days ahead.
    expect(await windowsOf(code)).toEqual([
      "certificate_expired@2026-04-14 2026-04-15…",
      "certificate_expiring@2026-04-14 2026-01-14…2026-04-14",
    ]);
    expect(await onList(code, "certificate_expiring")).toEqual([code]);
    const renewal = { code, terminal: "1", appliedOn: "2026-03-25", issuedOn: null, expiresOn: null };
    await withTransaction((tx) => upsertEvents(tx, [{ code, certificate: renewal }], null));
    expect(await windowsOf(code)).toEqual(["certificate_expired@2026-04-14 2026-04-15…"]);
    expect(await onList(code, "certificate_expiring")).toEqual([]);
    expect(await stale()).toEqual([]);
  });

  it("a filing ends no_filing and brings the deferral's rules", async () => {
    const code = await pick(
      sql`f.status = 'optical_disk' and f.first_applied_on is null and f.closed_on is null
          and exists (select 1 from alert_windows w
                      where w.facility_code = f.code and w.rule = ${ALERT_RULES.indexOf("no_filing")})`,
    );
    const filing: FilingInput = {
      code,
      filedOn: "2026-03-02",
      facilityName: null,
      phone: null,
      specialties: null,
      deferralUntil: "2026-09-30",
      reason: "other",
      reasonSub: null,
      outsourcer: null,
      reasonOther: "業者待ち",
      readiness: "september",
      readinessDate: null,
      readinessOther: null,
      rececom: "checking",
      rececomMonth: null,
      network: "considering",
      networkMonth: null,
      usageApplied: false,
      certApplied: false,
      remarks: null,
      founderName: null,
      address: null,
      email: null,
    };
    await withTransaction((tx) => upsertFilings(tx, [filing], null));
    const windows = await windowsOf(code);
    expect(ruleOf(windows, "no_filing")).toBeUndefined();
    expect(ruleOf(windows, "deferral_expiring")).toBe("deferral_expiring@2026-09-30 2026-08-01…2026-09-30");
    expect(await onList(code, "no_filing")).toEqual([]);
    expect(await stale()).toEqual([]);
  });

  it("a closing day on the facility list ends every window the day before", async () => {
    const code = await pick(
      sql`f.status = 'deferred' and f.closed_on is null
          and exists (select 1 from alert_windows w
                      where w.facility_code = f.code and w.fires_until is null and w.fires_from <= ${AS_OF}::date)`,
    );
    await withTransaction((tx) =>
      upsertFacilities(
        tx,
        [{ code, prefecture: code.slice(0, 2), tableType: "medical", name: "閉院予定", closedOn: "2026-04-30" }],
        new Set<FacilityColumn>(["closed_on"]),
        null,
      ),
    );
    const untils = (await windowsOf(code)).map((w) => w.split("…")[1]);
    expect(untils).toContain("2026-04-29");
    for (const until of untils) expect(until <= "2026-04-29" && until !== "", until).toBe(true);
    expect(await stale()).toEqual([]);
  });

  it("an assignment changes no window, and the list shows it at once", async () => {
    const before = await queryRows(db, sql`select ${W} from alert_windows order by 1, 2`);
    const [item] = (await listFollowUps(db, NATIONAL, { asOf: AS_OF }, 1, 1)).items;
    await changeFollowUps(db, NATIONAL, editor, [item.code], { assigneeId: editor.id });
    expect(await queryRows(db, sql`select ${W} from alert_windows order by 1, 2`)).toEqual(before);
    expect((await listFollowUps(db, NATIONAL, { asOf: AS_OF, q: item.code })).items[0].assignee).toBe(editor.email);
  });

  it("windows built with other rules are not read (each facility evaluated) until a write rebuilds them", async () => {
    const listed = await listFollowUps(db, NATIONAL, { asOf: AS_OF }, 2, 50);
    await db.execute(sql`update alert_windows_state set rules_key = 'an older release'`);
    await db.execute(sql`delete from alert_windows where ctid in (select ctid from alert_windows limit 20)`);
    expect(await alertSource(db, AS_OF)).toBe("evaluated");
    expect(await listFollowUps(db, NATIONAL, { asOf: AS_OF }, 2, 50)).toEqual(listed);
    const code = await pick(sql`f.status = 'deferred'`);
    const contact = { contactedOn: "2026-03-05", channel: "phone" as const, outcome: "no_answer" as const };
    await addContact(db, NATIONAL, editor, code, { ...contact, promisedOn: null, note: null, nextActionOn: null });
    expect(await alertSource(db, AS_OF)).toBe("windows");
    expect(await stale()).toEqual([]);
    expect(await listFollowUps(db, NATIONAL, { asOf: AS_OF }, 2, 50)).toEqual(listed);
  });
});
