/**
 * Common characters whose traditional and simplified forms differ, position-aligned
 * (TRADITIONAL[i] ↔ SIMPLIFIED[i]). Chosen for clinic chat: prices, booking, procedures, courtesy.
 * Characters shared by both scripts (多少, 玻尿酸, 明天) carry no signal and are not listed.
 */
const TRADITIONAL =
  '請問錢價這個們來時會說麼嗎謝預約醫療針術臉膚腫間幾點還沒對開過號現發見覺應為體須關於樣讓給貴優團報線經實單雙傳訊話與從長邊紅東國華韓飛機場車門電買賣夠該種題語觀寫聽據樂歡難髮鬆緊條張麗顏紋皺劑產顯縮補護藥復麻嚴診裡啟們員雷軟斷淨爾蘭聯絡詢處導覽歲準備費滿戶銀紹認識寶寬變絲節頭環隨廣黃舊將當務區勞動態總計證壓運週鐘灣級樓廳';
const SIMPLIFIED =
  '请问钱价这个们来时会说么吗谢预约医疗针术脸肤肿间几点还没对开过号现发见觉应为体须关于样让给贵优团报线经实单双传讯话与从长边红东国华韩飞机场车门电买卖够该种题语观写听据乐欢难发松紧条张丽颜纹皱剂产显缩补护药复麻严诊里启们员雷软断净尔兰联络询处导览岁准备费满户银绍认识宝宽变丝节头环随广黄旧将当务区劳动态总计证压运周钟湾级楼厅';

function distinct(a: string, b: string): { trad: Set<string>; simp: Set<string> } {
  const ta = [...a];
  const sb = [...b];
  if (ta.length !== sb.length) throw new Error('han-variants: tables out of alignment');
  const trad = new Set<string>();
  const simp = new Set<string>();
  ta.forEach((t, i) => {
    const s = sb[i]!;
    if (t !== s) {
      trad.add(t);
      simp.add(s);
    }
  });
  return { trad, simp };
}

const { trad: TRADITIONAL_ONLY, simp: SIMPLIFIED_ONLY } = distinct(TRADITIONAL, SIMPLIFIED);

/** Counts characters that exist only in the traditional or only in the simplified script. */
export function countHanVariants(text: string): { traditional: number; simplified: number } {
  let traditional = 0;
  let simplified = 0;
  for (const ch of text) {
    if (TRADITIONAL_ONLY.has(ch)) traditional++;
    else if (SIMPLIFIED_ONLY.has(ch)) simplified++;
  }
  return { traditional, simplified };
}
