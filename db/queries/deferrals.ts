import type { Db } from "../client";
import { stillToMove, type StillToMoveFilter } from "./still-to-move";
import type { DeferralFigures } from "../../lib/figure-filter";
import type { Scope } from "../../lib/scope";

export type { DeferralFigures };

/**
 * What the filings say on the date, for the facilities still to move then: each facility's latest filing
 * filed on or before the date (a later one supersedes it from its own filing day), counted when its period
 * covers the date. Every count is a group of the same keys the facility list filters on (figure-filter.ts).
 */
export async function deferralFigures(db: Db, scope: Scope, filter: StillToMoveFilter): Promise<DeferralFigures> {
  return (await stillToMove(db, scope, filter)).deferrals;
}
