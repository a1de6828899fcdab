import type { Metadata } from "next";
import Link from "next/link";
import { Fragment } from "react";
import { getDb } from "@/db/client";
import { facilityDetail } from "@/db/queries/facility-detail";
import type { FacilityDetail } from "@/lib/facilities/types";
import { requireUser } from "@/app/_auth/session";
import { auditRead } from "@/app/_lib/access-audit";
import { getMessages } from "@/app/_lib/i18n";
import { todayIso } from "@/lib/dates";
import { ReminderLetter } from "@/components/follow-ups/letter";
import { Form1Page } from "@/components/follow-ups/form1";
import { PrintButton } from "@/components/follow-ups/print-button";
import { RecordLettersButton } from "@/components/follow-ups/record-letters-button";
import { listOffices } from "@/db/queries/letters";
import { recordLettersAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).t.fu.letters };
}

const MAX_LETTERS = 100;

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * Printable reminder letters for the selected facilities (A4 portrait, one a page); codes outside the scope are
 * skipped. With `form=1` each letter is followed by a pre-filled 様式第1号 page for filing on paper.
 */
export default async function LettersPage({ searchParams }: Props) {
  const user = await requireUser();
  const { t } = await getMessages();
  const offices = new Map((await listOffices(getDb(), user.scope)).map((o) => [o.prefecture, o]));
  const params = await searchParams;
  const raw = params.codes;
  const withForm = params.form === "1";
  const codes = [
    ...new Set((Array.isArray(raw) ? raw.join(",") : (raw ?? "")).split(",").filter((c) => /^\d{10}$/.test(c))),
  ].slice(0, MAX_LETTERS);
  const today = todayIso();
  const details: FacilityDetail[] = [];
  for (const code of codes) {
    const detail = await facilityDetail(getDb(), user.scope, code, today);
    if (detail) details.push(detail);
  }
  // Letters carry names, addresses and contacts: which were printed (and which codes were refused) is on record.
  const printed = details.map((d) => d.facility.code);
  await auditRead(user, "read.letters", null, {
    codes: printed,
    form1: withForm,
    refused: codes.filter((c) => !printed.includes(c)),
  });
  return (
    <>
      <main>
        <div className="no-print filters">
          {user.role !== "viewer" && details.length > 0 && (
            <RecordLettersButton
              codes={details.map((d) => d.facility.code)}
              label={t.rn.recordAndPrint}
              recordedLabel={t.rn.recorded}
              action={recordLettersAction}
            />
          )}
          <form method="get" className="form1-option">
            <input type="hidden" name="codes" value={codes.join(",")} />
            <label>
              <input type="checkbox" name="form" value="1" defaultChecked={withForm} data-testid="form1-option" />{" "}
              {t.rn.letterForm1}
            </label>
            <button type="submit">{t.rn.letterForm1Apply}</button>
          </form>
          <PrintButton label={t.fu.letter.print} disabled={details.length === 0} />
          <Link href="/follow-ups">{t.fu.letter.back}</Link>
          {user.role === "admin" && <Link href="/admin/offices">{t.rn.officeSettings}</Link>}
        </div>
        {details.length === 0 ? (
          <p>{t.fu.letter.none}</p>
        ) : (
          details.map((d) => (
            <Fragment key={d.facility.code}>
              <ReminderLetter t={t} detail={d} today={today} office={offices.get(d.facility.prefecture)} />
              {withForm && <Form1Page detail={d} />}
            </Fragment>
          ))
        )}
      </main>
    </>
  );
}
