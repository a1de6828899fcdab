import type { FacilityRow } from "../../lib/import/types";
import type { HeaderMapping } from "../../lib/import/headers";
import { csvField } from "../bulk/encode";

/**
 * A facility list's rows as lines of COPY's CSV, for either table a list goes into. Pure (no database): the
 * reader thread (./facility-reader.worker.ts) writes the lines where it reads the file, and the writer
 * names the same columns in its COPY.
 */

/** Optional columns: database column, SQL type, and how to read it from a row. */
export const OPTIONAL = [
  ["category", "facility_category", (r: FacilityRow) => r.category],
  ["address", "text", (r: FacilityRow) => r.address],
  ["postal_code", "text", (r: FacilityRow) => r.postalCode],
  ["phone", "text", (r: FacilityRow) => r.phone],
  ["specialties", "text", (r: FacilityRow) => r.specialties],
  ["claim_method", "claim_method", (r: FacilityRow) => r.claimMethod],
  ["monthly_claims", "int", (r: FacilityRow) => r.monthlyClaims],
  ["shares_oqv_terminal", "boolean", (r: FacilityRow) => r.sharesOqvTerminal],
  ["closed_on", "date", (r: FacilityRow) => r.closedOn],
  ["opened_on", "date", (r: FacilityRow) => r.openedOn],
] as const;

export type FacilityColumn = (typeof OPTIONAL)[number][0];

/**
 * Columns that always hold a value: an empty cell means "not given" (a new facility gets the default, a
 * known one keeps its value) rather than "clear it". The category's default follows the table type.
 */
export const KEPT_WHEN_EMPTY: Partial<Record<FacilityColumn, boolean>> = { shares_oqv_terminal: false };

/** The columns a file carries, by its header (the optional ones among them are written, the rest left alone). */
export function presentColumns(mapping: HeaderMapping | null): Set<FacilityColumn> {
  return new Set(Object.keys(mapping?.matched ?? {})) as Set<FacilityColumn>;
}

/**
 * Where a list's rows go: straight into an empty facility table (the state each starts in and the batch
 * written with them), or into the typed staging table a later list is merged from.
 */
export type FacilityTarget = { into: "facilities"; batchId: number | null } | { into: "staging" };

export interface FacilityLines {
  /** The COPY's columns, with their SQL types (for the staging table). */
  columns: (readonly [string, string])[];
  /** One row as one line of COPY's CSV, ending in a line break. */
  line: (r: FacilityRow) => string;
}

const defaultCategory = (r: FacilityRow) => (r.tableType === "pharmacy" ? "pharmacy" : "clinic");

/**
 * The columns and line writer for a target and the columns a file carries. Into the facility table a new
 * facility starts online when its claim method is online, else on optical disk (as the merge's insert does).
 */
export function facilityLines(target: FacilityTarget, present: ReadonlySet<FacilityColumn>): FacilityLines {
  const optional = OPTIONAL.filter(([column]) => present.has(column));
  const base = [
    ["code", "text"],
    ["prefecture", "text"],
    ["table_type", "table_type"],
    ["name", "text"],
  ] as const;
  if (target.into === "staging")
    return {
      columns: [...base, ...optional.map(([c, type]) => [c, type] as const)],
      line: lineOf([
        (r) => csvField(r.code),
        (r) => csvField(r.prefecture),
        (r) => r.tableType,
        (r) => csvField(r.name),
        ...optional.map(
          ([, , get]) =>
            (r: FacilityRow) =>
              csvField(get(r)),
        ),
      ]),
    };
  const written = optional.filter(([c]) => c !== "category");
  const start = (r: FacilityRow) =>
    present.has("claim_method") && r.claimMethod === "online" ? "online" : "optical_disk";
  const batch = csvField(target.batchId);
  return {
    columns: [
      ...base,
      ["category", "facility_category"],
      ...written.map(([c, type]) => [c, type] as const),
      ["initial_state", "facility_state"],
      ["status", "facility_state"],
      ["import_batch_id", "int"],
    ],
    line: lineOf([
      (r) => csvField(r.code),
      (r) => csvField(r.prefecture),
      (r) => r.tableType,
      (r) => csvField(r.name),
      (r) => (present.has("category") && r.category) || defaultCategory(r),
      ...written.map(
        ([c, , get]) =>
          (r: FacilityRow) =>
            csvField(get(r) ?? KEPT_WHEN_EMPTY[c]),
      ),
      start,
      start,
      () => batch,
    ]),
  };
}

/**
 * A row as one line of COPY's CSV, each field written by its own function: no array of values per row
 * on the way (a national list is 230,000 rows).
 */
function lineOf(fields: readonly ((r: FacilityRow) => string)[]): (r: FacilityRow) => string {
  const [first, ...rest] = fields;
  return (r) => {
    let line = first(r);
    for (const field of rest) line += "," + field(r);
    return line + "\n";
  };
}
