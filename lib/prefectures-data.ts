// Copied from data/prefectures.csv (the project's copy of ../shared/data); lib/prefectures.test.ts checks they agree.
export interface Prefecture {
  code: string;
  nameJa: string;
  nameEn: string;
  regionJa: string;
  regionEn: string;
  kouseikyoku: string;
  population: number;
  tileRow: number;
  tileCol: number;
}

export const PREFECTURES: readonly Prefecture[] = [
  { code: "01", nameJa: "北海道", nameEn: "Hokkaido", regionJa: "北海道", regionEn: "Hokkaido", kouseikyoku: "北海道厚生局", population: 5225000, tileRow: 0, tileCol: 12 },
  { code: "02", nameJa: "青森県", nameEn: "Aomori", regionJa: "東北", regionEn: "Tohoku", kouseikyoku: "東北厚生局", population: 1238000, tileRow: 1, tileCol: 12 },
  { code: "03", nameJa: "岩手県", nameEn: "Iwate", regionJa: "東北", regionEn: "Tohoku", kouseikyoku: "東北厚生局", population: 1211000, tileRow: 2, tileCol: 12 },
  { code: "04", nameJa: "宮城県", nameEn: "Miyagi", regionJa: "東北", regionEn: "Tohoku", kouseikyoku: "東北厚生局", population: 2302000, tileRow: 3, tileCol: 12 },
  { code: "05", nameJa: "秋田県", nameEn: "Akita", regionJa: "東北", regionEn: "Tohoku", kouseikyoku: "東北厚生局", population: 960000, tileRow: 2, tileCol: 11 },
  { code: "06", nameJa: "山形県", nameEn: "Yamagata", regionJa: "東北", regionEn: "Tohoku", kouseikyoku: "東北厚生局", population: 1068000, tileRow: 3, tileCol: 11 },
  { code: "07", nameJa: "福島県", nameEn: "Fukushima", regionJa: "東北", regionEn: "Tohoku", kouseikyoku: "東北厚生局", population: 1833000, tileRow: 4, tileCol: 12 },
  { code: "08", nameJa: "茨城県", nameEn: "Ibaraki", regionJa: "関東", regionEn: "Kanto", kouseikyoku: "関東信越厚生局", population: 2867000, tileRow: 6, tileCol: 12 },
  { code: "09", nameJa: "栃木県", nameEn: "Tochigi", regionJa: "関東", regionEn: "Kanto", kouseikyoku: "関東信越厚生局", population: 1933000, tileRow: 5, tileCol: 12 },
  { code: "10", nameJa: "群馬県", nameEn: "Gunma", regionJa: "関東", regionEn: "Kanto", kouseikyoku: "関東信越厚生局", population: 1939000, tileRow: 5, tileCol: 11 },
  { code: "11", nameJa: "埼玉県", nameEn: "Saitama", regionJa: "関東", regionEn: "Kanto", kouseikyoku: "関東信越厚生局", population: 7345000, tileRow: 6, tileCol: 11 },
  { code: "12", nameJa: "千葉県", nameEn: "Chiba", regionJa: "関東", regionEn: "Kanto", kouseikyoku: "関東信越厚生局", population: 6284000, tileRow: 7, tileCol: 12 },
  { code: "13", nameJa: "東京都", nameEn: "Tokyo", regionJa: "関東", regionEn: "Kanto", kouseikyoku: "関東信越厚生局", population: 14048000, tileRow: 7, tileCol: 11 },
  { code: "14", nameJa: "神奈川県", nameEn: "Kanagawa", regionJa: "関東", regionEn: "Kanto", kouseikyoku: "関東信越厚生局", population: 9237000, tileRow: 7, tileCol: 10 },
  { code: "15", nameJa: "新潟県", nameEn: "Niigata", regionJa: "中部", regionEn: "Chubu", kouseikyoku: "関東信越厚生局", population: 2201000, tileRow: 4, tileCol: 11 },
  { code: "16", nameJa: "富山県", nameEn: "Toyama", regionJa: "中部", regionEn: "Chubu", kouseikyoku: "東海北陸厚生局", population: 1035000, tileRow: 4, tileCol: 10 },
  { code: "17", nameJa: "石川県", nameEn: "Ishikawa", regionJa: "中部", regionEn: "Chubu", kouseikyoku: "東海北陸厚生局", population: 1133000, tileRow: 4, tileCol: 9 },
  { code: "18", nameJa: "福井県", nameEn: "Fukui", regionJa: "中部", regionEn: "Chubu", kouseikyoku: "近畿厚生局", population: 767000, tileRow: 4, tileCol: 8 },
  { code: "19", nameJa: "山梨県", nameEn: "Yamanashi", regionJa: "中部", regionEn: "Chubu", kouseikyoku: "関東信越厚生局", population: 810000, tileRow: 6, tileCol: 10 },
  { code: "20", nameJa: "長野県", nameEn: "Nagano", regionJa: "中部", regionEn: "Chubu", kouseikyoku: "関東信越厚生局", population: 2048000, tileRow: 5, tileCol: 10 },
  { code: "21", nameJa: "岐阜県", nameEn: "Gifu", regionJa: "中部", regionEn: "Chubu", kouseikyoku: "東海北陸厚生局", population: 1979000, tileRow: 5, tileCol: 9 },
  { code: "22", nameJa: "静岡県", nameEn: "Shizuoka", regionJa: "中部", regionEn: "Chubu", kouseikyoku: "東海北陸厚生局", population: 3633000, tileRow: 7, tileCol: 9 },
  { code: "23", nameJa: "愛知県", nameEn: "Aichi", regionJa: "中部", regionEn: "Chubu", kouseikyoku: "東海北陸厚生局", population: 7542000, tileRow: 6, tileCol: 9 },
  { code: "24", nameJa: "三重県", nameEn: "Mie", regionJa: "近畿", regionEn: "Kinki", kouseikyoku: "東海北陸厚生局", population: 1770000, tileRow: 6, tileCol: 8 },
  { code: "25", nameJa: "滋賀県", nameEn: "Shiga", regionJa: "近畿", regionEn: "Kinki", kouseikyoku: "近畿厚生局", population: 1414000, tileRow: 5, tileCol: 8 },
  { code: "26", nameJa: "京都府", nameEn: "Kyoto", regionJa: "近畿", regionEn: "Kinki", kouseikyoku: "近畿厚生局", population: 2578000, tileRow: 5, tileCol: 7 },
  { code: "27", nameJa: "大阪府", nameEn: "Osaka", regionJa: "近畿", regionEn: "Kinki", kouseikyoku: "近畿厚生局", population: 8838000, tileRow: 6, tileCol: 6 },
  { code: "28", nameJa: "兵庫県", nameEn: "Hyogo", regionJa: "近畿", regionEn: "Kinki", kouseikyoku: "近畿厚生局", population: 5465000, tileRow: 5, tileCol: 6 },
  { code: "29", nameJa: "奈良県", nameEn: "Nara", regionJa: "近畿", regionEn: "Kinki", kouseikyoku: "近畿厚生局", population: 1324000, tileRow: 6, tileCol: 7 },
  { code: "30", nameJa: "和歌山県", nameEn: "Wakayama", regionJa: "近畿", regionEn: "Kinki", kouseikyoku: "近畿厚生局", population: 923000, tileRow: 7, tileCol: 7 },
  { code: "31", nameJa: "鳥取県", nameEn: "Tottori", regionJa: "中国", regionEn: "Chugoku", kouseikyoku: "中国四国厚生局", population: 553000, tileRow: 5, tileCol: 5 },
  { code: "32", nameJa: "島根県", nameEn: "Shimane", regionJa: "中国", regionEn: "Chugoku", kouseikyoku: "中国四国厚生局", population: 671000, tileRow: 5, tileCol: 4 },
  { code: "33", nameJa: "岡山県", nameEn: "Okayama", regionJa: "中国", regionEn: "Chugoku", kouseikyoku: "中国四国厚生局", population: 1888000, tileRow: 6, tileCol: 5 },
  { code: "34", nameJa: "広島県", nameEn: "Hiroshima", regionJa: "中国", regionEn: "Chugoku", kouseikyoku: "中国四国厚生局", population: 2800000, tileRow: 6, tileCol: 4 },
  { code: "35", nameJa: "山口県", nameEn: "Yamaguchi", regionJa: "中国", regionEn: "Chugoku", kouseikyoku: "中国四国厚生局", population: 1342000, tileRow: 6, tileCol: 3 },
  { code: "36", nameJa: "徳島県", nameEn: "Tokushima", regionJa: "四国", regionEn: "Shikoku", kouseikyoku: "四国厚生支局", population: 720000, tileRow: 8, tileCol: 5 },
  { code: "37", nameJa: "香川県", nameEn: "Kagawa", regionJa: "四国", regionEn: "Shikoku", kouseikyoku: "四国厚生支局", population: 950000, tileRow: 7, tileCol: 5 },
  { code: "38", nameJa: "愛媛県", nameEn: "Ehime", regionJa: "四国", regionEn: "Shikoku", kouseikyoku: "四国厚生支局", population: 1335000, tileRow: 7, tileCol: 4 },
  { code: "39", nameJa: "高知県", nameEn: "Kochi", regionJa: "四国", regionEn: "Shikoku", kouseikyoku: "四国厚生支局", population: 692000, tileRow: 8, tileCol: 4 },
  { code: "40", nameJa: "福岡県", nameEn: "Fukuoka", regionJa: "九州・沖縄", regionEn: "Kyushu-Okinawa", kouseikyoku: "九州厚生局", population: 5135000, tileRow: 7, tileCol: 3 },
  { code: "41", nameJa: "佐賀県", nameEn: "Saga", regionJa: "九州・沖縄", regionEn: "Kyushu-Okinawa", kouseikyoku: "九州厚生局", population: 811000, tileRow: 7, tileCol: 2 },
  { code: "42", nameJa: "長崎県", nameEn: "Nagasaki", regionJa: "九州・沖縄", regionEn: "Kyushu-Okinawa", kouseikyoku: "九州厚生局", population: 1312000, tileRow: 7, tileCol: 1 },
  { code: "43", nameJa: "熊本県", nameEn: "Kumamoto", regionJa: "九州・沖縄", regionEn: "Kyushu-Okinawa", kouseikyoku: "九州厚生局", population: 1738000, tileRow: 8, tileCol: 2 },
  { code: "44", nameJa: "大分県", nameEn: "Oita", regionJa: "九州・沖縄", regionEn: "Kyushu-Okinawa", kouseikyoku: "九州厚生局", population: 1124000, tileRow: 8, tileCol: 3 },
  { code: "45", nameJa: "宮崎県", nameEn: "Miyazaki", regionJa: "九州・沖縄", regionEn: "Kyushu-Okinawa", kouseikyoku: "九州厚生局", population: 1070000, tileRow: 9, tileCol: 3 },
  { code: "46", nameJa: "鹿児島県", nameEn: "Kagoshima", regionJa: "九州・沖縄", regionEn: "Kyushu-Okinawa", kouseikyoku: "九州厚生局", population: 1588000, tileRow: 9, tileCol: 2 },
  { code: "47", nameJa: "沖縄県", nameEn: "Okinawa", regionJa: "九州・沖縄", regionEn: "Kyushu-Okinawa", kouseikyoku: "九州厚生局", population: 1467000, tileRow: 10, tileCol: 0 },
];
