import { weightedPicker, type Rng } from "./rng";
import { cityStem, TOWNS } from "./places";

/**
 * Word lists and patterns for names that read like real Japanese facilities (佐藤内科クリニック, 中央歯科医院,
 * さくら薬局 駅前店, 市立旭川病院). Every name is made from generic parts; any match with a real facility is
 * a coincidence.
 */

// The most common surnames, roughly in order of frequency; earlier ones are drawn more often.
const SURNAMES = (
  "佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤 清水 " +
  "山崎 森 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 " +
  "斉藤 福田 太田 西村 藤井 金子 岡本 藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 森田 " +
  "上田 原 柴田 酒井 工藤 横山 宮崎 宮本 内田 高木 安藤 島田 谷口 大野 丸山 今井 高田 藤本 武田 村田 " +
  "上野 杉山 増田 小山 大塚 平野 菅原 久保 松井 千葉 岩崎 桜井 木下 野口 松尾 菊地 野村 新井 渡部 大西"
).split(" ");
const pickSurname = weightedPicker(
  SURNAMES,
  SURNAMES.map((_, i) => 1 / (i + 8)),
);

const GIVEN_NAMES = (
  "太郎 一郎 健一 誠 浩 大輔 直樹 翔太 隆 修 博之 和也 哲也 雅人 剛 拓也 " +
  "花子 恵子 裕子 美穂 陽子 由美 明美 智子 真理子 久美子 直美 香織 綾 愛 舞 千尋"
).split(" ");

const CORP_WORDS =
  "清心 誠和 健生 仁愛 博愛 明和 恵泉 青樹 緑風 光明 和光 康生 友愛 積善 松柏 敬愛 秀峰 昭和 朋友 白樺".split(" ");
const KANA_WORDS =
  "さくら あおば みどり ひまわり すずらん つばさ ことぶき ふたば あけぼの いろは ひだまり すこやか やまびこ わかば".split(
    " ",
  );
const KATAKANA_WORDS =
  "ハート ファミリー サンライズ オリーブ スマイル グリーン ブルーム コスモス ライフ ハーモニー".split(" ");

/** 診療科目 for medical facilities; the first few are the usual main department of a clinic. */
export const MEDICAL_SPECIALTIES = (
  "内科 小児科 整形外科 皮膚科 眼科 耳鼻咽喉科 産婦人科 精神科 心療内科 泌尿器科 外科 消化器内科 循環器内科 " +
  "呼吸器内科 脳神経外科 リハビリテーション科 放射線科 麻酔科 形成外科 糖尿病内科"
).split(" ");
const pickMainSpecialty = weightedPicker(
  MEDICAL_SPECIALTIES,
  MEDICAL_SPECIALTIES.map((_, i) => (i === 0 ? 30 : i < 13 ? 12 / (i + 2) : 0.3)),
);
const DENTAL_EXTRA = ["小児歯科", "矯正歯科", "歯科口腔外科"];

export interface NameParts {
  city: string;
  town: string;
  prefectureName: string;
}

export function surname(rng: Rng): string {
  return pickSurname(rng);
}

export function personName(rng: Rng): string {
  return `${surname(rng)} ${rng.pick(GIVEN_NAMES)}`;
}

function corporation(rng: Rng, prefix: string): string {
  return `${prefix}${rng.pick(CORP_WORDS)}会`;
}

/** Picks one pattern by weight and fills it in. */
function pattern(rng: Rng, options: readonly (readonly [number, () => string])[]): string {
  const choice = rng.weighted(
    options.map((o) => o[1]),
    options.map((o) => o[0]),
  );
  return choice();
}

export function hospitalName(rng: Rng, p: NameParts): string {
  const stem = cityStem(p.city);
  const townStem = p.town.replace(/町$/, "");
  const publicPrefix = `${p.prefectureName.slice(-1)}立`; // 県立, 都立, 府立, 道立
  return pattern(rng, [
    [25, () => `${surname(rng)}病院`],
    [10, () => `${stem}中央病院`],
    [6, () => (p.city.includes("市") ? `市立${stem}病院` : `${stem}総合病院`)],
    [4, () => `${publicPrefix}${stem}病院`],
    [10, () => `${corporation(rng, "医療法人")} ${surname(rng)}記念病院`],
    [8, () => `${townStem}病院`],
    [3, () => `${stem}赤十字病院`],
    [3, () => `済生会${stem}病院`],
    [2, () => `国立病院機構 ${stem}医療センター`],
    [5, () => `${stem}医療センター`],
    [5, () => `${townStem}リハビリテーション病院`],
  ]);
}

