import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { unsafeUpsertUser } from "./users";
import { changeOwnPassword, createUser, findUser, listUsers, resetPassword, updateUser } from "./user-admin";
import { eachAuditRow, recordAudit, searchAudit } from "./audit";
import { NATIONAL, type Scope } from "../../lib/scope";

/** User administration and the audit log against a real database: scope holds in SQL, every change is logged. */
let db: Db;
let close: () => Promise<void>;
const TOKYO: Scope = { kind: "prefectures", prefectures: ["13"] };
const ids: Record<string, number> = {};
const admin = { id: 0, email: "admin@example.jp", ip: "192.0.2.1" };

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  const add = async (email: string, role: "admin" | "editor" | "viewer", prefectures: string[] | null) =>
    (ids[email] = (await unsafeUpsertUser(db, { email, role, prefectures, password: "x-Password-123" })).id);
  admin.id = await add("admin@example.jp", "admin", null);
  await add("tokyo-admin@example.jp", "admin", ["13"]);
  await add("tokyo@example.jp", "editor", ["13"]);
  await add("osaka@example.jp", "editor", ["27"]);
  await add("kanto@example.jp", "viewer", ["13", "14"]);
  await add("viewer@example.jp", "viewer", null);
}, 60_000);
afterAll(async () => close?.());

const state = (email: string) =>
  queryRows<{ role: string; prefectures: string[] | null; disabled: boolean; must: boolean; sv: number }>(
    db,
    sql`select role, prefectures, disabled, must_change_password as must, session_version as sv from users
        where email = ${email}`,
  ).then((r) => r[0]);

describe("which users an administrator manages", () => {
  it("a national admin sees everyone; a Tokyo admin only users wholly inside Tokyo", async () => {
    expect((await listUsers(db, NATIONAL)).length).toBe(6);
    expect((await listUsers(db, TOKYO)).map((u) => u.email).sort()).toEqual([
      "tokyo-admin@example.jp",
      "tokyo@example.jp",
    ]);
    expect(await findUser(db, TOKYO, ids["osaka@example.jp"])).toBeUndefined();
    expect(await findUser(db, TOKYO, ids["kanto@example.jp"])).toBeUndefined();
    expect(await findUser(db, TOKYO, ids["viewer@example.jp"])).toBeUndefined();
    expect((await findUser(db, NATIONAL, ids["osaka@example.jp"]))?.prefectures).toEqual(["27"]);
  });

  it(
    "a Tokyo admin cannot change an Osaka user, " + "nor hand out a scope beyond Tokyo, whatever the form says",
    async () => {
      const change = { name: null, role: "admin" as const, prefectures: null, disabled: false };
      expect(await updateUser(db, TOKYO, admin, ids["osaka@example.jp"], change)).toBeUndefined();
      expect(await state("osaka@example.jp")).toMatchObject({ role: "editor", prefectures: ["27"] });
      expect(
        await updateUser(db, TOKYO, admin, ids["tokyo@example.jp"], {
          ...change,
          role: "viewer",
          prefectures: ["13", "27"],
        }),
      ).toBeUndefined();
      expect(
        await updateUser(db, TOKYO, admin, ids["tokyo@example.jp"], { ...change, role: "viewer" }),
      ).toBeUndefined();
      expect(await state("tokyo@example.jp")).toMatchObject({ role: "editor", prefectures: ["13"] });
      expect(
        await createUser(db, TOKYO, admin, {
          email: "wide@example.jp",
          name: null,
          role: "viewer",
          prefectures: null,
          passwordHash: "h",
        }),
      ).toBeNull();
      expect(
        await createUser(db, TOKYO, admin, {
          email: "wide@example.jp",
          name: null,
          role: "viewer",
          prefectures: ["27"],
          passwordHash: "h",
        }),
      ).toBeNull();
      expect(await state("wide@example.jp")).toBeUndefined();
      expect(await resetPassword(db, TOKYO, admin, ids["osaka@example.jp"], "h")).toBe(false);
    },
  );

  it("a Tokyo admin cannot reset a national admin's password, nor another admin's; a Tokyo editor's, yes", async () => {
    const hash = async (email: string) =>
      (await queryRows<{ h: string }>(db, sql`select password_hash as h from users where email = ${email}`))[0].h;
    const before = await hash("admin@example.jp");
    expect(await resetPassword(db, TOKYO, admin, ids["admin@example.jp"], "taken-over")).toBe(false);
    expect(await resetPassword(db, TOKYO, admin, ids["tokyo-admin@example.jp"], "taken-over")).toBe(false);
    expect(await hash("admin@example.jp")).toBe(before);
    expect(await hash("tokyo-admin@example.jp")).not.toBe("taken-over");
    expect(await resetPassword(db, TOKYO, admin, ids["tokyo@example.jp"], "temporary-hash")).toBe(true);
  });
});

