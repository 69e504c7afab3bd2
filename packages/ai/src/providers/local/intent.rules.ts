/**
 * Rule-based intents for the local provider, in the six served languages (Vietnamese also without
 * diacritics, Chinese in both scripts). A message may carry several; 'other' only when none is found.
 * Emergencies, complaints and requests for a person reuse the handoff rules, so the chips staff see
 * agree with why the AI handed over.
 */
import type { ConversationIntent } from '../../provider';
import { normalizeForLexicon } from './emergency.lexicon';
import { detectHandoff } from './handoff.rules';

type RuleIntent = Exclude<ConversationIntent, 'emergency' | 'complaint' | 'human_request' | 'other'>;

const RULES: Record<RuleIntent, RegExp[]> = {
  price: [
    /가격|얼마|비용|금액|견적|할인|이벤트\s*가|원이에요|만\s*원/u,
    /値段|料金|価格|いくら|費用|割引|見積|キャンペーン価格/u,
    /\bprice|\bcost(s|ing)?\b|how much|\bfee\b|discount|\bquote\b|\bdeal\b|\bkrw\b|\bwon\b/u,
    /价格|價格|多少钱|多少錢|费用|費用|收费|收費|优惠|優惠|折扣|报价|報價|价钱|價錢/u,
    /gia bao nhieu|bao nhieu tien|chi phi|gia ca|\bgia\b.{0,12}\b(botox|filler|ulthera|laser)|giam gia|khuyen mai|bang gia/u,
  ],
  booking: [
    /예약|예약\s*가능|스케줄|일정\s*(잡|맞)|방문\s*(하고|하려|할)|시간\s*(있|되)나요/u,
    /予約|よやく|空き(状況|枠)|来院(したい|予定)/u,
    /\bbook(ing)?\b|appointment|reserv(e|ation)|\bschedule\b|available\s+(slot|time)|\bslot\b/u,
    /预约|預約|预定|預定|约个时间|約個時間|排期/u,
    /dat lich|dat hen|lich hen|hen lich|dat cho|con lich/u,
  ],
  procedure_info: [
    /효과|지속\s*(기간|시간)?|다운타임|회복\s*기간|몇\s*회|시술\s*시간|아프|통증|마취|차이(가|점)|어떤\s*시술|추천/u,
    /効果|持続|ダウンタイム|回復|何回|施術時間|痛い|痛み|麻酔|違い|おすすめ/u,
    /\beffect(s|ive)?\b|how long|last(s)? (for|long)|downtime|recovery|sessions?|\bpain(ful)?\b|\bhurt\b|anesthe|numbing|difference|recommend|what is/u,
    /效果|维持|維持|持续|持續|恢复期|恢復期|几次|幾次|疼|麻醉|区别|區別|推荐|推薦/u,
    /hieu qua|duy tri|bao lau|thoi gian hoi phuc|may lan|co dau khong|gay te|khac nhau|goi y/u,
  ],
  aftercare: [
    /시술\s*후\s*(관리|주의|에|엔)|주의\s*사항|사후\s*관리|세안|화장\s*(은|해도|언제)|사우나|음주|술\s*(마셔|먹어)|운동\s*(해도|은\s*언제)|샤워/u,
    /施術(後|のあと)|アフターケア|注意事項|洗顔|メイク(は|して)|お化粧|サウナ|飲酒|お酒|運動(して|は)|シャワー/u,
    /after\s*care|after\s+(the\s+)?(treatment|procedure|session)|post[-\s]?(treatment|procedure)\s+care|can i (wash|drink|exercise|shower|wear makeup|go to the sauna)|makeup|sauna|alcohol|precautions/u,
    /术后|術後|护理|護理|注意事项|注意事項|洗脸|洗臉|化妆|化妝|桑拿|喝酒|饮酒|飲酒|运动|運動/u,
    /cham soc sau|sau khi (lam|tiem|ban)|luu y|kieng|rua mat|trang diem|xong hoi|uong ruou|tap the duc/u,
  ],
  side_effect: [
    /부작용|붓기|부었|부어|멍|빨갛|빨개|가려|따가|염증|흉터|울퉁불퉁|비대칭|처짐|처졌/u,
    /副作用|腫れ|腫れて|内出血|あざ|赤み|かゆ|ヒリヒリ|炎症|傷跡|しこり|左右差|たるみが/u,
    /side[-\s]?effects?|\brisks?\b|swell(ing|ed|s)?|bruis|redness|\bitch|sting|inflam|\bscar|\blump|asymmetr|droop/u,
    /副作用|肿|腫|淤青|瘀青|淤血|发红|發紅|红肿|紅腫|痒|癢|发炎|發炎|疤|不对称|不對稱|下垂/u,
    /tac dung phu|bien chung|sung|bam tim|vet bam|do ua|ngua|viem|seo|khong deu|cuc u/u,
  ],
  hours_location: [
    /영업\s*시간|진료\s*시간|몇\s*시(까지|에|부터)|문\s*(여|열|닫)|휴무|주말|토요일|일요일|위치|주소|어디|오시는\s*길|가는\s*길|주차|지하철|역\s*(에서|몇)/u,
    /営業時間|診療時間|何時(まで|から)|休み|定休|土曜|日曜|場所|住所|どこ|行き方|アクセス|駐車|駅から/u,
    /opening hours|business hours|\bopen\b|closed\b|what time|weekend|saturday|sunday|address|location|where (is|are)|directions|how (do i|to) get|parking|\bsubway\b|station/u,
    /营业时间|營業時間|几点|幾點|休息|周末|週末|星期六|星期天|地址|位置|在哪|怎么走|怎麼走|停车|停車|地铁|地鐵/u,
    /gio mo cua|may gio|mo cua|dong cua|cuoi tuan|thu bay|chu nhat|dia chi|o dau|duong di|do xe|gui xe|ga tau|tau dien/u,
  ],
  payment_refund: [
    /결제|카드|현금|계좌\s*이체|예약금|선금|환불|할부|영수증|텍스\s*리펀|택스\s*리펀|세금\s*환급/u,
    /支払|決済|カード|現金|振込|予約金|デポジット|返金|分割|領収書|免税|タックスリファンド/u,
    /\bpay(ment|ing)?\b|\bcard\b|\bcash\b|transfer|deposit|refund|installment|receipt|tax[-\s]?free|charged/u,
    /付款|支付|刷卡|现金|現金|转账|轉帳|订金|定金|訂金|押金|退款|退钱|退錢|分期|收据|收據|发票|發票|退税|退稅|支付宝|支付寶|微信支付|银联/u,
    /thanh toan|\bthe\b.{0,8}(visa|tin dung)|tien mat|chuyen khoan|dat coc|tien coc|hoan tien|tra gop|hoa don/u,
  ],
};

/** The intents of one text (the customer's words, and their Korean rendering when there is one). */
export function detectIntents(...texts: (string | null | undefined)[]): ConversationIntent[] {
  const found = new Set<ConversationIntent>();
  for (const text of texts) {
    if (!text?.trim()) continue;
    const lower = text.normalize('NFKC').toLowerCase();
    const stripped = normalizeForLexicon(text);
    const handoff = detectHandoff(text);
    if (handoff === 'medical_emergency') found.add('emergency');
    if (handoff === 'complaint') found.add('complaint');
    if (handoff === 'customer_requested_human') found.add('human_request');
    for (const [intent, patterns] of Object.entries(RULES) as [RuleIntent, RegExp[]][])
      if (patterns.some((p) => p.test(lower) || p.test(stripped))) found.add(intent);
  }
  // An emergency or a complaint is also about the symptoms it describes; keep the vocabulary's order.
  const ordered = (['emergency', 'complaint', 'human_request', ...Object.keys(RULES)] as ConversationIntent[]).filter((i) => found.has(i));
  return ordered.length ? ordered : ['other'];
}
