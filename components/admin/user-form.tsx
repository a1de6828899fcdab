"use client";

import { useActionState, useState } from "react";
import type { Messages } from "@/lib/i18n/messages";
import type { UserFormState } from "@/app/(signed-in)/admin/users/form";
import { FormMessages } from "./form-messages";

interface Props {
  t: Messages;
  action: (state: UserFormState, form: FormData) => Promise<UserFormState>;
  /** Absent when creating a user. */
  user?: {
    id: number;
    email: string;
    name: string | null;
    role: "admin" | "editor" | "viewer";
    prefectures: string[] | null;
    disabled: boolean;
  };
  self?: boolean;
}

/** Create or edit a user: role, scope (national or a list of prefectures), and for an edit the disabled flag. */
export function UserForm({ t, action, user, self }: Props) {
  const m = t.admin.users;
  const [state, submit, pending] = useActionState(action, { ok: false });
  const [scope, setScope] = useState(user && user.prefectures === null ? "national" : "prefectures");
  return (
    <form action={submit} className="admin-form" data-testid="user-form">
      {user ? (
        <input type="hidden" name="id" value={user.id} />
      ) : (
        <label>
          {m.email}
          <input name="email" type="email" required autoComplete="off" maxLength={254} />
        </label>
      )}
      <label>
        {m.name}
        <input name="name" defaultValue={user?.name ?? ""} maxLength={100} />
      </label>
      <label>
        {m.role}
        <select name="role" defaultValue={user?.role ?? "viewer"} disabled={self}>
          {(["viewer", "editor", "admin"] as const).map((r) => (
            <option key={r} value={r}>
              {t.role[r]}
            </option>
          ))}
        </select>
      </label>
      {self && <input type="hidden" name="role" value={user?.role} />}
      <fieldset disabled={self}>
        <legend>{m.scope}</legend>
        <label className="inline">
          <input
            type="radio"
            name="scope"
            value="national"
            checked={scope === "national"}
            onChange={() => setScope("national")}
          />
          {m.scopeNational}
        </label>
        <label className="inline">
          <input
            type="radio"
            name="scope"
            value="prefectures"
            checked={scope === "prefectures"}
            onChange={() => setScope("prefectures")}
          />
          {m.scopePrefectures}
        </label>
        <label>
          {m.prefectures}
          <input
            name="prefectures"
            defaultValue={user?.prefectures?.join(",") ?? ""}
            disabled={scope === "national"}
            inputMode="numeric"
            maxLength={200}
          />
        </label>
      </fieldset>
      {self && (
        <>
          <input type="hidden" name="scope" value={user?.prefectures === null ? "national" : "prefectures"} />
          <input type="hidden" name="prefectures" value={user?.prefectures?.join(",") ?? ""} />
        </>
      )}
      {user ? (
        <label className="inline">
          <input type="checkbox" name="disabled" defaultChecked={user.disabled} disabled={self} />
          {m.disable}
        </label>
      ) : (
        <>
          <label>
            {m.tempPassword}
            <input
              name="password"
              type="password"
              required
              autoComplete="new-password"
              maxLength={1000}
              aria-describedby="password-rules"
            />
          </label>
          <small id="password-rules" className="muted">
            {t.admin.password.rules}
          </small>
        </>
      )}
      <FormMessages t={t} state={state} okText={m.saved} />
      <button className="btn" type="submit" disabled={pending}>
        {user ? m.save : m.create}
      </button>
    </form>
  );
}

/** An administrator's password reset for someone else. */
export function ResetPasswordForm({ t, userId, action }: { t: Messages; userId: number; action: Props["action"] }) {
  const m = t.admin.users;
  const [state, submit, pending] = useActionState(action, { ok: false });
  return (
    <form action={submit} className="admin-form" data-testid="reset-form">
      <input type="hidden" name="id" value={userId} />
      <p className="muted">{m.resetHelp}</p>
      <label>
        {m.tempPassword}
        <input name="password" type="password" required autoComplete="new-password" maxLength={1000} />
      </label>
      <FormMessages t={t} state={state} okText={m.resetDone} />
      <button className="btn" type="submit" disabled={pending}>
        {m.reset}
      </button>
    </form>
  );
}
