import { closeDb, driverName } from "../db/client";
import { runMigrations } from "../db/migrate";

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
