import type { Executor } from "../executor";

interface Definition {
  kind: "index" | "foreign_key";
  name: string;
  def: string;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * For a large load into an empty table: drops its secondary indexes and its own foreign keys, and returns
 * the step that puts them back exactly as they were (their definitions read from the catalogue). Building
 * an index once over all the rows, and checking a foreign key with one join, is several times cheaper than
 * keeping them current row by row (PostgreSQL's "Populating a Database"). Runs inside the caller's
 * transaction: a rollback restores them too. The primary key and unique indexes stay, so duplicates still
 * fail at once. Other sessions wait for the table until the transaction ends.
 */
export async function suspendIndexes(tx: Executor, table: string): Promise<() => Promise<void>> {
  const definitions = await tx.query<Definition>(
    `select 'index' as kind, c.relname as name, pg_get_indexdef(c.oid) as def
       from pg_index x join pg_class c on c.oid = x.indexrelid
      where x.indrelid = $1::regclass and not x.indisprimary and not x.indisunique
     union all
     select 'foreign_key', conname, pg_get_constraintdef(oid)
       from pg_constraint where conrelid = $1::regclass and contype = 'f'
     order by 1, 2`,
    [table],
  );
  for (const d of definitions) {
    if (d.kind === "foreign_key") await tx.query(`alter table ${ident(table)} drop constraint ${ident(d.name)}`);
    else await tx.query(`drop index ${ident(d.name)}`);
  }
  return async () => {
    for (const d of definitions) {
      if (d.kind === "index") await tx.query(d.def);
      else await tx.query(`alter table ${ident(table)} add constraint ${ident(d.name)} ${d.def}`);
    }
  };
}

/** True when the table has no rows (one index probe, whatever its size). */
export async function isEmpty(tx: Executor, table: string): Promise<boolean> {
  const [row] = await tx.query<{ empty: boolean }>(`select not exists (select 1 from ${ident(table)}) as empty`);
  return row.empty;
}
