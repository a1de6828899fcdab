/**
 * The number of CSV records in a piece of CSV text made of whole records: CRLF line ends outside quoted
 * fields (a quoted address may hold a line break of its own).
 */
export function countCsvRecords(text: string): number {
  let records = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34)
      quoted = !quoted; // '"' (a doubled quote toggles twice)
    else if (c === 10 && !quoted) records++;
  }
  return records;
}
