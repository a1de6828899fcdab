import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { count } from "drizzle-orm";
import { closeDb, driverName, getDb, pgliteDir } from "../db/client";
import { runMigrations } from "../db/migrate";
import { facilities } from "../db/schema";
import { seedNationalData } from "../db/seed";
import { generatePassword } from "../lib/password";
import { demoSecretsNote } from "./demo-note";
import { DEMO_USERS, ensureDemoUsers } from "./demo-users";
import { buildIfStale } from "./build-if-stale";
import { serverNodeOptions } from "./server-options";

/** Secrets the demo makes for itself and keeps beside the embedded database, so a second run keeps them. */
function demoSecrets(): { sessionSecret: string; password: string } {
  const file = path.resolve(".data/demo-secrets.json");
  mkdirSync(path.dirname(file), { recursive: true });
  const saved = existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as { sessionSecret: string; password: string })
    : null;
  const secrets = {
    sessionSecret: process.env.NEXTAUTH_SECRET || saved?.sessionSecret || randomBytes(32).toString("base64url"),
    password: process.env.DEMO_PASSWORD || saved?.password || generatePassword(),
  };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

async function main() {
  const started = performance.now();
  const { sessionSecret, password } = demoSecrets();
  await runMigrations();
  const db = getDb();
  const [{ n }] = await db.select({ n: count() }).from(facilities);
  if (Number(n) === 0) {
    console.log("the database is empty: seeding national demo data (about 230,000 facilities)…");
    await seedNationalData(db, { log: (line) => console.log(`  ${line}`) });
  } else console.log(`keeping the existing data (${Number(n).toLocaleString()} facilities)`);
  await ensureDemoUsers(db, password);
  // Only one process may open the embedded database: close it before the server opens it.
  await closeDb();
  buildIfStale();

  const port = process.env.PORT || "3000";
  const url = `http://localhost:${port}`;
  const env = {
    ...process.env,
    PORT: port,
    NEXTAUTH_SECRET: sessionSecret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || url,
    PGLITE_DIR: path.resolve(pgliteDir()),
    NODE_OPTIONS: serverNodeOptions(),
  };
  // The standalone server, as the container image runs it (it serves from its own directory).
  const server = spawn(process.execPath, [path.resolve(".next/standalone/server.js")], {
    stdio: "inherit",
    env: { ...env, HOSTNAME: "0.0.0.0" },
  });
  console.log(
    `\n  ${url}  (${
      driverName() === "pglite" ? `embedded database in ${env.PGLITE_DIR}` : "PostgreSQL at DATABASE_URL"
    })`,
  );
  console.log(
    `  ready in ${((performance.now() - started) / 1000).toFixed(1)} s. Demo logins (password: ${password}):`,
  );
  for (const u of DEMO_USERS)
    console.log(
      `    ${u.email.padEnd(20)} ${u.role}, ${u.prefectures ? `prefectures ${u.prefectures.join(",")}` : "national"}`,
    );
  console.log(`  ${demoSecretsNote(Boolean(process.env.NEXTAUTH_SECRET), Boolean(process.env.DEMO_PASSWORD))}\n`);
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
