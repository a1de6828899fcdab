"use client";

import { useActionState } from "react";
import type { Messages } from "@/lib/i18n/messages";
import type { PasswordFormState } from "@/lib/forms/states";
import { FormMessages } from "./form-messages";

export function PasswordForm({
  t,
  action,
}: {
  t: Messages;
  action: (state: PasswordFormState, form: FormData) => Promise<PasswordFormState>;
}) {
  const m = t.admin.password;
  const [state, submit, pending] = useActionState(action, { ok: false });
  const errorText =
    state.error === "wrongCurrent"
      ? m.wrongCurrent
      : state.error === "tooMany"
        ? t.tooManyWrongPasswords
        : state.error === "mismatch"
          ? m.mismatch
          : state.error
            ? t.admin.users.errors.invalid
            : null;
  return (
    <form action={submit} className="admin-form" data-testid="password-form">
      <label>
        {m.current}
        <input name="current" type="password" required autoComplete="current-password" />
      </label>
      <label>
        {m.next}
        <input name="next" type="password" required autoComplete="new-password" aria-describedby="password-rules" />
      </label>
      <small id="password-rules" className="muted">
        {m.rules}
      </small>
      <label>
        {m.confirm}
        <input name="confirm" type="password" required autoComplete="new-password" />
      </label>
      {errorText ? (
        <p role="alert" className="error">
          {errorText}
        </p>
      ) : (
        <FormMessages t={t} state={{ ok: false, passwordProblems: state.problems }} okText="" />
      )}
      <button className="btn" type="submit" disabled={pending}>
        {m.submit}
      </button>
    </form>
  );
}
