import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { seedNationalData } from "../seed";
import { alertFacts, dueColumn } from "./alert-sql";
import { alertSource, alertTops, lateCodes, type AlertSource } from "./alert-tops";
import { listFollowUps } from "./follow-ups";
import {
  ALERT_RULES,
  alertRuleRank,
  evaluateAlerts,
  type AlertRule,
  type CertificateFacts,
  type ContactFacts,
  type FacilityFacts,
} from "../../lib/alerts/rules";
import type { ClaimMethod } from "../../lib/table-types";
import { CONTRADICTIONS } from "../../lib/alerts/contradictions";
import type { EventState } from "../../lib/states";
import { NATIONAL } from "../../lib/scope";

/**
 * The SQL rules must say exactly what lib/alerts says. This replays a seeded country's history in plain
 * TypeScript (state as of the date from the events, the filing in force then) and compares every
 * facility's alerts, rule and due date, with the SQL paths on several dates, today's included: the rules
 * evaluated for the date (alertFacts), and the lists' reading of them (alertTops) from the kept windows, from
 * the windows with the facilities recorded since the date evaluated, and from the evaluation alone.
 */
let db: Db;
let close: () => Promise<void>;
const SEED_AS_OF = "2026-03-31";

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await seedNationalData(db, { facilities: 3000, seed: 11, asOf: SEED_AS_OF });
}, 120_000);
afterAll(async () => close?.());

interface FacilityRow {
  code: string;
  initial_state: EventState;
  closed_on: string | null;
  shares_oqv_terminal: boolean;
  first_applied_on: string | null;
  first_certificate_on: string | null;
  first_online_on: string | null;
  claim_method: ClaimMethod | null;
  opened_on: string | null;
}
type EventRow = { facility_code: string; state: EventState; effective_on: string };
type FilingRow = Record<string, unknown> & { facility_code: string; filed_on: string };

async function replayedAlerts(asOf: string): Promise<Map<string, string[]>> {
  const facilities = await queryRows<FacilityRow>(
    db,
    sql`select code, initial_state, closed_on, shares_oqv_terminal, first_applied_on, first_certificate_on,
          first_online_on, claim_method, opened_on from facilities`,
  );
  // The latest contact on or before the date: by contacted_on, then entry order (ascending, the last one wins).
  const contacts = await queryRows<{ facility_code: string; contacted_on: string; promised_on: string | null }>(
    db,
    sql`select facility_code, contacted_on, promised_on from contacts where contacted_on <= ${asOf}::date
        order by contacted_on, id`,
  );
  const lastContact = new Map<string, ContactFacts>();
  for (const c of contacts)
    lastContact.set(c.facility_code, { contactedOn: c.contacted_on, promisedOn: c.promised_on });
  const certificates = await queryRows<CertificateFacts & { code: string }>(
    db,
    sql`select facility_code as code, terminal, applied_on as "appliedOn", issued_on as "issuedOn",
          expires_on as "expiresOn" from certificates`,
  );
  const certsOf = new Map<string, CertificateFacts[]>();
  for (const { code, ...c } of certificates) certsOf.set(code, [...(certsOf.get(code) ?? []), c]);
  const events = await queryRows<EventRow>(
    db,
    sql`select facility_code, state, effective_on from status_events where effective_on <= ${asOf}::date
        order by effective_on, state`,
  );
  const filings = await queryRows<FilingRow>(
    db,
    sql`select * from filings where filed_on <= ${asOf}::date order by filed_on`,
  );
  const latestEvent = new Map<string, EventRow>();
  for (const e of events) latestEvent.set(e.facility_code, e);
  const latestFiling = new Map<string, FilingRow>();
  for (const f of filings) latestFiling.set(f.facility_code, f);
  const out = new Map<string, string[]>();
  for (const f of facilities) {
    const e = latestEvent.get(f.code);
    const fl = latestFiling.get(f.code);
    const facts: FacilityFacts = {
      status: e?.state ?? f.initial_state,
      statusSince: e?.effective_on ?? null,
      closedOn: f.closed_on,
      sharesOqvTerminal: f.shares_oqv_terminal,
      firstAppliedOn: f.first_applied_on,
      firstCertificateOn: f.first_certificate_on,
      claimMethod: f.claim_method,
      openedOn: f.opened_on,
      initialState: f.initial_state,
      firstOnlineOn: f.first_online_on,
      lastContact: lastContact.get(f.code) ?? null,
      certificates: certsOf.get(f.code) ?? [],
      filing: fl
        ? {
            filedOn: fl.filed_on,
            deferralUntil: String(fl.deferral_until),
            reason: fl.reason as "outsourced" | "transitional" | "other",
            reasonSub: fl.reason_sub === null ? null : Number(fl.reason_sub),
            readiness: fl.readiness as "december" | "march" | "september" | "other",
            readinessDate: (fl.readiness_date as string | null) ?? null,
            usageApplied: Boolean(fl.usage_applied),
            certApplied: Boolean(fl.cert_applied),
          }
        : null,
    };
    const alerts = evaluateAlerts(facts, asOf).map((a) => `${a.rule}@${a.dueOn}`);
    if (alerts.length > 0) out.set(f.code, alerts.sort());
  }
  return out;
}

