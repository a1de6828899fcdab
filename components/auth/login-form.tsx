"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import type { Messages } from "@/lib/i18n/messages";

export function LoginForm({ t, callbackUrl }: { t: Messages; callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setBusy(false);
    // The server says only "wrong" or "too many tries", never whether the e-mail exists.
    setError(
      result?.error === "rate_limited"
        ? t.admin.signInRateLimited
        : result?.error === "temp_password_expired"
          ? t.tempPasswordExpired
          : t.signInFailed,
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <label>
        {t.email}
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        {t.password}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button className="btn" type="submit" disabled={busy}>
        {busy ? t.signingIn : t.signIn}
      </button>
    </form>
  );
}