describe("changes and their record", () => {
  it("creates a user who must change the password at first sign-in, once per e-mail", async () => {
    const id = await createUser(db, NATIONAL, admin, {
      email: "New@Example.jp",
      name: "新 人",
      role: "viewer",
      prefectures: ["27"],
      passwordHash: "h",
    });
    expect(id).toBeGreaterThan(0);
    expect(await state("new@example.jp")).toMatchObject({ must: true, prefectures: ["27"] });
    expect(
      await createUser(db, NATIONAL, admin, {
        email: "new@example.jp",
        name: null,
        role: "admin",
        prefectures: null,
        passwordHash: "h",
      }),
    ).toBeNull();
    const [row] = (await searchAudit(db, NATIONAL, { action: "user.create", q: "new@example.jp" }, 1, 10)).items;
    expect(row).toMatchObject({
      userEmail: "admin@example.jp",
      ip: "192.0.2.1",
      target: "new@example.jp",
      details: { role: "viewer", prefectures: ["27"] },
    });
  });

  it("disabling ends the user's sessions and is logged with before and after", async () => {
    const before = await state("tokyo@example.jp");
    const saved = await updateUser(db, NATIONAL, admin, ids["tokyo@example.jp"], {
      name: "東京",
      role: "editor",
      prefectures: ["13"],
      disabled: true,
    });
    expect(saved?.disabled).toBe(true);
    const after = await state("tokyo@example.jp");
    expect(after.sv).toBe(before.sv + 1);
    const [entry] = (await searchAudit(db, NATIONAL, { action: "user.disable" }, 1, 10)).items;
    expect(entry.details).toMatchObject({ before: { disabled: false }, after: { disabled: true, name: "東京" } });
    await updateUser(db, NATIONAL, admin, ids["tokyo@example.jp"], {
      name: "東京",
      role: "editor",
      prefectures: ["13"],
      disabled: false,
    });
    expect((await state("tokyo@example.jp")).sv).toBe(before.sv + 1);
    expect((await searchAudit(db, NATIONAL, { action: "user.enable" }, 1, 10)).total).toBe(1);
  });

  it("a reset forces a new password and ends sessions; the person's own change clears the flag", async () => {
    const before = await state("kanto@example.jp");
    expect(await resetPassword(db, NATIONAL, admin, ids["kanto@example.jp"], "new-hash")).toBe(true);
    expect(await state("kanto@example.jp")).toMatchObject({ must: true, sv: before.sv + 1 });
    await changeOwnPassword(db, { id: ids["kanto@example.jp"], email: "kanto@example.jp", ip: null }, "own-hash");
    expect(await state("kanto@example.jp")).toMatchObject({ must: false, sv: before.sv + 2 });
    expect((await searchAudit(db, NATIONAL, { action: "user" }, 1, 50)).items.map((r) => r.action)).toEqual(
      expect.arrayContaining(["user.password_reset", "user.password_change", "user.create", "user.disable"]),
    );
  });
});

describe("audit log search", () => {
  it("takes SQL-looking, wildcard and odd Unicode text as plain text", async () => {
    await recordAudit(db, {
      userId: null,
      email: "x@example.jp",
      ip: null,
      action: "sign_in.failed",
      target: "100%_done",
      details: { note: "ｶﾀｶﾅ" },
    });
    expect((await searchAudit(db, NATIONAL, { q: "100%_done" }, 1, 10)).total).toBe(1);
    // Wildcards are literal: only the one entry holds a "%", and none holds two underscores in a row.
    expect((await searchAudit(db, NATIONAL, { q: "%" }, 1, 10)).total).toBe(1);
    expect((await searchAudit(db, NATIONAL, { q: "__" }, 1, 10)).total).toBe(0);
    expect((await searchAudit(db, NATIONAL, { q: "' or 1=1 --" }, 1, 10)).total).toBe(0);
    expect((await searchAudit(db, NATIONAL, { q: "𠮷野家\u202e" }, 1, 10)).total).toBe(0);
    expect((await searchAudit(db, NATIONAL, { q: "ｶﾀｶﾅ" }, 1, 10)).total).toBe(1);
  });

  it("filters by action family and by Japan-time day, and shows nothing to a scoped reader", async () => {
    const all = await searchAudit(db, NATIONAL, {}, 1, 1000);
    expect(all.total).toBeGreaterThan(5);
    expect(
      (await searchAudit(db, NATIONAL, { action: "sign_in" }, 1, 10)).items.every((r) =>
        r.action.startsWith("sign_in"),
      ),
    ).toBe(true);
    const today = all.items[0].at.slice(0, 10);
    expect((await searchAudit(db, NATIONAL, { from: today, to: today }, 1, 1000)).total).toBe(all.total);
    expect((await searchAudit(db, NATIONAL, { to: "2000-01-01" }, 1, 10)).total).toBe(0);
    expect((await searchAudit(db, TOKYO, {}, 1, 10)).total).toBe(0);
  });

  it("the export's chunks hold every row once, newest first", async () => {
    const seen: number[] = [];
    for await (const chunk of eachAuditRow(db, NATIONAL, {}, 3)) seen.push(...chunk.map((r) => r.id));
    const all = await searchAudit(db, NATIONAL, {}, 1, 1000);
    expect(seen).toEqual(all.items.map((r) => r.id));
  });
});
