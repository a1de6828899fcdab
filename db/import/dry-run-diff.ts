import { sql } from "drizzle-orm";
import { arrayParam, type Tx } from "../transaction";
import { stateRank, type EventState } from "../../lib/states";
import type { DryRunDiff, DiffChange, DiffItem } from "../../lib/import/types";

/** Facilities followed per dry run, and diff lines returned (the counts cover everything). */
const MAX_TRACKED = 100_000;
const MAX_ITEMS = 5_000;
const ORDER: DiffChange[] = ["backward", "closed", "forward", "new", "renamed", "repaired"];

interface Snapshot {
  name: string;
  status: EventState;
  closed_on: string | null;
}

/**
 * What a dry run would change, per facility, found inside the import's transaction (which then rolls
 * back): the facility table as it was is copied aside first (a temporary table, gone with the
 * transaction), the codes the file touches are noted as rows pass (no query while they stream: a facility
 * list goes out as one COPY), and at the end each is compared with how it stands; plus the backward steps
 * the file adds and the codes reading repaired.
 */
export class DryRunDiffCollector {
  private readonly codes = new Set<string>();
  private readonly repairs: DiffItem[] = [];
  private untracked = 0;

  /** Call first, in the transaction, before anything is written. */
  async start(tx: Tx): Promise<void> {
    await tx.query(
      sql`create temporary table dry_run_before on commit drop as
          select code, name, status::text as status, closed_on::text as closed_on from facilities`,
    );
    await tx.query(sql`alter table dry_run_before add primary key (code)`);
  }

  addRepairs(repairs: { row: number; code: string; detail: string }[]): void {
    for (const r of repairs)
      this.repairs.push({
        code: r.code,
        name: null,
        change: "repaired",
        from: null,
        to: null,
        row: r.row,
        detail: r.detail,
      });
  }

  /** Notes the facilities a batch touches (in memory only). */
  touch(codes: string[]): void {
    for (const code of codes) {
      if (this.codes.has(code)) continue;
      if (this.codes.size >= MAX_TRACKED) this.untracked++;
      else this.codes.add(code);
    }
  }

  async finish(tx: Tx, batchId: number): Promise<DryRunDiff> {
    const items: DiffItem[] = [];
    const codes = [...this.codes];
    for (let i = 0; i < codes.length; i += 5000) {
      const rows = await tx.query<{
        code: string;
        name: string;
        status: EventState;
        closed_on: string | null;
        b_name: string | null;
        b_status: EventState | null;
        b_closed_on: string | null;
        existed: boolean;
      }>(sql`select f.code, f.name, f.status::text as status, f.closed_on::text as closed_on,
                b.name as b_name, b.status as b_status, b.closed_on as b_closed_on, b.code is not null as existed
         from facilities f left join dry_run_before b on b.code = f.code
         where f.code = any(${arrayParam(codes.slice(i, i + 5000))}::text[])`);
      for (const r of rows) {
        const before = r.existed
          ? { name: r.b_name ?? "", status: r.b_status as EventState, closed_on: r.b_closed_on }
          : null;
        items.push(...changesOf(r.code, before, r));
      }
    }
    const backward = await tx.query<{
      code: string;
      name: string;
      state: EventState;
      effective_on: string;
      before: EventState;
    }>(sql`select e.facility_code as code, f.name, e.state::text as state, e.effective_on::text as effective_on,
              coalesce((select p.state from status_events p
                  where p.facility_code = e.facility_code and (p.effective_on, p.state) < (e.effective_on, e.state)
                        order by p.effective_on desc, p.state desc limit 1), f.initial_state)::text as before
       from status_events e join facilities f on f.code = e.facility_code
       where e.import_batch_id = ${batchId} and e.backward`);
    for (const b of backward)
      items.push({
        code: b.code,
        name: b.name,
        change: "backward",
        from: b.before,
        to: b.state,
        detail: b.effective_on,
      });
    items.push(...this.repairs);
    const counts = new Map<DiffChange, number>();
    for (const item of items) counts.set(item.change, (counts.get(item.change) ?? 0) + 1);
    items.sort((a, b) => ORDER.indexOf(a.change) - ORDER.indexOf(b.change) || a.code.localeCompare(b.code));
    return {
      groups: ORDER.filter((c) => counts.has(c)).map((change) => ({ change, count: counts.get(change) ?? 0 })),
      items: items.slice(0, MAX_ITEMS),
      truncated: items.length > MAX_ITEMS || this.untracked > 0,
    };
  }
}

/** A facility's changes between two snapshots (null before: new). Backward moves come from the flagged events. */
function changesOf(code: string, before: Snapshot | null, after: Snapshot): DiffItem[] {
  if (!before) return [{ code, name: after.name, change: "new", from: null, to: after.status }];
  const out: DiffItem[] = [];
  const closedNow = after.status === "closed" || after.closed_on !== null;
  const closedBefore = before.status === "closed" || before.closed_on !== null;
  if (closedNow && !closedBefore)
    out.push({ code, name: after.name, change: "closed", from: before.status, to: after.closed_on ?? "closed" });
  else if (after.status !== before.status && stateRank(after.status) > stateRank(before.status)) {
    out.push({ code, name: after.name, change: "forward", from: before.status, to: after.status });
  }
  if (after.name !== before.name)
    out.push({ code, name: after.name, change: "renamed", from: before.name, to: after.name });
  return out;
}
