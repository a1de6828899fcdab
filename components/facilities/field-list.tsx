import type { ReactNode } from "react";

/** Label–value pairs as a definition list (the facility's identity, a filing's fields). */
export function FieldList({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="fields">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
