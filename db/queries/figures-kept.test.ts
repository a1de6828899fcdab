import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../test-db";
import type { Db } from "../client";
import { seedNationalData } from "../seed";
import { stillToMove, stillToMoveFacts } from "./still-to-move";
import { funnelFacts } from "./funnel";
import { certificateHolders, certificateWatch } from "./certificate-watch";
import { listRegressions, regressionCounts } from "./watch";
import { countFollowUps } from "./follow-ups";
import { loadDeferrals, loadFunnel, loadPlan, loadProgress, loadTrend, loadWatch } from "./dashboard";
import { progress } from "./progress";
import { monthlyTrend } from "./trend";
import { previousDeferralFigures, previousFunnel, previousPlanForecast } from "./__fixtures__/previous-figures";
import { foldCurrent } from "../../lib/figures/still-to-move";
import { funnelOn } from "../../lib/figures/funnel";
import { toEpochDay } from "../../lib/dates";
import { HISTORY_START } from "../../lib/progress/history";
import { NATIONAL, type Scope } from "../../lib/scope";

/**
 * The overview keeps what holds for every date of a data version (the facilities still to move and the
 * certificate holders as of their latest record, the funnel's facilities) and folds it for a date, reading only
 * what changed after the date. On a seeded national history, at dates from the history's start to past the
 * data, for each filter and two scopes, the folded figures equal those read whole for the date, and those equal
 * the figures as they were computed before (one statement per figure over every facility) and the follow-up list.
 */
let db: Db;
let close: () => Promise<void>;
const AS_OF = "2026-03-31";
const DATES = [AS_OF, "2026-03-30", "2026-03-24", "2026-02-28", "2025-12-31", "2025-03-31", "2024-10-09", "2023-01-31"];
const FILTERS = [{}, { prefecture: "13" }, { tableType: "dental" as const }, { category: "hospital" as const }];
const SCOPES: Scope[] = [NATIONAL, { kind: "prefectures", prefectures: ["13", "27"] }];

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await seedNationalData(db, { facilities: 6000, seed: 5, asOf: AS_OF });
}, 120_000);
afterAll(async () => close?.());

describe("figures kept per data version and folded for a date", () => {
  it("the still-to-move figures equal the statement over every facility and the previous SQL", async () => {
    const paths = new Set<string>();
    for (const scope of SCOPES)
      for (const filter of FILTERS) {
        const facts = await stillToMoveFacts(db, scope, filter);
        for (const asOf of DATES) {
          const changed = foldCurrent(facts, toEpochDay(asOf), 20).changed.length;
          paths.add(changed === 0 ? "none changed" : changed * 2 > facts.facilities.length ? "most" : "some");
          const folded = await stillToMove(db, scope, { ...filter, asOf }, 20, facts);
          const whole = await stillToMove(db, scope, { ...filter, asOf });
          expect(folded).toEqual(whole);
          expect(whole.deferrals).toEqual(await previousDeferralFigures(db, scope, { ...filter, asOf }));
          expect(whole.plan).toEqual(await previousPlanForecast(db, scope, { ...filter, asOf }));
        }
      }
    // Every way of counting was taken: all from the facts, some read, all read.
    expect([...paths].sort()).toEqual(["most", "none changed", "some"]);
  });

  it("the funnel folded from the facilities that started on disk equals the previous SQL", async () => {
    for (const scope of SCOPES)
      for (const filter of FILTERS) {
        const facts = await funnelFacts(db, scope, filter);
        for (const asOf of DATES)
          expect(funnelOn(facts, asOf)).toEqual(await previousFunnel(db, scope, { ...filter, asOf }));
      }
  });

  it("the certificate counts equal those read whole and the follow-up list's totals", async () => {
    let counted = 0;
    for (const scope of SCOPES) {
      // Kept for the dates of a year to a week before the data's last day: the others are read whole.
      const holders = await certificateHolders(db, scope, {}, { from: "2025-03-31", through: "2026-03-24" });
      expect(holders.byExpiry.length).toBeGreaterThan(0);
      for (const asOf of DATES) {
        const folded = await certificateWatch(db, scope, { asOf }, holders);
        expect(folded).toEqual(await certificateWatch(db, scope, { asOf }));
        expect(folded.expired).toBe(await countFollowUps(db, scope, { asOf, alert: "certificate_expired" }));
        counted += folded.expired + folded.months.reduce((n, m) => n + m.facilities, 0);
        for (const m of folded.months) {
          const listed = { asOf, alert: "certificate_expiring" as const, dueFrom: m.dueFrom, dueBefore: m.dueBefore };
          expect(await countFollowUps(db, scope, listed)).toBe(m.facilities);
        }
      }
    }
    expect(counted).toBeGreaterThan(0);
  });

  it("the regression counts equal the list of steps and the follow-up list's regression alerts", async () => {
    let stillOff = 0;
    for (const scope of SCOPES)
      for (const asOf of DATES) {
        const counts = await regressionCounts(db, scope, { asOf });
        const steps = await listRegressions(db, scope, { asOf });
        expect(counts.sinceStart).toBe(steps.length);
        expect(counts.thisMonth).toBe(steps.filter((s) => s.leftOn >= `${asOf.slice(0, 7)}-01`).length);
        expect(counts.stillOff).toBe(await countFollowUps(db, scope, { asOf, alert: "regression" }));
        stillOff += counts.stillOff;
      }
    expect(stillOff).toBeGreaterThan(0);
  });

  it("the kept panels (pages, API, exports) equal the figures computed for the date", async () => {
    const tokyo: Scope = { kind: "prefectures", prefectures: ["13"] };
    for (const scope of [NATIONAL, tokyo])
      for (const asOf of [AS_OF, "2026-03-24", "2025-03-31"]) {
        const filter = { asOf, tableType: "medical" as const };
        expect(await loadDeferrals(db, scope, filter)).toEqual(await previousDeferralFigures(db, scope, filter));
        expect(await loadPlan(db, scope, filter)).toEqual(await previousPlanForecast(db, scope, filter));
        expect(await loadFunnel(db, scope, filter)).toEqual(await previousFunnel(db, scope, filter));
        expect(await loadProgress(db, scope, { ...filter, groupBy: "category" })).toEqual(
          await progress(db, scope, { ...filter, groupBy: "category" }),
        );
        expect(await loadTrend(db, scope, filter)).toEqual(
          await monthlyTrend(db, scope, { tableType: "medical", from: HISTORY_START, to: asOf }),
        );
        const watch = await loadWatch(db, scope, filter);
        expect(watch.certificates).toEqual(await certificateWatch(db, scope, filter));
        expect(watch.regressions).toEqual(await regressionCounts(db, scope, filter));
        // Kept: asked again, the same answer, not a new one.
        expect(await loadDeferrals(db, scope, filter)).toBe(await loadDeferrals(db, scope, filter));
      }
  });
});