export function clinicName(rng: Rng, p: NameParts, specialty: string): string {
  const townStem = p.town.replace(/町$/, "");
  return pattern(rng, [
    [25, () => `${surname(rng)}${specialty}クリニック`],
    [15, () => `${surname(rng)}${specialty}医院`],
    [12, () => `${surname(rng)}医院`],
    [12, () => `${townStem}${specialty}クリニック`],
    [10, () => `${rng.pick(KANA_WORDS)}${specialty}クリニック`],
    [5, () => `${rng.pick(KATAKANA_WORDS)}クリニック`],
    [8, () => `${corporation(rng, "医療法人社団")} ${surname(rng)}${specialty}クリニック`],
    [5, () => `${surname(rng)}診療所`],
  ]);
}

export function dentalName(rng: Rng, p: NameParts): string {
  const townStem = p.town.replace(/町$/, "");
  return pattern(rng, [
    [30, () => `${surname(rng)}歯科医院`],
    [15, () => `${surname(rng)}歯科クリニック`],
    [10, () => `${townStem}歯科`],
    [10, () => `${townStem}歯科クリニック`],
    [10, () => `${rng.pick(KATAKANA_WORDS)}デンタルクリニック`],
    [8, () => `${corporation(rng, "医療法人")} ${surname(rng)}歯科医院`],
    [7, () => `${cityStem(p.city)}駅前歯科`],
    [3, () => `${rng.pick(KANA_WORDS)}こども歯科`],
  ]);
}

export function pharmacyName(rng: Rng, p: NameParts): string {
  const townStem = p.town.replace(/町$/, "");
  const stem = cityStem(p.city);
  return pattern(rng, [
    [25, () => `${rng.pick(KANA_WORDS)}薬局 ${townStem}店`],
    [10, () => `${rng.pick(KANA_WORDS)}調剤薬局`],
    [20, () => `${surname(rng)}薬局`],
    [15, () => `${townStem}薬局`],
    [10, () => `${rng.pick(KANA_WORDS)}薬局 ${stem}駅前店`],
    [8, () => `${stem}中央薬局`],
    [8, () => `${rng.pick(KATAKANA_WORDS)}ファーマシー ${townStem}店`],
  ]);
}

export function clinicSpecialties(rng: Rng): { main: string; all: string } {
  const main = pickMainSpecialty(rng);
  const all = [main];
  const extra = rng.weighted([0, 1, 2], [5, 3, 1]);
  for (let i = 0; i < extra; i++) {
    const s = rng.pick(MEDICAL_SPECIALTIES.slice(0, 13));
    if (!all.includes(s)) all.push(s);
  }
  return { main, all: all.join("、") };
}

export function hospitalSpecialties(rng: Rng): string {
  const all = ["内科", "外科"];
  const count = rng.int(2, 10);
  for (let i = 0; i < count; i++) {
    const s = rng.pick(MEDICAL_SPECIALTIES);
    if (!all.includes(s)) all.push(s);
  }
  return all.join("、");
}

export function dentalSpecialties(rng: Rng): string {
  return ["歯科", ...DENTAL_EXTRA.filter(() => rng.chance(0.35))].join("、");
}

export function founderName(rng: Rng, kind: string): string {
  if (kind === "pharmacy" && rng.chance(0.6)) return `株式会社${rng.pick(KANA_WORDS)}ファーマシー`;
  if (kind === "hospital" || rng.chance(0.3))
    return `${corporation(rng, kind === "hospital" ? "医療法人" : "医療法人社団")} ${personName(rng)}`;
  return personName(rng);
}

/** ⑥ア: who produces the claims for the facility. */
export function outsourcerName(rng: Rng, p: NameParts): string {
  return pattern(rng, [
    [3, () => `株式会社メディカルサポート${cityStem(p.city)}`],
    [2, () => `${surname(rng)}医療事務センター`],
    [2, () => `有限会社${rng.pick(KANA_WORDS)}レセプトサービス`],
    [2, () => `${cityStem(p.city)}医事サービス株式会社`],
    [1, () => `${rng.pick(KATAKANA_WORDS)}医療事務株式会社`],
  ]);
}

export function randomTown(rng: Rng): string {
  return rng.pick(TOWNS);
}
