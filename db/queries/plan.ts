import type { Db } from "../client";
import { stillToMove, type StillToMoveFilter } from "./still-to-move";
import type { Scope } from "../../lib/scope";
import type { PlanForecast } from "../../lib/figures/types";

/**
 * "If every facility keeps its filed plan": who is still to come online on the date, when the latest
 * filing filed by then said they would, and who slipped. The buckets are the facility list's `plan` filter.
 */
export async function planForecast(
  db: Db,
  scope: Scope,
  filter: StillToMoveFilter,
  sampleSize = 20,
): Promise<PlanForecast> {
  return (await stillToMove(db, scope, filter, sampleSize)).plan;
}
