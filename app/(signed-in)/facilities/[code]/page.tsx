import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { getDb } from "@/db/client";
import { facilityDetail } from "@/db/queries/facility-detail";
import { assignableColleagues } from "@/db/queries/assignments";
import { requireUser } from "@/app/_auth/session";
import { auditFacilityMiss, auditRead } from "@/app/_lib/access-audit";
import { getMessages } from "@/app/_lib/i18n";
import { facilityCodeParam } from "@/app/_lib/follow-up-params";
import { todayIso } from "@/lib/dates";
import { telHref } from "@/lib/phone";
import { bracket } from "@/lib/i18n/messages";
import {
  AlertsPanel,
  ContactList,
  IdentityPanel,
  StateBadge,
  TimelinePanel,
} from "@/components/facilities/facility-sections";
import { FilingCard } from "@/components/facilities/filing-card";
import { CertificatesPanel } from "@/components/facilities/certificates-panel";
import { ContactForm } from "@/components/facilities/contact-form";
import { FollowUpForm } from "@/components/facilities/follow-up-form";
import { addContactAction, setFollowUpAction, updateContactAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: `${t.fu.facility.identity} ${(await params).code}`.slice(0, 40) };
}

interface Props {
  params: Promise<{ code: string }>;
}

export default async function FacilityPage({ params }: Props) {
  const user = await requireUser();
  const code = facilityCodeParam.safeParse((await params).code);
  if (!code.success) notFound();
  const today = todayIso();
  const detail = await facilityDetail(getDb(), user.scope, code.data, today);
  // Outside the scope answers exactly like an unknown code (the audit log tells them apart).
  if (!detail) {
    await auditFacilityMiss(user, code.data);
    notFound();
  }
  await auditRead(user, "read.facility", code.data, {});
  const { lang, t } = await getMessages();
  const canEdit = user.role !== "viewer";
  const colleagues = canEdit ? await assignableColleagues(getDb(), user.scope) : [];
  const f = detail.facility;
  const m = t.fu.facility;
  return (
    <>
      <main>
        <p className="muted">
          <Link href="/follow-ups">{t.fu.title}</Link>
        </p>
        <h1>{f.name}</h1>
        <p className="subtitle facility-subtitle">
          <span className="nowrap">{f.code}</span>
          <span>
            <StateBadge state={f.status} lang={lang} />
            {f.statusSince ? bracket(lang, lang === "en" ? `since ${f.statusSince}` : `${f.statusSince}〜`) : ""}
          </span>
          <Link href={`/follow-ups/letters?codes=${f.code}`}>{t.fu.letters}</Link>
        </p>
        {telHref(f.phone) && (
          <p>
            <a className="btn call" href={telHref(f.phone)!} data-testid="call">
              {t.fu.call} {f.phone}
            </a>
          </p>
        )}
        <div className="grid2">
          <IdentityPanel t={t} lang={lang} detail={detail} />
          <AlertsPanel t={t} lang={lang} detail={detail} />
        </div>
        <CertificatesPanel t={t} detail={detail} today={today} />
        <section className="panel" aria-labelledby="follow-up">
          <h2 id="follow-up">{m.followUp}</h2>
          {canEdit ? (
            <FollowUpForm
              t={t}
              lang={lang}
              code={f.code}
              colleagues={colleagues}
              assigneeId={detail.followUp.assigneeId}
              nextActionOn={detail.followUp.nextActionOn}
              action={setFollowUpAction}
            />
          ) : (
            <p data-testid="follow-up-readonly">
              {t.fu.assignee}: {detail.followUp.assignee ?? t.fu.assigneeNone}
              {lang === "en" ? " · " : "・"}
              {t.fu.nextAction}: {detail.followUp.nextActionOn ?? "—"}
            </p>
          )}
        </section>
        <section className="panel" aria-labelledby="contacts">
          <h2 id="contacts">{m.contacts}</h2>
          {canEdit && (
            <details className="add-contact" open>
              <summary>{m.addContact}</summary>
              <ContactForm
                t={t}
                lang={lang}
                code={f.code}
                action={addContactAction}
                values={{
                  contactedOn: today,
                  channel: "phone",
                  outcome: "reached",
                  promisedOn: null,
                  note: null,
                  nextActionOn: null,
                }}
                submitLabel={m.addContact}
                testId="contact-form"
              />
            </details>
          )}
          <ContactList
            t={t}
            lang={lang}
            detail={detail}
            renderEdit={
              canEdit
                ? (id) => {
                    const c = detail.contacts.find((x) => x.id === id)!;
                    return (
                      <details>
                        <summary>{m.edit}</summary>
                        <ContactForm
                          t={t}
                          lang={lang}
                          code={f.code}
                          action={updateContactAction}
                          values={c}
                          submitLabel={m.save}
                          testId={`contact-edit-${id}`}
                        />
                      </details>
                    );
                  }
                : undefined
            }
          />
        </section>
        <TimelinePanel t={t} lang={lang} detail={detail} />
        <section className="panel" aria-labelledby="filings">
          <h2 id="filings">{m.filings}</h2>
          {detail.filings.length === 0 ? (
            <p className="muted">{m.noFilings}</p>
          ) : (
            detail.filings.map((fl) => <FilingCard key={fl.filedOn} t={t} lang={lang} code={f.code} filing={fl} />)
          )}
        </section>
      </main>
    </>
  );
}
