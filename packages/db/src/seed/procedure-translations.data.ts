// Per-language renderings of the procedures' free-text facts (procedures.translations), written by hand
// from the Korean texts in procedures*.data.ts, so every provider, the local one included, can state
// aftercare, common side effects and how long a result lasts in the customer's language.

export type ForeignLang = 'en' | 'ja' | 'zh' | 'zh-TW' | 'vi';
export type TranslatedField = 'precautionsAfter' | 'commonSideEffects' | 'effectDuration';
export type FieldTranslations = Partial<Record<TranslatedField, string>>;
export type ProcedureTranslations = Record<ForeignLang, FieldTranslations>;

type PerLang = Record<ForeignLang, string>;

/** Concatenates per-language sentences (a shared text plus a procedure's own addition). */
const plus = (a: PerLang, b: PerLang): PerLang => Object.fromEntries((Object.keys(a) as ForeignLang[]).map((l) => [l, `${a[l]} ${b[l]}`])) as PerLang;

const BOTOX_AFTER: PerLang = {
  en: 'On the day, do not rub or massage the treated area and do not lie down for 4 hours. Avoid alcohol, saunas and strenuous exercise that day. Results appear after 3–7 days, and we check them after 2 weeks.',
  ja: '当日は施術部位をこすったりマッサージしたりせず、4時間は横にならないでください。当日の飲酒・サウナ・激しい運動はお控えください。効果は3〜7日後に現れ、2週間後に経過を確認します。',
  zh: '治疗当天请不要揉搓或按摩治疗部位，4小时内不要躺下。当天请避免饮酒、桑拿和剧烈运动。效果在3~7天后出现，2周后复诊确认效果。',
  'zh-TW': '療程當天請不要揉搓或按摩施打部位，4小時內不要躺下。當天請避免飲酒、三溫暖和劇烈運動。效果在3~7天後出現，2週後回診確認效果。',
  vi: 'Trong ngày điều trị, không chà xát hay xoa bóp vùng tiêm và không nằm xuống trong 4 giờ. Tránh rượu bia, xông hơi và vận động mạnh trong ngày. Hiệu quả xuất hiện sau 3–7 ngày, 2 tuần sau phòng khám kiểm tra lại kết quả.',
};
const JAW_EXTRA: PerLang = {
  en: 'Avoid chewy food (dried squid, gum and the like) for 2 weeks.',
  ja: '2週間は噛みごたえのある硬い食べ物（スルメ、ガムなど）をお控えください。',
  zh: '2周内请避免有嚼劲的食物（鱿鱼丝、口香糖等）。',
  'zh-TW': '2週內請避免有嚼勁的食物（魷魚絲、口香糖等）。',
  vi: 'Tránh đồ ăn dai (mực khô, kẹo cao su…) trong 2 tuần.',
};
const FILLER_AFTER: PerLang = {
  en: 'Do not press or massage the treated area for 2 weeks, and avoid saunas, Korean spas (jjimjilbang) and alcohol for 1 week. If the pain keeps getting worse or the skin changes colour, contact us immediately. You can wash your face and wear makeup from the next day.',
  ja: '2週間は施術部位を押したりマッサージしたりせず、サウナ・チムジルバン・飲酒は1週間お控えください。痛みがだんだん強くなったり皮膚の色が変わったりした場合はすぐにご連絡ください。洗顔・メイクは翌日から可能です。',
  zh: '2周内请不要按压或按摩治疗部位，1周内避免桑拿、汗蒸房和饮酒。如果疼痛越来越严重或皮肤颜色改变，请立即联系我们。第二天起可以洗脸和化妆。',
  'zh-TW': '2週內請不要按壓或按摩施打部位，1週內避免三溫暖、汗蒸幕和飲酒。如果疼痛越來越嚴重或皮膚顏色改變，請立即聯絡我們。隔天起可以洗臉和化妝。',
  vi: 'Không ấn hay xoa bóp vùng tiêm trong 2 tuần, tránh xông hơi, jjimjilbang và rượu bia trong 1 tuần. Nếu cơn đau ngày càng tăng hoặc da đổi màu, hãy liên hệ ngay với phòng khám. Có thể rửa mặt và trang điểm từ ngày hôm sau.',
};
const NOSE_EXTRA: PerLang = {
  en: 'Avoid wearing glasses and sleeping face down for 2 weeks.',
  ja: '2週間はメガネの着用とうつ伏せ寝をお控えください。',
  zh: '2周内请避免戴眼镜和趴着睡。',
  'zh-TW': '2週內請避免戴眼鏡和趴著睡。',
  vi: 'Tránh đeo kính và nằm sấp trong 2 tuần.',
};
const LIP_EXTRA: PerLang = {
  en: 'On the day, avoid using a straw and hot food.',
  ja: '当日はストローの使用と熱い食べ物をお控えください。',
  zh: '当天请避免使用吸管和吃过烫的食物。',
  'zh-TW': '當天請避免使用吸管和吃太燙的食物。',
  vi: 'Trong ngày điều trị, tránh dùng ống hút và đồ ăn nóng.',
};
const BOOSTER_AFTER: PerLang = {
  en: 'The small bumps from the injections usually settle within a day. Avoid washing your face and wearing makeup on the day, and avoid saunas, alcohol and strenuous exercise for 3 days. Always apply sunscreen.',
  ja: '注射跡のぽこぽこ（エンボ）は通常1日以内に落ち着きます。当日は洗顔・メイクを避け、3日間はサウナ・飲酒・激しい運動をお控えください。日焼け止めを必ず塗ってください。',
  zh: '注射后的小鼓包通常一天内消退。当天请避免洗脸和化妆，3天内避免桑拿、饮酒和剧烈运动。请务必涂防晒霜。',
  'zh-TW': '注射後的小膨包通常一天內消退。當天請避免洗臉和化妝，3天內避免三溫暖、飲酒和劇烈運動。請務必擦防曬乳。',
  vi: 'Các nốt sần do tiêm thường xẹp trong vòng một ngày. Trong ngày điều trị tránh rửa mặt và trang điểm, tránh xông hơi, rượu bia và vận động mạnh trong 3 ngày. Nhớ thoa kem chống nắng.',
};
const JUVELOOK_EXTRA: PerLang = {
  en: 'To prevent nodules, gently massage the area for 3 days as we show you.',
  ja: 'しこりを防ぐため、3日間はご案内した方法で軽くマッサージしてください。',
  zh: '为预防硬结，3天内请按照我们指导的方法轻轻按摩。',
  'zh-TW': '為預防硬塊，3天內請依照我們指導的方式輕輕按摩。',
  vi: 'Để phòng nốt cục, hãy xoa bóp nhẹ trong 3 ngày theo cách phòng khám hướng dẫn.',
};
const HIFU_AFTER: PerLang = {
  en: 'For 1–2 weeks you may feel a soreness like a muscle ache and some swelling. Avoid saunas and alcohol on the day, and keep your skin well moisturised and protected from the sun.',
  ja: '施術後1〜2週間は筋肉痛のような重だるさや腫れが出ることがあります。当日はサウナ・飲酒を避け、十分な保湿と紫外線対策をしてください。',
  zh: '术后1~2周内可能会有类似肌肉酸痛的酸胀感和肿胀。当天请避免桑拿和饮酒，并做好充分保湿和防晒。',
  'zh-TW': '術後1~2週內可能會有類似肌肉痠痛的痠脹感和腫脹。當天請避免三溫暖和飲酒，並做好充分保濕和防曬。',
  vi: 'Trong 1–2 tuần sau điều trị có thể thấy ê mỏi như đau cơ và hơi sưng. Tránh xông hơi và rượu bia trong ngày, dưỡng ẩm đầy đủ và chống nắng.',
};
const LASER_AFTER: PerLang = {
  en: 'For 3 days after the treatment, avoid exfoliation, scrubs and saunas, and apply sunscreen (SPF50) carefully. Temporary redness or tiny scabs may appear.',
  ja: '施術後3日間は角質ケア・スクラブ・サウナを避け、日焼け止め（SPF50）をしっかり塗ってください。一時的な赤みや小さなかさぶたが出ることがあります。',
  zh: '术后3天内请避免去角质、磨砂和桑拿，并仔细涂抹防晒霜（SPF50）。可能会暂时泛红或出现细小结痂。',
  'zh-TW': '術後3天內請避免去角質、磨砂和三溫暖，並仔細擦防曬乳（SPF50）。可能會暫時泛紅或出現細小結痂。',
  vi: 'Trong 3 ngày sau điều trị, tránh tẩy tế bào chết, scrub và xông hơi, thoa kỹ kem chống nắng (SPF50). Có thể đỏ da tạm thời hoặc đóng vảy nhỏ.',
};

