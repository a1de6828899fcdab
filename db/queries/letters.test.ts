import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { withTransaction } from "../transaction";
import { upsertFacilities, type FacilityColumn } from "../import/facilities";
import { LETTER_NOTE, listOffices, recordLettersSent, saveOffice } from "./letters";
import { listContacts } from "./contacts";
import { NATIONAL, type Scope } from "../../lib/scope";
import { makeFacilityCode } from "../../lib/facility-code";

/** Letters: the office setting per prefecture (scoped), and a printed batch left in the contact log and the audit. */
let db: Db;
let close: () => Promise<void>;
const tokyo: Scope = { kind: "prefectures", prefectures: ["13"] };
const actor = { id: 0, email: "tokyo@example.jp", ip: "127.0.0.1" };
const tk = (n: number) => makeFacilityCode("13", "1", 11, n);
const os = makeFacilityCode("27", "1", 11, 1);

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  const [user] = await queryRows<{ id: number }>(
    db,
    sql`insert into users (email, password_hash, role, prefectures) values ('tokyo@example.jp', 'x', 'editor', '{13}')
        returning id`,
  );
  actor.id = user.id;
  await withTransaction((tx) =>
    upsertFacilities(
      tx,
      [tk(1), tk(2), os].map((code) => ({
        code,
        prefecture: code.slice(0, 2),
        tableType: "medical" as const,
        name: `医院${code}`,
        claimMethod: "optical_disk" as const,
      })),
      new Set<FacilityColumn>(["claim_method"]),
      null,
    ),
  );
}, 60_000);
afterAll(async () => close?.());

describe("letters", () => {
  it("saves a prefecture office's sender only inside the admin's scope, and audits it", async () => {
    expect(
      await saveOffice(db, tokyo, actor, {
        prefecture: "13",
        officeName: "東京支部",
        phone: "03-0000-0000",
        portalUrl: "https://example.jp/portal",
      }),
    ).toBe(true);
    expect(
      await saveOffice(db, tokyo, actor, { prefecture: "27", officeName: "大阪支部", phone: null, portalUrl: null }),
    ).toBe(false);
    expect(await listOffices(db, NATIONAL)).toEqual([
      { prefecture: "13", officeName: "東京支部", phone: "03-0000-0000", portalUrl: "https://example.jp/portal" },
    ]);
    expect(await listOffices(db, { kind: "prefectures", prefectures: ["27"] })).toEqual([]);
    const audit = await queryRows<{ action: string; target: string }>(
      db,
      sql`select action, target from audit_log where action = 'office.save'`,
    );
    expect(audit).toEqual([{ action: "office.save", target: "13" }]);
  });

  it("records a printed batch: one letter contact per facility in scope, one audit entry, Osaka skipped", async () => {
    const sent = await recordLettersSent(db, tokyo, actor, [tk(1), tk(2), os, tk(1)], "2026-12-04");
    expect(sent).toEqual([tk(1), tk(2)].sort());
    const log = await listContacts(db, NATIONAL, tk(1));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      channel: "letter",
      contactedOn: "2026-12-04",
      note: LETTER_NOTE,
      userEmail: "tokyo@example.jp",
    });
    expect(await listContacts(db, NATIONAL, os)).toEqual([]);
    const audit = await queryRows<{ details: { codes: string[] } }>(
      db,
      sql`select details from audit_log where action = 'letters.sent'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].details.codes).toEqual(sent);
  });
});
