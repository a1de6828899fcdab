import postgres from "postgres";

/**
 * Two roles in production: the owner, who runs the migrations and owns every table, and the runtime role
 * the application connects as. The runtime role reads and writes the data but owns nothing, so it cannot
 * alter a table or disable a trigger, and on audit_log it may only insert and select: the append-only
 * trigger (migration 0006) and these grants hold even against a compromised application.
 * `npm run db:migrate` calls this after the migrations when DATABASE_APP_ROLE names the role.
 */
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export class RuntimeRoleError extends Error {}

export async function setUpRuntimeRole(sql: postgres.Sql, role: string, password?: string): Promise<void> {
  if (!ROLE_NAME.test(role))
    throw new RuntimeRoleError(`DATABASE_APP_ROLE must be a plain lower-case role name, not ${JSON.stringify(role)}`);
  const [owner] = await sql<{ user: string }[]>`select current_user as user`;
  if (owner.user === role)
    throw new RuntimeRoleError("DATABASE_APP_ROLE must differ from the role that runs the migrations (the owner)");
  const [existing] = await sql<{ super: boolean; owns: boolean }[]>`
    select r.rolsuper as super,
      exists (select 1 from pg_class c where c.relowner = r.oid and c.relnamespace = 'public'::regnamespace) as owns
    from pg_roles r where r.rolname = ${role}`;
  if (existing?.super)
    throw new RuntimeRoleError(`${role} is a superuser: it could switch the audit trigger off; use a plain role`);
  if (existing?.owns)
    throw new RuntimeRoleError(`${role} owns tables in the schema: the runtime role must own nothing`);
  const id = sql(role);
  if (!existing)
    await sql`create role ${id} ${password ? sql`login password ${sql.unsafe(quoteLiteral(password))}` : sql`login`}`;
  else if (password) await sql`alter role ${id} login password ${sql.unsafe(quoteLiteral(password))}`;
  await sql`grant connect, temporary on database ${sql(await currentDatabase(sql))} to ${id}`;
  await sql`grant usage on schema public to ${id}`;
  await sql`grant select, insert, update, delete, truncate on all tables in schema public to ${id}`;
  await sql`grant usage, select on all sequences in schema public to ${id}`;
  // Tables a later migration creates get the same grants (the owner runs the migrations).
  await sql`alter default privileges in schema public
    grant select, insert, update, delete, truncate on tables to ${id}`;
  await sql`alter default privileges in schema public grant usage, select on sequences to ${id}`;
  // The audit log: insert and select only.
  await sql`revoke update, delete, truncate, references, trigger on audit_log from ${id}`;
  // Readiness checks read which migrations ran.
  await sql`grant usage on schema drizzle to ${id}`;
  await sql`grant select on all tables in schema drizzle to ${id}`;
}

async function currentDatabase(sql: postgres.Sql): Promise<string> {
  const [row] = await sql<{ name: string }[]>`select current_database() as name`;
  return row.name;
}

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
