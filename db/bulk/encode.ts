/**
 * Rows as PostgreSQL's CSV format reads them, for COPY (stack-notes §3: COPY is 2–3× faster than multi-row
 * inserts, and drizzle's builder is far slower still).
 */

/**
 * One CSV field as PostgreSQL's CSV format reads it: null is an unquoted empty field, '' is `""`. A JS array
 * becomes an array literal (text[], int[]); any other object becomes JSON (pass a JSON array as a string).
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  switch (typeof value) {
    case "string":
      return quote(value);
    case "number":
      if (!Number.isFinite(value)) throw new Error(`cannot COPY the number ${value}`);
      return String(value);
    case "bigint":
      return String(value);
    case "boolean":
      return value ? "t" : "f";
    default:
      if (value instanceof Date) return quote(value.toISOString());
      if (Array.isArray(value)) return quote(arrayLiteral(value));
      return quote(JSON.stringify(value)); // json / jsonb columns
  }
}

const NEEDS_QUOTES = /[",\r\n]/;

// Quoted when it holds a comma, a quote or a line break, or would read otherwise bare: the empty string
// (bare, NULL) and `\.` (bare, the end of the data). Most text goes bare: a new string per field for
// the quotes was a tenth of a national import's reading time.
function quote(text: string): string {
  if (text !== "" && text !== "\\." && !NEEDS_QUOTES.test(text)) return text;
  return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
}

/** A one-dimensional PostgreSQL array literal ({"a","b",NULL}) for text[] / int[] columns. */
function arrayLiteral(items: readonly unknown[]): string {
  const parts = items.map((item) => {
    if (item === null || item === undefined) return "NULL";
    const text = String(item);
    return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
  });
  return `{${parts.join(",")}}`;
}

export function csvLine(row: readonly unknown[]): string {
  let line = "";
  for (let i = 0; i < row.length; i++) line += (i === 0 ? "" : ",") + csvField(row[i]);
  return line + "\n";
}
