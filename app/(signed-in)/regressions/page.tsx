import type { Metadata } from "next";
import { readDb } from "@/app/_lib/read-db";
import Link from "next/link";
import { z } from "zod";
import { listRegressions } from "@/db/queries/watch";
import { requireUser } from "@/app/_auth/session";
import { getMessages } from "@/app/_lib/i18n";
import { lenientParse } from "@/app/_lib/follow-up-params";
import { isIsoDate, todayIso } from "@/lib/dates";
import { isPrefectureCode, prefectureByCode } from "@/lib/prefectures";
import { STATE_INFO, isEventState } from "@/lib/states";
import { CATEGORIES, TABLE_TYPES } from "@/lib/table-types";
import { ScrollBox } from "@/components/layout/scroll-box";
import { bracket } from "@/lib/i18n/messages";

/** The tab's title in the language the user chose. */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.rn.regressionsList };
}

export const dynamic = "force-dynamic";

const LIMIT = 500;
const isoDate = z.string().refine(isIsoDate);
const query = z.object({
  asOf: isoDate.optional(),
  from: isoDate.optional(),
  prefecture: z.string().refine(isPrefectureCode).optional(),
  tableType: z.enum(TABLE_TYPES).optional(),
  category: z.enum(CATEGORIES).optional(),
});

/** Every step from online back to a lower state up to the date, newest first, within the user's scope. */
export default async function RegressionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { lang, t } = await getMessages();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" && v !== "" ? [[k, v]] : [])),
  );
  const q = lenientParse(query, raw);
  const asOf = q.asOf ?? todayIso();
  const rows = await listRegressions(await readDb(), user.scope, { ...q, asOf }, LIMIT);
  const m = t.rn;
  const state = (s: string) => (isEventState(s) ? STATE_INFO[s][lang] : s);
  return (
    <>
      <main>
        <h1>{m.regressionsList}</h1>
        <p className="subtitle">
          {t.asOf} {asOf}
          {q.from ? bracket(lang, `${q.from}〜`) : ""}
        </p>
        <p className="muted">{m.regressionsLead}</p>
        {rows.length >= LIMIT && <p className="muted">{m.truncated}</p>}
        <ScrollBox>
          <table className="data wide" data-testid="regressions">
            <thead>
              <tr>
                <th>{m.leftOn}</th>
                <th className="text">{t.code}</th>
                <th className="text">{t.name}</th>
                <th className="text">{t.prefecture}</th>
                <th className="text">{m.movedTo}</th>
                <th>{m.backOn}</th>
                <th className="text">{m.recordNote}</th>
                <th className="text">{m.contactReason}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.code}-${r.leftOn}`}>
                  <td>{r.leftOn}</td>
                  <td className="text">
                    <Link href={`/facilities/${r.code}`}>{r.code}</Link>
                  </td>
                  <td className="text">{r.name}</td>
                  <td className="text">
                    {(lang === "en"
                      ? prefectureByCode(r.prefecture)?.nameEn
                      : prefectureByCode(r.prefecture)?.nameJa) ?? r.prefecture}
                  </td>
                  <td className="text">{state(r.state)}</td>
                  <td>{r.backOn ?? m.stillOff}</td>
                  <td className="text">{r.note ?? m.none}</td>
                  <td className="text">{r.contactOn ? `${r.contactOn} ${r.contactNote ?? ""}` : m.none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </main>
    </>
  );
}
