import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { withTransaction } from "../transaction";
import { upsertFacilities, type FacilityColumn } from "../import/facilities";
import { listFollowUps, eachFollowUp } from "./follow-ups";
import { eachFacility, listFacilities } from "./facilities";
import { facilityDetail } from "./facility-detail";
import { addContact, listContacts, updateContact } from "./contacts";
import { assignableColleagues, changeFollowUps } from "./assignments";
import { unsafeUpsertUser } from "./users";
import { NATIONAL, type Scope } from "../../lib/scope";
import { makeFacilityCode } from "../../lib/facility-code";

/** Tokyo staff see, export, log and assign only Tokyo facilities; Osaka's answer as if they did not exist. */
let db: Db;
let close: () => Promise<void>;
const TOKYO: Scope = { kind: "prefectures", prefectures: ["13"] };
const tokyo = [1, 2, 3].map((n) => makeFacilityCode("13", "1", 6, n));
const osaka = [1, 2].map((n) => makeFacilityCode("27", "3", 6, n));
const AS_OF = "2024-10-01"; // all five are on disk with no filing: no_filing
let tokyoEditor: { id: number; email: string };
let osakaEditor: { id: number; email: string };
let nationalAdmin: { id: number; email: string };

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await withTransaction(async (tx) => {
    await upsertFacilities(
      tx,
      [...tokyo, ...osaka].map((code) => ({
        code,
        prefecture: code.slice(0, 2),
        tableType: code[2] === "1" ? ("medical" as const) : ("dental" as const),
        name: `施設${code}`,
        claimMethod: "optical_disk" as const,
      })),
      new Set<FacilityColumn>(["claim_method"]),
      null,
    );
  });
  const add = async (email: string, role: "editor" | "admin" | "viewer", prefectures: string[] | null) => ({
    id: (await unsafeUpsertUser(db, { email, role, prefectures, password: "x-Password-1" })).id,
    email,
  });
  tokyoEditor = await add("t@example.jp", "editor", ["13"]);
  osakaEditor = await add("o@example.jp", "editor", ["27"]);
  nationalAdmin = await add("a@example.jp", "admin", null);
  await add("v@example.jp", "viewer", ["13"]);
}, 60_000);
afterAll(async () => close?.());

const contact = {
  contactedOn: "2024-10-01",
  channel: "phone" as const,
  outcome: "no_answer" as const,
  promisedOn: null,
  note: "=cmd",
  nextActionOn: "2024-10-08",
};

describe("scope on the follow-up list, facility list, export and detail", () => {
  it("the list and its export hold only Tokyo, even when Osaka is asked for", async () => {
    expect((await listFollowUps(db, TOKYO, { asOf: AS_OF })).items.map((i) => i.code).sort()).toEqual(tokyo);
    expect((await listFollowUps(db, TOKYO, { asOf: AS_OF, prefecture: "27" })).total).toBe(0);
    expect((await listFollowUps(db, NATIONAL, { asOf: AS_OF })).total).toBe(5);
    const exported: string[] = [];
    for await (const chunk of eachFollowUp(db, TOKYO, { asOf: AS_OF }, 2)) exported.push(...chunk.map((i) => i.code));
    expect(exported.sort()).toEqual(tokyo);
  });

  it("the facility list and its export too", async () => {
    const page = await listFacilities(db, TOKYO, { asOf: AS_OF });
    expect(page.total).toBe(3);
    expect((await listFacilities(db, TOKYO, { asOf: AS_OF, prefecture: "27" })).total).toBe(0);
    expect(
      (await listFacilities(db, NATIONAL, { asOf: AS_OF, alert: "no_filing", tableType: "dental" })).items.map(
        (i) => i.code,
      ),
    ).toEqual(osaka);
    const exported: string[] = [];
    for await (const chunk of eachFacility(db, TOKYO, { asOf: AS_OF }, 2)) exported.push(...chunk.map((i) => i.code));
    expect(exported).toEqual(tokyo);
  });

  it("the detail of an Osaka facility is null for Tokyo", async () => {
    expect(await facilityDetail(db, TOKYO, osaka[0], AS_OF)).toBeNull();
    expect((await facilityDetail(db, NATIONAL, osaka[0], AS_OF))?.alerts.map((a) => a.rule)).toEqual(["no_filing"]);
  });
});