async function sqlAlerts(asOf: string): Promise<Map<string, string[]>> {
  const rows = await queryRows<Record<string, string | null>>(db, sql`select * from ${alertFacts(asOf, sql`true`)} r`);
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const alerts = ALERT_RULES.filter((rule) => r[`d_${rule}`] !== null).map((rule) => `${rule}@${r[`d_${rule}`]}`);
    out.set(String(r.code), alerts.sort());
  }
  return out;
}

/** Each facility's most urgent alert (`rule@due`) as alertTops reads it from the given source. */
async function topsFrom(source: AlertSource, asOf: string, alert?: AlertRule): Promise<Map<string, string>> {
  const late = source === "windows-and-late" ? sql`with late as (${lateCodes(asOf)}) ` : sql``;
  const due = alert ? sql`, ${dueColumn(alert)}::text as due` : sql``;
  const rows = await queryRows<{ code: string; top_due: string; top_rank: number; due?: string }>(
    db,
    sql`${late}select t.code, t.top_due::text, t.top_rank${due}
        from (${alertTops(source, asOf, sql`true`, sql`true`, { alert })}) t`,
  );
  expect(new Set(rows.map((r) => r.code)).size, `${source} ${asOf}: one row per facility`).toBe(rows.length);
  return new Map(
    rows.map((r) => [r.code, alert ? `${alert}@${r.due}` : `${ALERT_RULES[Number(r.top_rank)]}@${r.top_due}`]),
  );
}

/** The replay's most urgent alert per facility (its alerts sorted by due date, then urgency), or one rule's. */
function expectedTops(alerts: Map<string, string[]>, alert?: AlertRule): Map<string, string> {
  const out = new Map<string, string>();
  for (const [code, list] of alerts) {
    const sorted = list
      .map((a) => a.split("@") as [AlertRule, string])
      .sort(([ra, da], [rb, db]) => (da === db ? alertRuleRank(ra) - alertRuleRank(rb) : da < db ? -1 : 1));
    const chosen = alert ? sorted.find(([r]) => r === alert) : sorted[0];
    if (chosen) out.set(code, chosen.join("@"));
  }
  return out;
}

