import postgres from "postgres";
import { closeDb, driverName } from "../db/client";
import { runMigrations } from "../db/migrate";
import { setUpRuntimeRole } from "../db/roles";

// A batch job: no limit per statement unless DB_STATEMENT_TIMEOUT_MS is set (the server's default is 30 s).
process.env.DB_STATEMENT_TIMEOUT_MS ||= "0";

async function main() {
  const started = performance.now();
  await runMigrations();
  console.log(`migrations applied on ${driverName()} in ${Math.round(performance.now() - started)} ms`);
  await closeDb();
  // Production runs two roles: this command as the owner, the application as DATABASE_APP_ROLE (README).
  const role = process.env.DATABASE_APP_ROLE;
  if (role && process.env.DATABASE_URL) {
    const sql = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    try {
      await setUpRuntimeRole(sql, role, process.env.DATABASE_APP_PASSWORD || undefined);
      console.log(`runtime role ${role}: data read and written, audit_log insert and select only, owns nothing`);
    } finally {
      await sql.end();
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
