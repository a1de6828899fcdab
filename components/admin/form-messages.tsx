import type { Messages } from "@/lib/i18n/messages";

interface State {
  ok: boolean;
  errors?: string[];
  passwordProblems?: string[];
}

/** The errors an admin or password form got back, in the person's language. */
export function FormMessages({ t, state, okText }: { t: Messages; state: State; okText: string }) {
  const errors = t.admin.users.errors as Record<string, string>;
  const problems = t.admin.password.problems as Record<string, string>;
  const lines = [
    ...(state.errors ?? []).map((e) => errors[e] ?? errors.invalid),
    ...(state.passwordProblems ?? []).map((p) => problems[p] ?? p),
  ];
  if (lines.length > 0) {
    return (
      <div role="alert" className="error">
        {lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    );
  }
  return (
    <p role="status" className="muted">
      {state.ok ? okText : ""}
    </p>
  );
}