describe("alert rules in SQL agree with lib/alerts on a seeded country", () => {
  for (const asOf of ["2024-07-31", "2024-09-01", "2025-02-15", "2025-08-15", "2025-10-01", SEED_AS_OF, "2026-06-30"]) {
    it(`as of ${asOf}`, async () => {
      const [expected, actual] = await Promise.all([replayedAlerts(asOf), sqlAlerts(asOf)]);
      expect(expected.size).toBeGreaterThan(0);
      expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    });
  }

  it("the seeded country at its own date raises every rule (the comparison above is not vacuous)", async () => {
    // Steps back from online are rare and short: also look on the days they happened.
    const backward = await queryRows<{ d: string }>(
      db,
      sql`select distinct effective_on::text as d from status_events where backward order by 1 limit 3`,
    );
    const dates = ["2024-09-01", "2025-10-01", SEED_AS_OF, "2026-06-30", ...backward.map((b) => b.d)];
    for (const asOf of backward.map((b) => b.d)) {
      const [expected, actual] = await Promise.all([replayedAlerts(asOf), sqlAlerts(asOf)]);
      expect(Object.fromEntries(actual), asOf).toEqual(Object.fromEntries(expected));
    }
    const found = await Promise.all(dates.map(sqlAlerts));
    const rules = new Set(found.flatMap((m) => [...m.values()].flat().map((a) => a.split("@")[0])));
    expect([...rules].sort()).toEqual([...ALERT_RULES].sort());
  });

  it("raises no contradictory pair for any facility on any of the dates", async () => {
    for (const asOf of ["2024-10-01", "2025-10-01", SEED_AS_OF, "2026-06-30"]) {
      for (const [code, alerts] of await sqlAlerts(asOf)) {
        const rules = new Set(alerts.map((a) => a.split("@")[0]));
        for (const [a, b] of CONTRADICTIONS)
          expect(rules.has(a) && rules.has(b), `${code} ${asOf}: ${a} with ${b}`).toBe(false);
      }
    }
  });

  it("the lists read the same alerts from the kept windows, with late facilities evaluated, and alone", async () => {
    const dates = ["2024-09-01", "2025-08-15", "2026-03-01", SEED_AS_OF, "2026-06-30"];
    const sources = new Set<AlertSource>();
    for (const asOf of dates) {
      const expected = await replayedAlerts(asOf);
      const source = await alertSource(db, asOf);
      sources.add(source);
      // The windows alone only from the last record on: the seed's date and after.
      expect(source === "windows", asOf).toBe(asOf >= SEED_AS_OF);
      const readings: AlertSource[] = [
        "windows-and-late",
        "evaluated",
        ...(source === "windows" ? ["windows" as const] : []),
      ];
      for (const reading of readings) {
        expect(Object.fromEntries(await topsFrom(reading, asOf)), `${reading} ${asOf}`).toEqual(
          Object.fromEntries(expectedTops(expected)),
        );
        for (const rule of ALERT_RULES)
          expect(Object.fromEntries(await topsFrom(reading, asOf, rule)), `${reading} ${asOf} ${rule}`).toEqual(
            Object.fromEntries(expectedTops(expected, rule)),
          );
      }
    }
    expect([...sources].sort()).toEqual(["windows", "windows-and-late"]);
  }, 120_000);

  it("the list as it opens (the first by urgency, not ranking them all) is the ranked list, page by page", async () => {
    for (const asOf of ["2025-08-15", SEED_AS_OF]) {
      // dueFrom long ago changes nothing but takes the list through the ranking of every facility.
      const ranked = { asOf, dueFrom: "2000-01-01" };
      const first = await listFollowUps(db, NATIONAL, { asOf }, 1, 20);
      expect(first.total).toBeGreaterThan(100);
      for (let page = 1; page <= Math.ceil(first.total / 20) + 1; page++)
        expect(await listFollowUps(db, NATIONAL, { asOf }, page, 20), `${asOf} page ${page}`).toEqual(
          await listFollowUps(db, NATIONAL, ranked, page, 20),
        );
      const tokyo = { kind: "prefectures" as const, prefectures: ["13"] };
      expect(await listFollowUps(db, tokyo, { asOf, tableType: "medical" }, 2, 5)).toEqual(
        await listFollowUps(db, tokyo, { ...ranked, tableType: "medical" }, 2, 5),
      );
    }
  }, 120_000);
});
