import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDb } from "@/db/test-db";
import { queryRows, type Db } from "@/db/client";
import { unsafeUpsertUser } from "@/db/queries/users";
import { attemptSignIn } from "./sign-in";
import { checkCurrentPassword } from "./current-password";
import { closeRefusalEpisodes } from "@/db/queries/sign-in";

/** Sign-in against a real database: the limits per account and per address, disabled users, the audit trail. */
let db: Db;
let close: () => Promise<void>;
const PASSWORD = "correct-Horse-battery-9";
const LIMITS = { perAccount: 3, perAddress: 6, windowMinutes: 15 };

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  for (const email of ["hanako@example.jp", "jiro@example.jp", "off@example.jp"]) {
    await unsafeUpsertUser(db, { email, role: "viewer", prefectures: ["13"], password: PASSWORD });
  }
  await queryRows(db, sql`update users set disabled = true where email = 'off@example.jp'`);
}, 60_000);
afterAll(async () => close?.());
beforeEach(async () => {
  await queryRows(db, sql`delete from sign_in_attempts`);
});

const attempt = (email: string, password: string, ip: string | null = "192.0.2.10") =>
  attemptSignIn(db, { email, password, ip }, LIMITS);
const audit = (action: string, email: string) =>
  queryRows<{ ip: string | null; details: { reason?: string } | null; user_id: number | null }>(
    db,
    sql`select ip, details, user_id from audit_log where action = ${action} and user_email = ${email} order by id`,
  );

