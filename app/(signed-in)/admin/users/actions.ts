"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { createUser, findUser, resetPassword, updateUser } from "@/db/queries/user-admin";
import { stateAction } from "@/app/_lib/action";
import { grantProblems } from "@/lib/auth/grants";
import { passwordProblems } from "@/lib/auth/password-rules";
import { hashPassword } from "@/lib/password";
import { editUserFields, formObject, newUserFields, resetFields } from "./form";
import type { UserFormState } from "@/lib/forms/states";

function invalid(error: z.ZodError): UserFormState {
  const fields = new Set(error.issues.map((i) => String(i.path[0])));
  const errors = fields.has("prefectures") ? ["prefectures"] : fields.has("email") ? ["email"] : ["invalid"];
  return { ok: false, errors, at: Date.now() };
}

/** Creates a user with a temporary password (admins; never beyond the admin's own scope). */
export const createUserAction = stateAction(
  { role: "admin", fields: formObject, schema: newUserFields, invalid },
  async ({ user: admin, actor, input }): Promise<UserFormState> => {
    const refused = grantProblems(admin, null, null, { role: input.role, prefectures: input.prefectures });
    if (refused.length > 0) return { ok: false, errors: refused, at: Date.now() };
    const weak = passwordProblems(input.password, input.email);
    if (weak.length > 0) return { ok: false, passwordProblems: weak, at: Date.now() };
    const id = await createUser(getDb(), admin.scope, actor, {
      ...input,
      passwordHash: await hashPassword(input.password),
    });
    if (id === null) return { ok: false, errors: ["emailTaken"], at: Date.now() };
    revalidatePath("/admin/users");
    redirect(`/admin/users/${id}?created=1`);
  },
);

/** Changes a user's name, role, scope or disabled flag; not one's own role, scope or flag. */
export const updateUserAction = stateAction(
  { role: "admin", fields: formObject, schema: editUserFields, invalid },
  async ({ user: admin, actor, input }): Promise<UserFormState> => {
    const { id, disabled, ...change } = input;
    const current = await findUser(getDb(), admin.scope, id);
    if (!current) return { ok: false, errors: ["notFound"], at: Date.now() };
    const wanted = { ...change, disabled: disabled === "on" };
    const refused = grantProblems(admin, id, current, wanted);
    if (refused.length > 0) return { ok: false, errors: refused, at: Date.now() };
    const saved = await updateUser(getDb(), admin.scope, actor, id, wanted);
    if (!saved) return { ok: false, errors: ["notFound"], at: Date.now() };
    revalidatePath("/admin/users");
    return { ok: true, at: Date.now() };
  },
);

/** Sets a temporary password the user must change at next sign-in; their sessions end. */
export const resetPasswordAction = stateAction(
  { role: "admin", fields: formObject, schema: resetFields, invalid },
  async ({ user: admin, actor, input: { id, password } }): Promise<UserFormState> => {
    if (id === admin.id) return { ok: false, errors: ["self_change"], at: Date.now() };
    const target = await findUser(getDb(), admin.scope, id);
    if (!target) return { ok: false, errors: ["notFound"], at: Date.now() };
    const weak = passwordProblems(password, target.email);
    if (weak.length > 0) return { ok: false, passwordProblems: weak, at: Date.now() };
    const done = await resetPassword(getDb(), admin.scope, actor, id, await hashPassword(password));
    return done ? { ok: true, at: Date.now() } : { ok: false, errors: ["notFound"], at: Date.now() };
  },
);
