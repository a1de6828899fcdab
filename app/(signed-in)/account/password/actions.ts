"use server";

import { redirect } from "next/navigation";
import type { PasswordFormState } from "@/lib/forms/states";
import { z } from "zod";
import { getDb } from "@/db/client";
import { changeOwnPassword } from "@/db/queries/user-admin";
import { checkCurrentPassword } from "@/app/_auth/current-password";
import { signInLimits } from "@/lib/auth/limits";
import { formAction, stateAction } from "@/app/_lib/action";
import { endUserSessions } from "@/db/queries/sessions";
import { writeAudit } from "@/db/queries/audit-entry";
import { passwordProblems } from "@/lib/auth/password-rules";
import { hashPassword } from "@/lib/password";

const fields = z.object({ current: z.string().max(1000), next: z.string().max(1000), confirm: z.string().max(1000) });

/**
 * A person changes their own password (also the way out of an administrator's reset). Every session of
 * theirs ends, this one too, and they sign in again with the new password.
 */
export const changePasswordAction = stateAction(
  {
    role: "password-change",
    fields: (form) => ({ current: form.get("current"), next: form.get("next"), confirm: form.get("confirm") }),
    schema: fields,
    invalid: (): PasswordFormState => ({ ok: false, error: "invalid", at: Date.now() }),
  },
  async ({ user, actor, input: { current, next, confirm } }): Promise<PasswordFormState> => {
    const check = await checkCurrentPassword(getDb(), user, actor.ip ?? null, current, signInLimits());
    if (check === "limited") return { ok: false, error: "tooMany", at: Date.now() };
    if (check === "wrong") return { ok: false, error: "wrongCurrent", at: Date.now() };
    if (next !== confirm) return { ok: false, error: "mismatch", at: Date.now() };
    const problems = passwordProblems(next, user.email);
    if (next === current) problems.push("common");
    if (problems.length > 0) return { ok: false, problems, at: Date.now() };
    await changeOwnPassword(getDb(), actor, await hashPassword(next));
    redirect("/login?changed=1");
  },
);

/** "Sign out everywhere": every session of this user ends on the server at once, this one included. */
export const signOutEverywhereAction = formAction({ role: "password-change" }, async ({ user, actor }) => {
  const db = getDb();
  await endUserSessions(db, user.id);
  await writeAudit(db, actor, "sign_out.everywhere", null, {});
  redirect("/login");
});
