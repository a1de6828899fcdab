"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createUser, findUser, resetPassword, updateUser } from "@/db/queries/user-admin";
import { requireRole } from "@/app/_auth/session";
import { actorOf } from "@/app/_lib/actor";
import { grantProblems } from "@/lib/auth/grants";
import { passwordProblems } from "@/lib/auth/password-rules";
import { hashPassword } from "@/lib/password";
import { editUserFields, formObject, newUserFields, resetFields, type UserFormState } from "./form";

function invalid(issues: { path: PropertyKey[] }[]): UserFormState {
  const fields = new Set(issues.map((i) => String(i.path[0])));
  const errors = fields.has("prefectures") ? ["prefectures"] : fields.has("email") ? ["email"] : ["invalid"];
  return { ok: false, errors, at: Date.now() };
}

/** Creates a user with a temporary password (admins; never beyond the admin's own scope). */
export async function createUserAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  const admin = await requireRole("admin");
  const parsed = newUserFields.safeParse(formObject(form));
  if (!parsed.success) return invalid(parsed.error.issues);
  const input = parsed.data;
  const refused = grantProblems(admin, null, null, { role: input.role, prefectures: input.prefectures });
  if (refused.length > 0) return { ok: false, errors: refused, at: Date.now() };
  const weak = passwordProblems(input.password, input.email);
  if (weak.length > 0) return { ok: false, passwordProblems: weak, at: Date.now() };
  const id = await createUser(getDb(), admin.scope, await actorOf(admin), {
    ...input,
    passwordHash: await hashPassword(input.password),
  });
  if (id === null) return { ok: false, errors: ["emailTaken"], at: Date.now() };
  revalidatePath("/admin/users");
  redirect(`/admin/users/${id}?created=1`);
}

/** Changes a user's name, role, scope or disabled flag; not one's own role, scope or flag. */
export async function updateUserAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  const admin = await requireRole("admin");
  const parsed = editUserFields.safeParse(formObject(form));
  if (!parsed.success) return invalid(parsed.error.issues);
  const { id, disabled, ...change } = parsed.data;
  const current = await findUser(getDb(), admin.scope, id);
  if (!current) return { ok: false, errors: ["notFound"], at: Date.now() };
  const wanted = { ...change, disabled: disabled === "on" };
  const refused = grantProblems(admin, id, current, wanted);
  if (refused.length > 0) return { ok: false, errors: refused, at: Date.now() };
  const saved = await updateUser(getDb(), admin.scope, await actorOf(admin), id, wanted);
  if (!saved) return { ok: false, errors: ["notFound"], at: Date.now() };
  revalidatePath("/admin/users");
  return { ok: true, at: Date.now() };
}

/** Sets a temporary password the user must change at next sign-in; their sessions end. */
export async function resetPasswordAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  const admin = await requireRole("admin");
  const parsed = resetFields.safeParse(formObject(form));
  if (!parsed.success) return invalid(parsed.error.issues);
  const { id, password } = parsed.data;
  if (id === admin.id) return { ok: false, errors: ["self_change"], at: Date.now() };
  const target = await findUser(getDb(), admin.scope, id);
  if (!target) return { ok: false, errors: ["notFound"], at: Date.now() };
  const weak = passwordProblems(password, target.email);
  if (weak.length > 0) return { ok: false, passwordProblems: weak, at: Date.now() };
  const done = await resetPassword(getDb(), admin.scope, await actorOf(admin), id, await hashPassword(password));
  return done ? { ok: true, at: Date.now() } : { ok: false, errors: ["notFound"], at: Date.now() };
}