const MONTHS = (a: number, b: number): PerLang => ({
  en: `${a}–${b} months`,
  ja: `${a}〜${b}か月`,
  zh: `${a}~${b}个月`,
  'zh-TW': `${a}~${b}個月`,
  vi: `${a}–${b} tháng`,
});
const HALF_TO_ONE_YEAR: PerLang = { en: '6 months to 1 year', ja: '6か月〜1年', zh: '6个月~1年', 'zh-TW': '6個月~1年', vi: '6 tháng đến 1 năm' };

function entry(after: PerLang, sideEffects: PerLang, duration: PerLang): ProcedureTranslations {
  const langs: ForeignLang[] = ['en', 'ja', 'zh', 'zh-TW', 'vi'];
  return Object.fromEntries(
    langs.map((l) => [l, { precautionsAfter: after[l], commonSideEffects: sideEffects[l], effectDuration: duration[l] }]),
  ) as ProcedureTranslations;
}

export const PROCEDURE_TRANSLATIONS: Record<string, ProcedureTranslations> = {
  'forehead-botox': entry(
    BOTOX_AFTER,
    {
      en: 'redness at the injection sites, small bruises, a temporary headache, a tight feeling in the forehead',
      ja: '注射部位の赤み、小さな内出血、一時的な頭痛、額のつっぱり感',
      zh: '注射部位泛红、小淤青、暂时性头痛、额头紧绷感',
      'zh-TW': '注射部位泛紅、小瘀青、暫時性頭痛、額頭緊繃感',
      vi: 'đỏ ở chỗ tiêm, vết bầm nhỏ, đau đầu tạm thời, cảm giác căng ở trán',
    },
    MONTHS(3, 6),
  ),
  'jaw-botox': entry(
    plus(BOTOX_AFTER, JAW_EXTRA),
    {
      en: 'weaker chewing for 2–4 weeks, bruising at the injection sites, soreness',
      ja: '噛むときに力が入りにくい感じ（2〜4週間）、注射部位の内出血、重だるさ',
      zh: '咀嚼时无力感（2~4周）、注射部位淤青、酸胀感',
      'zh-TW': '咀嚼時無力感（2~4週）、注射部位瘀青、痠脹感',
      vi: 'nhai yếu hơn (2–4 tuần), bầm chỗ tiêm, ê mỏi',
    },
    {
      en: '4–6 months (longer with repeated treatments)',
      ja: '4〜6か月（繰り返すと長くなります）',
      zh: '4~6个月（重复治疗会更持久）',
      'zh-TW': '4~6個月（重複施打會更持久）',
      vi: '4–6 tháng (lâu hơn khi tiêm nhắc lại)',
    },
  ),
  'skin-botox': entry(
    BOTOX_AFTER,
    {
      en: 'small bumps from the injections (a few hours to 1 day), redness, small bruises',
      ja: '注射跡のぽこぽこ（数時間〜1日）、赤み、小さな内出血',
      zh: '注射痕迹造成的小鼓包（数小时~1天）、泛红、小淤青',
      'zh-TW': '注射痕跡造成的小膨包（數小時~1天）、泛紅、小瘀青',
      vi: 'nốt sần do tiêm (vài giờ đến 1 ngày), đỏ da, vết bầm nhỏ',
    },
    MONTHS(2, 3),
  ),
  'nose-filler': entry(
    plus(FILLER_AFTER, NOSE_EXTRA),
    {
      en: 'swelling, bruising, tenderness at the injection site',
      ja: '腫れ、内出血、注射部位の圧痛',
      zh: '肿胀、淤青、注射部位压痛',
      'zh-TW': '腫脹、瘀青、注射部位壓痛',
      vi: 'sưng, bầm tím, đau khi ấn vào chỗ tiêm',
    },
    MONTHS(6, 12),
  ),
  'lip-filler': entry(
    plus(FILLER_AFTER, LIP_EXTRA),
    {
      en: 'swelling (2–3 days, more than on other areas), bruising, soreness',
      ja: '腫れ（2〜3日、他の部位より大きめ）、内出血、重だるさ',
      zh: '肿胀（2~3天，比其他部位明显）、淤青、酸胀感',
      'zh-TW': '腫脹（2~3天，比其他部位明顯）、瘀青、痠脹感',
      vi: 'sưng (2–3 ngày, nhiều hơn các vùng khác), bầm tím, ê mỏi',
    },
    MONTHS(6, 9),
  ),
  'nasolabial-filler': entry(
    FILLER_AFTER,
    {
      en: 'swelling, bruising, a foreign-body feeling when smiling (1–2 weeks)',
      ja: '腫れ、内出血、笑ったときの違和感（1〜2週間）',
      zh: '肿胀、淤青、笑时有异物感（1~2周）',
      'zh-TW': '腫脹、瘀青、笑時有異物感（1~2週）',
      vi: 'sưng, bầm tím, cảm giác cộm khi cười (1–2 tuần)',
    },
    MONTHS(9, 12),
  ),
  'rejuran-healer': entry(
    BOOSTER_AFTER,
    {
      en: 'small bumps from the injections for 1–2 days, redness, small bruises',
      ja: '注射跡のぽこぽこ（エンボ）1〜2日、赤み、小さな内出血',
      zh: '注射后的小鼓包1~2天、泛红、小淤青',
      'zh-TW': '注射後的小膨包1~2天、泛紅、小瘀青',
      vi: 'nốt sần do tiêm 1–2 ngày, đỏ da, vết bầm nhỏ',
    },
    {
      en: '6 months or more after 3 sessions',
      ja: '3回の施術後6か月以上',
      zh: '3次治疗后可维持6个月以上',
      'zh-TW': '3次療程後可維持6個月以上',
      vi: 'từ 6 tháng trở lên sau 3 lần điều trị',
    },
  ),
  juvelook: entry(
    plus(BOOSTER_AFTER, JUVELOOK_EXTRA),
    {
      en: 'small bumps for 1–3 days, swelling, bruising',
      ja: 'ぽこぽこ（エンボ）1〜3日、腫れ、内出血',
      zh: '小鼓包1~3天、肿胀、淤青',
      'zh-TW': '小膨包1~3天、腫脹、瘀青',
      vi: 'nốt sần 1–3 ngày, sưng, bầm tím',
    },
    {
      en: '1 year or more after 2–3 sessions',
      ja: '2〜3回の施術後1年以上',
      zh: '2~3次治疗后可维持1年以上',
      'zh-TW': '2~3次療程後可維持1年以上',
      vi: 'từ 1 năm trở lên sau 2–3 lần điều trị',
    },
  ),
  'water-glow-injection': entry(
    BOOSTER_AFTER,
    {
      en: 'small bumps, redness, small bruises',
      ja: 'ぽこぽこ（エンボ）、赤み、小さな内出血',
      zh: '小鼓包、泛红、小淤青',
      'zh-TW': '小膨包、泛紅、小瘀青',
      vi: 'nốt sần, đỏ da, vết bầm nhỏ',
    },
    {
      en: '1–2 months (3–4 months after 3 sessions)',
      ja: '1〜2か月（3回繰り返すと3〜4か月）',
      zh: '1~2个月（重复3次可维持3~4个月）',
      'zh-TW': '1~2個月（重複3次可維持3~4個月）',
      vi: '1–2 tháng (3–4 tháng nếu làm 3 lần)',
    },
  ),
  'contour-injection': entry(
    {
      en: 'Use a cold compress while there is swelling, and avoid alcohol and saunas for 3 days. Drinking plenty of water helps the result.',
      ja: '腫れがある間は冷やし、3日間は飲酒・サウナをお控えください。水分を十分にとると効果を助けます。',
      zh: '肿胀时请冷敷，3天内避免饮酒和桑拿。多喝水有助于效果。',
      'zh-TW': '腫脹時請冰敷，3天內避免飲酒和三溫暖。多喝水有助於效果。',
      vi: 'Chườm lạnh khi còn sưng, tránh rượu bia và xông hơi trong 3 ngày. Uống nhiều nước giúp hiệu quả tốt hơn.',
    },
    {
      en: 'swelling (1–3 days), warmth and a burning feeling, bruising, soreness',
      ja: '腫れ（1〜3日）、熱感・ほてり、内出血、重だるさ',
      zh: '肿胀（1~3天）、发热和灼热感、淤青、酸胀感',
      'zh-TW': '腫脹（1~3天）、發熱和灼熱感、瘀青、痠脹感',
      vi: 'sưng (1–3 ngày), nóng rát, bầm tím, ê mỏi',
    },
    {
      en: 'maintained after 3–5 sessions (depends on weight changes)',
      ja: '3〜5回の施術後に維持（体重の変化によって異なります）',
      zh: '3~5次治疗后维持（因体重变化而异）',
      'zh-TW': '3~5次療程後維持（依體重變化而異）',
      vi: 'duy trì sau 3–5 lần (tùy thay đổi cân nặng)',
    },
  ),
  ulthera: entry(
    HIFU_AFTER,
    {
      en: 'redness of the treated area, swelling, soreness and tingling for 1–2 weeks',
      ja: '施術部位の赤み、腫れ、1〜2週間の重だるさ・ピリピリ感',
      zh: '治疗部位泛红、肿胀、1~2周的酸胀和麻木感',
      'zh-TW': '治療部位泛紅、腫脹、1~2週的痠脹和麻木感',
      vi: 'đỏ vùng điều trị, sưng, ê mỏi và tê nhẹ trong 1–2 tuần',
    },
    HALF_TO_ONE_YEAR,
  ),
  'shrink-universe': entry(
    HIFU_AFTER,
    {
      en: 'temporary redness, mild swelling, soreness',
      ja: '一時的な赤み、軽い腫れ、重だるさ',
      zh: '暂时性泛红、轻微肿胀、酸胀感',
      'zh-TW': '暫時性泛紅、輕微腫脹、痠脹感',
      vi: 'đỏ da tạm thời, sưng nhẹ, ê mỏi',
    },
    MONTHS(3, 6),
  ),
  'thermage-flx': entry(
    HIFU_AFTER,
    {
      en: 'temporary redness, warmth, mild swelling',
      ja: '一時的な赤み、熱感、軽い腫れ',
      zh: '暂时性泛红、发热感、轻微肿胀',
      'zh-TW': '暫時性泛紅、發熱感、輕微腫脹',
      vi: 'đỏ da tạm thời, cảm giác nóng, sưng nhẹ',
    },
    HALF_TO_ONE_YEAR,
  ),
  'pico-toning': entry(
    LASER_AFTER,
    {
      en: 'temporary redness, a burning feeling',
      ja: '一時的な赤み、ほてり',
      zh: '暂时性泛红、灼热感',
      'zh-TW': '暫時性泛紅、灼熱感',
      vi: 'đỏ da tạm thời, cảm giác nóng rát',
    },
    {
      en: 'maintenance after 5–10 repeated sessions',
      ja: '5〜10回の繰り返し施術のあとはメンテナンス',
      zh: '重复5~10次后进行维持护理',
      'zh-TW': '重複5~10次後進行維持保養',
      vi: 'duy trì sau 5–10 lần điều trị',
    },
  ),
  'laser-toning': entry(
    LASER_AFTER,
    {
      en: 'temporary redness, mild warmth',
      ja: '一時的な赤み、軽い熱感',
      zh: '暂时性泛红、轻微发热感',
      'zh-TW': '暫時性泛紅、輕微發熱感',
      vi: 'đỏ da tạm thời, hơi nóng',
    },
    {
      en: 'about 10 repeated sessions recommended',
      ja: '10回前後の繰り返し施術がおすすめ',
      zh: '建议重复治疗10次左右',
      'zh-TW': '建議重複療程10次左右',
      vi: 'nên làm lặp lại khoảng 10 lần',
    },
  ),
  'aqua-peel': entry(
    {
      en: 'On the day, avoid heavy makeup and exfoliating products, and moisturise well.',
      ja: '当日は濃いメイクと角質ケア製品を避け、十分に保湿してください。',
      zh: '当天请避免浓妆和去角质产品，并充分保湿。',
      'zh-TW': '當天請避免濃妝和去角質產品，並充分保濕。',
      vi: 'Trong ngày tránh trang điểm đậm và sản phẩm tẩy tế bào chết, dưỡng ẩm đầy đủ.',
    },
    { en: 'temporary redness', ja: '一時的な赤み', zh: '暂时性泛红', 'zh-TW': '暫時性泛紅', vi: 'đỏ da tạm thời' },
    {
      en: '2–4 weeks (regular care recommended)',
      ja: '2〜4週間（定期的なケアがおすすめ）',
      zh: '2~4周（建议定期护理）',
      'zh-TW': '2~4週（建議定期保養）',
      vi: '2–4 tuần (nên làm định kỳ)',
    },
  ),
};

/** Renderings of the demo clinic's own overrides (clinic_procedures.custom_translations), by procedure slug. */
export const CUSTOM_TRANSLATIONS: Record<string, Record<ForeignLang, FieldTranslations>> = {
  'jaw-botox': {
    en: { effectDuration: '4–6 months (after 3 or more treatments it often lasts over 6 months)' },
    ja: { effectDuration: '4〜6か月（3回以上繰り返すと6か月以上持続することが多いです）' },
    zh: { effectDuration: '4~6个月（重复3次以上后，常可维持6个月以上）' },
    'zh-TW': { effectDuration: '4~6個月（重複3次以上後，常可維持6個月以上）' },
    vi: { effectDuration: '4–6 tháng (sau 3 lần trở lên thường kéo dài hơn 6 tháng)' },
  },
};
