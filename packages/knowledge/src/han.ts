/**
 * Traditional → simplified for the characters clinic chat uses (the same table as the local language
 * detector's). Queries in Traditional Chinese are also embedded in simplified form, so they meet rows
 * whose names only exist in simplified characters (procedures.name_zh).
 */
const TRADITIONAL =
  '請問錢價這個們來時會說麼嗎謝預約醫療針術臉膚腫間幾點還沒對開過號現發見覺應為體須關於樣讓給貴優團報線經實單雙傳訊話與從長邊紅東國華韓飛機場車門電買賣夠該種題語觀寫聽據樂歡難髮鬆緊條張麗顏紋皺劑產顯縮補護藥復麻嚴診裡啟員雷軟斷淨爾蘭聯絡詢處導覽歲準備費滿戶銀紹認識寶寬變絲節頭環隨廣黃舊將當務區勞動態總計證壓聲熱瑪拉提療雜訂碼錯圍層標綫鋪氣運週鐘灣級樓廳';
const SIMPLIFIED =
  '请问钱价这个们来时会说么吗谢预约医疗针术脸肤肿间几点还没对开过号现发见觉应为体须关于样让给贵优团报线经实单双传讯话与从长边红东国华韩飞机场车门电买卖够该种题语观写听据乐欢难发松紧条张丽颜纹皱剂产显缩补护药复麻严诊里启员雷软断净尔兰联络询处导览岁准备费满户银绍认识宝宽变丝节头环随广黄旧将当务区劳动态总计证压声热玛拉提疗杂订码错围层标线铺气运周钟湾级楼厅';

const MAP = new Map<string, string>();
[...TRADITIONAL].forEach((t, i) => {
  const s = [...SIMPLIFIED][i];
  if (s && s !== t) MAP.set(t, s);
});

export function toSimplified(text: string): string {
  return [...text].map((c) => MAP.get(c) ?? c).join('');
}

export function hasTraditional(text: string): boolean {
  return [...text].some((c) => MAP.has(c));
}
