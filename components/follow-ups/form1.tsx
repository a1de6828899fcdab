import { formatWareki } from "@/lib/dates";
import { prefectureByCode } from "@/lib/prefectures";
import type { FacilityDetail, FilingRecord } from "@/lib/facilities/types";

const TABLE_KIND: Record<string, string> = {
  "1": "保険医療機関コード（医科）",
  "3": "保険医療機関コード（歯科）",
  "4": "保険薬局コード",
};

/** An empty box to tick, or a ruled blank to write in by hand. */
const Box = () => <span className="form1-box" aria-hidden="true" />;
/** A box and its label, kept on one line. */
const Choice = ({ children }: { children: React.ReactNode }) => (
  <span className="form1-choice">
    <Box /> {children}
  </span>
);
const Blank = ({ wide }: { wide?: boolean }) => (
  <span className={wide ? "form1-blank wide" : "form1-blank"} aria-hidden="true" />
);

/** The filled value, or a blank line for the facility to write on. */
function Filled({ value, testId }: { value: string | null | undefined; testId: string }) {
  return value ? <span data-testid={testId}>{value}</span> : <Blank wide />;
}

function text(filing: FilingRecord | null, key: string): string | null {
  const v = filing?.[key];
  return typeof v === "string" && v.trim() !== "" ? v : null;
}

/**
 * 様式第1号 (the deferral notice and migration plan) on one A4 page, for a facility that files on paper:
 * ①–④ and the founder, address and phone come from the facility record and its latest filing where
 * known; ⑤–⑪ are left as boxes to tick and blanks to fill by hand, since they are the facility's answers.
 */
export function Form1Page({ detail }: { detail: FacilityDetail }) {
  const f = detail.facility;
  const latest = detail.filings[0] ?? null;
  const prefecture = prefectureByCode(f.prefecture);
  const phone = f.phone ?? text(latest, "phone");
  const address = f.address ?? text(latest, "address");
  const specialties = (f.specialties as string | null | undefined) ?? text(latest, "specialties");
  return (
    <article className="form1" data-testid="form1" data-code={f.code}>
      <p className="form1-no">（様式第1号）</p>
      <h2>光ディスク等を用いた請求に係る猶予の届出（移行計画書）</h2>
      <p className="form1-to">地方厚生（支）局長 殿　　　届出日：令和　　年　　月　　日</p>
      <table className="form1-grid">
        <tbody>
          <tr>
            <th>開設者名</th>
            <td>
              <Filled value={text(latest, "founderName")} testId="form1-founder" />
            </td>
          </tr>
          <tr>
            <th>所在地</th>
            <td>
              {f.postalCode ? `〒${f.postalCode} ` : ""}
              <Filled value={address} testId="form1-address" />
            </td>
          </tr>
          <tr>
            <th>電子メール</th>
            <td>
              <Filled value={text(latest, "email")} testId="form1-email" />
            </td>
          </tr>
          <tr>
            <th>① 名称</th>
            <td data-testid="form1-name">{f.name}</td>
          </tr>
          <tr>
            <th>② 電話番号</th>
            <td>
              <Filled value={phone} testId="form1-phone" />
            </td>
          </tr>
          <tr>
            <th>③ {TABLE_KIND[f.tableType as string] ?? "保険医療機関・薬局コード"}</th>
            <td className="form1-code" data-testid="form1-code">
              {f.code}
            </td>
          </tr>
          <tr>
            <th>④ 都道府県・診療科目</th>
            <td>
              <span data-testid="form1-prefecture">{prefecture?.nameJa ?? f.prefecture}</span>　／　
              <Filled value={specialties} testId="form1-specialties" />
            </td>
          </tr>
          <tr>
            <th>⑤ 継続希望期間</th>
            <td>令和　　年　　月　　日まで（届出の翌年の9月30日が限度）</td>
          </tr>
          <tr>
            <th>⑥ 理由（一つ）</th>
            <td>
              <Box /> ア 請求業務を外部に委託している（委託先名：
              <Blank />）
              <br />
              <Choice>イ 経過措置：</Choice> <Choice>(1) 光回線がない</Choice> <Choice>(2) 改築工事中・仮設</Choice>{" "}
              <Choice>(3) 休止・廃止の予定</Choice> <Choice>(4) その他特に困難な事情</Choice>
              <br />
              <Box /> ウ その他（
              <Blank wide />）
            </td>
          </tr>
          <tr>
            <th>⑦ 移行できる見込み</th>
            <td>
              <Choice>ア 本年12月末</Choice> <Choice>イ 翌年3月末</Choice> <Choice>ウ 翌年9月末</Choice>{" "}
              <Choice>
                エ その他（
                <Blank />）
              </Choice>
            </td>
          </tr>
          <tr>
            <th>⑧ レセコン（⑥ウのみ）</th>
            <td>
              <Choice>ア 対応済</Choice> <Choice>イ 改修・購入が必要（　　年　　月）</Choice> <Choice>ウ 確認中</Choice>
            </td>
          </tr>
          <tr>
            <th>⑨ ネットワーク</th>
            <td>
              <Choice>ア 整備済</Choice> <Choice>イ 契約済・未設置（　　年　　月）</Choice>{" "}
              <Choice>ウ 見積・検討中</Choice>
            </td>
          </tr>
          <tr>
            <th>⑩ 申請の状況</th>
            <td>
              <span className="form1-choice">(1) 利用申請</span> <Choice>済</Choice> <Choice>未</Choice>　
              <span className="form1-choice">(2) 電子証明書の申請</span> <Choice>済</Choice> <Choice>未</Choice>
            </td>
          </tr>
          <tr className="form1-remarks">
            <th>⑪ 備考</th>
            <td />
          </tr>
        </tbody>
      </table>
      <p className="form1-note">
        記入のうえ、{latest ? `前回の届出（${formatWareki(latest.filedOn)}）と同様に` : ""}
        ご提出ください。①〜④は当方の記録から記入しています。誤りがあれば訂正してください。
      </p>
    </article>
  );
}
