/**
 * One "app instance" for the cross-process rate-limit test: its own process and its own connection pool
 * to the shared database, running the same sign-in code as the server's authorize(). Prints one JSON line.
 * usage: tsx sign-in-worker.ts <email> <password> <attempts> <concurrent|sequential>
 */
import { closeDb, getDb } from "@/db/client";
import { signInLimits } from "@/lib/auth/limits";
import { attemptSignIn } from "../sign-in";

async function main() {
  const [email, password, attempts, mode] = process.argv.slice(2);
  const one = () => attemptSignIn(getDb(), { email, password, ip: `198.51.100.${process.pid % 250}` }, signInLimits());
  const results =
    mode === "concurrent"
      ? await Promise.all(Array.from({ length: Number(attempts) }, one))
      : await Array.from({ length: Number(attempts) }).reduce<Promise<Awaited<ReturnType<typeof one>>[]>>(
          async (acc) => [...(await acc), await one()],
          Promise.resolve([]),
        );
  const count = (reason: string) => results.filter((r) => !r.ok && r.reason === reason).length;
  console.log(
    JSON.stringify({
      pid: process.pid,
      ok: results.filter((r) => r.ok).length,
      invalid: count("invalid"),
      rateLimited: count("rate_limited"),
      order: results.map((r) => (r.ok ? "ok" : r.reason)),
    }),
  );
  await closeDb();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
