import { closeDb, driverName } from "../db/client";
import { runMigrations } from "../db/migrate";

// A batch job: no limit per statement unless DB_STATEMENT_TIMEOUT_MS is set (the server's default is 30 s).
process.env.DB_STATEMENT_TIMEOUT_MS ||= "0";

async function main() {
  const started = performance.now();
  await runMigrations();
  console.log(`migrations applied on ${driverName()} in ${Math.round(performance.now() - started)} ms`);
  await closeDb();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