describe("contact log", () => {
  it("Tokyo logs a Tokyo call, with the next action carried to the list and an audit entry", async () => {
    const logged = await addContact(db, TOKYO, tokyoEditor, tokyo[0], contact);
    expect(logged).toMatchObject({ facilityCode: tokyo[0], outcome: "no_answer", userEmail: tokyoEditor.email });
    const item = (await listFollowUps(db, TOKYO, { asOf: AS_OF, q: tokyo[0] })).items[0];
    expect(item.nextActionOn).toBe("2024-10-08");
    const audit = await queryRows<{ action: string; target: string }>(
      db,
      sql`select action, target from audit_log where action = 'contact.add'`,
    );
    expect(audit).toEqual([{ action: "contact.add", target: tokyo[0] }]);
  });

  it("Tokyo cannot log on, read or edit an Osaka facility's contacts", async () => {
    expect(await addContact(db, TOKYO, tokyoEditor, osaka[0], contact)).toBeNull();
    const osakaContact = await addContact(db, NATIONAL, nationalAdmin, osaka[0], contact);
    expect(await listContacts(db, TOKYO, osaka[0])).toEqual([]);
    expect(
      await updateContact(db, TOKYO, tokyoEditor, osaka[0], osakaContact!.id, { ...contact, note: "changed" }),
    ).toBeNull();
    expect((await listContacts(db, NATIONAL, osaka[0]))[0].note).toBe("=cmd");
  });

  it("an edit sent for another facility than the entry's changes nothing and writes no audit entry", async () => {
    const [entry] = await listContacts(db, TOKYO, tokyo[0]);
    const edits = async () =>
      (
        await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_log where action = 'contact.edit'`)
      )[0].n;
    const before = await edits();
    expect(
      await updateContact(db, TOKYO, tokyoEditor, tokyo[1], entry.id, { ...contact, note: "wrong facility" }),
    ).toBeNull();
    expect((await listContacts(db, TOKYO, tokyo[0]))[0].note).toBe(entry.note);
    expect(await edits()).toBe(before);
  });

  it("an edit keeps what the contact said before in the audit log", async () => {
    const [first] = await listContacts(db, TOKYO, tokyo[0]);
    const edited = await updateContact(db, TOKYO, tokyoEditor, first.facilityCode, first.id, {
      ...contact,
      outcome: "reached",
      note: "担当者と話した",
    });
    expect(edited).toMatchObject({ outcome: "reached", note: "担当者と話した" });
    const [entry] = await queryRows<{ details: { before: { outcome: string }; after: { outcome: string } } }>(
      db,
      sql`select details from audit_log where action = 'contact.edit'`,
    );
    const details = typeof entry.details === "string" ? JSON.parse(entry.details) : entry.details;
    expect([details.before.outcome, details.after.outcome]).toEqual(["no_answer", "reached"]);
  });
});

describe("assignments", () => {
  it(
    "offers only editors and admins whose whole scope lies " +
      "inside the caller's (no national or Osaka staff to Tokyo)",
    async () => {
      expect((await assignableColleagues(db, TOKYO)).map((u) => u.email)).toEqual(["t@example.jp"]);
      expect((await assignableColleagues(db, NATIONAL)).map((u) => u.email)).toEqual([
        "a@example.jp",
        "o@example.jp",
        "t@example.jp",
      ]);
    },
  );

  it("refuses an assignee outside the caller's scope even when a form is forged", async () => {
    expect(await changeFollowUps(db, TOKYO, tokyoEditor, [tokyo[0]], { assigneeId: nationalAdmin.id })).toEqual({
      updated: [],
      refused: [tokyo[0]],
    });
  });

  it("assigns Tokyo facilities in bulk; Osaka codes and an Osaka assignee are refused", async () => {
    const done = await changeFollowUps(db, TOKYO, tokyoEditor, [tokyo[1], tokyo[2], osaka[1]], {
      assigneeId: tokyoEditor.id,
      nextActionOn: "2024-10-10",
    });
    expect(done).toEqual({ updated: [tokyo[1], tokyo[2]].sort(), refused: [osaka[1]] });
    const mine = await listFollowUps(db, TOKYO, { asOf: AS_OF, assignee: tokyoEditor.id });
    expect(mine.items.map((i) => [i.code, i.assignee, i.nextActionOn])).toEqual([
      [tokyo[1], tokyoEditor.email, "2024-10-10"],
      [tokyo[2], tokyoEditor.email, "2024-10-10"],
    ]);
    const toOsakaPerson = await changeFollowUps(db, TOKYO, tokyoEditor, [tokyo[0]], { assigneeId: osakaEditor.id });
    expect(toOsakaPerson).toEqual({ updated: [], refused: [tokyo[0]] });
    expect((await listFollowUps(db, NATIONAL, { asOf: AS_OF, assignee: osakaEditor.id })).total).toBe(0);
  });

  it("setting only the date keeps the assignee; unassigned filter finds the rest", async () => {
    await changeFollowUps(db, TOKYO, tokyoEditor, [tokyo[1]], { nextActionOn: "2024-11-01" });
    const item = (await listFollowUps(db, TOKYO, { asOf: AS_OF, q: tokyo[1] })).items[0];
    expect([item.assignee, item.nextActionOn]).toEqual([tokyoEditor.email, "2024-11-01"]);
    expect((await listFollowUps(db, TOKYO, { asOf: AS_OF, assignee: "none" })).items.map((i) => i.code)).toEqual([
      tokyo[0],
    ]);
  });
});