describe("sign-in", () => {
  it("lets the right password in, records the sign-in with its address and the time on the user", async () => {
    const result = await attempt(" Hanako@Example.jp ", PASSWORD);
    expect(result.ok && result.user.email).toBe("hanako@example.jp");
    const rows = await audit("sign_in", "hanako@example.jp");
    expect(rows.at(-1)).toMatchObject({ ip: "192.0.2.10" });
    const [user] = await queryRows<{ last: string | null }>(
      db,
      sql`select last_sign_in_at::text as last from users where email = 'hanako@example.jp'`,
    );
    expect(user.last).not.toBeNull();
  });

  it("refuses a wrong password, an unknown e-mail and a disabled account alike, and the log says which", async () => {
    expect(await attempt("hanako@example.jp", "wrong-password-123")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("nobody@example.jp", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("off@example.jp", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect((await audit("sign_in.failed", "hanako@example.jp")).at(-1)?.details).toEqual({ reason: "wrong_password" });
    expect((await audit("sign_in.failed", "nobody@example.jp")).at(-1)).toMatchObject({
      details: { reason: "unknown_user" },
      user_id: null,
    });
    expect((await audit("sign_in.failed", "off@example.jp")).at(-1)?.details).toEqual({ reason: "disabled" });
  });

  it("refuses an e-mail with a NUL byte or an absurd length without an error", async () => {
    expect(await attempt("hanako@example.jp\u0000", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(`${"a".repeat(400)}@example.jp`, PASSWORD)).toEqual({ ok: false, reason: "invalid" });
  });

  it("closes an account after its limit of failures, even to the right password, from any address", async () => {
    for (let i = 0; i < 3; i++)
      expect((await attempt("jiro@example.jp", `wrong-${i}-password`, `198.51.100.${i}`)).ok).toBe(false);
    expect(await attempt("jiro@example.jp", PASSWORD, "203.0.113.77")).toEqual({ ok: false, reason: "rate_limited" });
    expect((await audit("sign_in.rate_limited", "jiro@example.jp")).length).toBeGreaterThan(0);
    // Another account is not affected.
    expect((await attempt("hanako@example.jp", PASSWORD, "203.0.113.77")).ok).toBe(true);
  });

  it("treats an unknown e-mail the same way, so the limit says nothing about who exists", async () => {
    for (let i = 0; i < 3; i++)
      expect(await attempt("ghost@example.jp", "whatever-123456")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("ghost@example.jp", "whatever-123456")).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("opens again once the failures are older than the window", async () => {
    for (let i = 0; i < 3; i++) await attempt("jiro@example.jp", "wrong-password-xx");
    expect((await attempt("jiro@example.jp", PASSWORD)).ok).toBe(false);
    await queryRows(db, sql`update sign_in_attempts set at = now() - interval '16 minutes'`);
    expect((await attempt("jiro@example.jp", PASSWORD)).ok).toBe(true);
  });

  it("a correct password clears the account's failures but not the address's", async () => {
    await attempt("jiro@example.jp", "wrong-password-1", "192.0.2.99");
    await attempt("jiro@example.jp", "wrong-password-2", "192.0.2.99");
    expect((await attempt("jiro@example.jp", PASSWORD, "192.0.2.99")).ok).toBe(true);
    // Two more failures would have closed the account had the first two still counted.
    await attempt("jiro@example.jp", "wrong-password-3", "192.0.2.99");
    await attempt("jiro@example.jp", "wrong-password-4", "192.0.2.99");
    expect((await attempt("jiro@example.jp", PASSWORD, "192.0.2.99")).ok).toBe(true);
    const [{ n }] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from sign_in_attempts where ip = '192.0.2.99'`,
    );
    expect(n).toBe(4);
  });

  it("limits one address trying many accounts, while other addresses still get in", async () => {
    for (let i = 0; i < 6; i++)
      expect(await attempt(`user${i}@example.jp`, "spray-password-1", "203.0.113.5")).toEqual({
        ok: false,
        reason: "invalid",
      });
    expect(await attempt("hanako@example.jp", PASSWORD, "203.0.113.5")).toEqual({ ok: false, reason: "rate_limited" });
    expect((await attempt("hanako@example.jp", PASSWORD, "203.0.113.6")).ok).toBe(true);
  });
});

describe("the current password on the password-change form", () => {
  it(
    "is limited like a sign-in: each wrong one logged, " + "then even the right one refused, the refusals counted",
    async () => {
      const [{ id }] = await queryRows<{ id: number }>(
        db,
        sql`select id::int as id from users where email = 'jiro@example.jp'`,
      );
      const who = { id, email: "jiro@example.jp" };
      expect(await checkCurrentPassword(db, who, "192.0.2.44", PASSWORD, LIMITS)).toBe("ok");
      for (let i = 0; i < 3; i++)
        expect(await checkCurrentPassword(db, who, "192.0.2.44", `guess-${i}-password`, LIMITS)).toBe("wrong");
      for (let i = 0; i < 5; i++)
        expect(await checkCurrentPassword(db, who, "192.0.2.44", PASSWORD, LIMITS)).toBe("limited");
      const rows = await queryRows<{ action: string }>(
        db,
        sql`select action from audit_log where user_id = ${id} and action like 'password.%' order by id`,
      );
      expect(rows.map((r) => r.action)).toEqual([
        "password.wrong_current",
        "password.wrong_current",
        "password.wrong_current",
        "password.change_limited",
      ]);
    },
  );
});

describe("temporary passwords", () => {
  it(
    "expire TEMP_PASSWORD_HOURS (72) after the reset: " + "the right temporary password then no longer signs in",
    async () => {
      const setAge = (hours: number) =>
        queryRows(
          db,
          sql`update users set must_change_password = true,
                password_changed_at = now() - make_interval(hours => ${hours})
            where email = 'hanako@example.jp'`,
        );
      await setAge(71);
      expect((await attempt("hanako@example.jp", PASSWORD)).ok).toBe(true);
      await setAge(73);
      expect(await attempt("hanako@example.jp", PASSWORD)).toEqual({ ok: false, reason: "temp_password_expired" });
      expect((await audit("sign_in.failed", "hanako@example.jp")).at(-1)?.details).toEqual({
        reason: "temp_password_expired",
      });
      await queryRows(db, sql`update users set must_change_password = false where email = 'hanako@example.jp'`);
      expect((await attempt("hanako@example.jp", PASSWORD)).ok).toBe(true);
    },
  );
});

describe("refusals beyond the limit", () => {
  const auditCount = async () =>
    (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_log`))[0].n;

  it(
    "are counted, not written one audit row each: " + "the first of an episode is logged, the rest only counted",
    async () => {
      for (let i = 0; i < 6; i++) await attempt(`flood${i}@example.jp`, "spray-password-1", "198.51.100.200");
      const before = await auditCount();
      for (let i = 0; i < 200; i++)
        expect(await attempt(`flood-${i}@example.jp`, "spray-password-1", "198.51.100.200")).toEqual({
          ok: false,
          reason: "rate_limited",
        });
      expect((await auditCount()) - before).toBe(1);
      const [counter] = await queryRows<{ refused: number }>(
        db,
        sql`select refused from sign_in_refusals where key = 'address:198.51.100.200'`,
      );
      expect(counter.refused).toBe(200);
    },
  );

  it(
    "a new episode after a quiet window is logged with the previous one's total; " +
      "a closed episode's total goes to the log",
    async () => {
      await queryRows(
        db,
        sql`update sign_in_refusals set last_at = now() - interval '20 minutes' where key = 'address:198.51.100.200'`,
      );
      for (let i = 0; i < 6; i++) await attempt(`flood${i}@example.jp`, "spray-password-1", "198.51.100.200");
      expect(await attempt("flood-again@example.jp", "spray-password-1", "198.51.100.200")).toEqual({
        ok: false,
        reason: "rate_limited",
      });
      const [entry] = await queryRows<{ details: { previousEpisode?: { refused: number } } }>(
        db,
        sql`select details from audit_log where action = 'sign_in.rate_limited' and target = 'address:198.51.100.200'
          order by id desc limit 1`,
      );
      expect(entry.details.previousEpisode?.refused).toBe(200);
      await queryRows(db, sql`update sign_in_refusals set last_at = now() - interval '2 days'`);
      await closeRefusalEpisodes(db);
      const totals = await queryRows<{ target: string }>(
        db,
        sql`select target from audit_log where action = 'sign_in.rate_limited.total'`,
      );
      expect(totals.map((t) => t.target)).toContain("address:198.51.100.200");
      expect((await queryRows<{ n: number }>(db, sql`select count(*)::int as n from sign_in_refusals`))[0].n).toBe(0);
    },
  );

  it("count an IPv6 client by its /64: changing the last 64 bits does not dodge the address limit", async () => {
    for (let i = 0; i < 6; i++)
      await attempt(`v6user${i}@example.jp`, "spray-password-1", `2001:db8:aa:bb::${(i + 1).toString(16)}`);
    expect(await attempt("hanako@example.jp", PASSWORD, "2001:db8:aa:bb:ffff:1:2:3")).toEqual({
      ok: false,
      reason: "rate_limited",
    });
    expect((await attempt("hanako@example.jp", PASSWORD, "2001:db8:aa:cc::1")).ok).toBe(true);
  });
});

describe("the audit log", () => {
  it("cannot be changed or emptied, even by a direct statement", async () => {
    const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_log`);
    expect(n).toBeGreaterThan(0);
    await expect(queryRows(db, sql`update audit_log set action = 'nothing'`)).rejects.toThrow();
    await expect(queryRows(db, sql`delete from audit_log`)).rejects.toThrow();
    await expect(queryRows(db, sql`truncate audit_log`)).rejects.toThrow();
    const [after] = await queryRows<{ n: number; x: number }>(
      db,
      sql`select count(*)::int as n, count(*) filter (where action = 'nothing')::int as x from audit_log`,
    );
    expect(after).toEqual({ n, x: 0 });
  });
});
