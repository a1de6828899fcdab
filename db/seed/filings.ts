import type { FilingInput } from "../import/filings";
import {
  day,
  dayInMonth,
  isoOf,
  monthIndex,
  monthOfDay,
  reiwaMonth,
  yearMonth,
  yearOfDay,
  type Day,
  type MonthIndex,
} from "./calendar";
import type { FacilityDraft } from "./facilities";
import { outsourcerName, randomTown } from "./names";
import { PLACES } from "./places";
import type { Rng } from "./rng";

/** A 様式第1号 as the seed plans it; `filedDay` lets generate.ts cut the history at the as-of date. */
export interface PlannedFiling {
  filedDay: Day;
  input: FilingInput;
}

export interface FilingContext {
  filedOn: Day;
  /** When the facility will actually start online (null: not within the model). */
  onlineOn: Day | null;
  /** Set when the facility files because it plans to close (イ(3)). */
  closesOn: Day | null;
  renewal: boolean;
}

const OTHER_REASONS = [
  "レセコンの改修が間に合わないため",
  "レセコンベンダーの対応待ちのため",
  "院長が高齢で導入作業を行う人員がいないため",
  "導入費用の準備が整わないため",
  "回線工事の日程が確保できないため",
  "院内ネットワークを見直し中のため",
];
const UNDECIDED = [
  "ベンダーと調整中のため時期未定",
  "回線事業者の工事日程が決まり次第",
  "レセコン更新後に対応予定",
  "人員確保の目処が立ち次第",
];
const REMARKS = [
  "日中は電話がつながりにくいため、メールでの連絡を希望",
  "移行計画について支払基金に相談中",
  "前回届出からの変更なし",
  "ベンダーと契約済み",
];

/** The year-month fields (⑧イ, ⑨イ): some month between the filing and the planned start. */
function monthBetween(rng: Rng, from: MonthIndex, to: MonthIndex): string {
  return yearMonth(rng.int(from, Math.max(from, to)));
}

function reasonFields(
  rng: Rng,
  draft: FacilityDraft,
  ctx: FilingContext,
  planMonth: MonthIndex,
  filedMonth: MonthIndex,
) {
  const fields = {
    reason: "transitional" as FilingInput["reason"],
    reasonSub: null as number | null,
    outsourcer: null as string | null,
    reasonOther: null as string | null,
    rececom: null as FilingInput["rececom"],
    rececomMonth: null as string | null,
  };
  const closureFiling = ctx.closesOn !== null ? rng.chance(0.7) : rng.chance(0.02);
  const reason = closureFiling
    ? "transitional"
    : rng.weighted(["outsourced", "transitional", "other"] as const, [12, 43, 45]);
  fields.reason = reason;
  if (reason === "outsourced") {
    fields.outsourcer = outsourcerName(rng, {
      city: PLACES[draft.prefecture].cities[0],
      town: randomTown(rng),
      prefectureName: "",
    });
  } else if (reason === "transitional") {
    fields.reasonSub = closureFiling ? 3 : rng.weighted([1, 2, 4], [20, 15, 65]);
  } else {
    fields.reasonOther = rng.pick(OTHER_REASONS);
    fields.rececom = rng.weighted(["ready", "upgrade", "checking"] as const, [30, 45, 25]);
    if (fields.rececom === "upgrade") fields.rececomMonth = monthBetween(rng, filedMonth + 1, planMonth - 1);
  }
  return { ...fields, closureFiling };
}

/**
 * Fills in a 様式第1号 that obeys the form's rules: ⑤ at most 30 September of the next year, exactly one
 * reason with what it requires, ⑦エ with a date or words, year-months where ⑧イ/⑨イ need them. ⑦ follows the
 * facility's real start month, optimistically for about a third of filers (so some plans slip).
 */
export function buildFiling(rng: Rng, draft: FacilityDraft, ctx: FilingContext): PlannedFiling {
  const year = yearOfDay(ctx.filedOn);
  const filedMonth = monthOfDay(ctx.filedOn);
  const limit = day(year + 1, 9, 30);
  let planMonth = ctx.onlineOn !== null ? monthOfDay(ctx.onlineOn) : filedMonth + rng.int(4, 16);
  if (rng.chance(0.35)) planMonth -= rng.int(2, 8);
  planMonth = Math.max(planMonth, filedMonth + 1);

  const reason = reasonFields(rng, draft, ctx, planMonth, filedMonth);
  let readiness: FilingInput["readiness"];
  let readinessEnd: Day;
  let readinessDate: Day | null = null;
  let readinessOther: string | null = null;
  if (reason.closureFiling && ctx.closesOn !== null) {
    readiness = "other";
    readinessOther = `${reiwaMonth(monthOfDay(ctx.closesOn))}に${rng.chance(0.8) ? "廃止" : "休止"}予定`;
    if (rng.chance(0.5)) readinessDate = ctx.closesOn;
    readinessEnd = Math.min(ctx.closesOn, limit);
  } else if (reason.closureFiling) {
    readiness = "other";
    readinessOther = `${reiwaMonth(planMonth)}頃に休廃止を検討中`;
    readinessEnd = limit;
  } else if (planMonth <= monthIndex(year, 12)) {
    readiness = "december";
    readinessEnd = day(year, 12, 31);
  } else if (planMonth <= monthIndex(year + 1, 3)) {
    readiness = "march";
    readinessEnd = day(year + 1, 3, 31);
  } else if (planMonth <= monthIndex(year + 1, 9)) {
    readiness = "september";
    readinessEnd = limit;
  } else {
    readiness = "other";
    if (rng.chance(0.6))
      readinessDate = dayInMonth(planMonth, 31); // the planned month's last day
    else readinessOther = rng.pick(UNDECIDED);
    readinessEnd = limit;
  }
  if (readinessDate !== null && readinessDate <= ctx.filedOn) readinessDate = null;
  if (readiness === "other" && readinessDate === null && readinessOther === null) readinessOther = rng.pick(UNDECIDED);
  const deferralUntil = rng.chance(0.55) ? limit : Math.max(ctx.filedOn + 1, Math.min(readinessEnd, limit));

  const network = rng.weighted(["ready", "contracted", "considering"] as const, [50, 25, 25]);
  const input: FilingInput = {
    code: draft.code,
    filedOn: isoOf(ctx.filedOn),
    facilityName: draft.name,
    phone: draft.phone,
    specialties: draft.specialties,
    deferralUntil: isoOf(deferralUntil),
    reason: reason.reason,
    reasonSub: reason.reasonSub,
    outsourcer: reason.outsourcer,
    reasonOther: reason.reasonOther,
    readiness,
    readinessDate: readinessDate === null ? null : isoOf(readinessDate),
    readinessOther,
    rececom: reason.rececom,
    rececomMonth: reason.rececomMonth,
    network,
    networkMonth: network === "contracted" ? monthBetween(rng, filedMonth + 1, planMonth) : null,
    // ⑩ should be 未 (they have not applied yet); a few say 済 anyway, which the follow-up rules catch.
    usageApplied: rng.chance(0.03),
    certApplied: rng.chance(0.01),
    remarks: rng.chance(ctx.renewal ? 0.2 : 0.08) ? (ctx.renewal ? REMARKS[2] : rng.pick(REMARKS)) : null,
    founderName: draft.founderName,
    address: draft.address,
    email: draft.email,
  };
  return { filedDay: ctx.filedOn, input };
}
