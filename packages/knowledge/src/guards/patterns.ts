/** Phrase lists the guards match, in every served language. Matched on NFKC-lowercased text. */

/** Internal business data: its names in any language (the values are checked separately). */
export const INTERNAL_DATA_PATTERNS: RegExp[] = [
  /material[_ ]?cost|difficulty[_ ]?score|clinic[_ ]?preference|sales[_ ]?performance/u,
  /원가|재료비|재료\s*원가|마진율?|난이도|선호도|영업\s*성과|판매\s*성과|매출\s*점수|실적\s*점수/u,
  /原価|材料費|仕入れ(値|価格)|利益率|マージン|難易度|推奨度|販売実績|売上スコア/u,
  /cost\s*price|our\s+cost|material(s)?\s+cost|wholesale|profit\s+margin|\bmargins?\b|mark-?up|difficulty\s+(score|rating|level)|sales\s+(performance|score)|performance\s+score|internal\s+(cost|data|price)/u,
  /成本|进价|進價|材料费|材料費|利润|利潤|难度|難度|销售业绩|銷售業績|偏好度|内部价格|內部價格/u,
  /giá vốn|giá nhập|chi phí nguyên liệu|lợi nhuận|độ khó|hiệu suất bán hàng/u,
  // Staff notes about a customer, and what the clinic pays agents: internal in every language.
  /(staff|internal|customer)\s+(notes?|memos?)|\bcommissions?\b|kickback|referral\s+fee|직원\s*메모|내부\s*메모|상담\s*메모|고객\s*메모|커미션|(소개|중개|에이전트|알선)\s*수수료|(スタッフ|社内|顧客)メモ|コミッション|(紹介|仲介)手数料|(员工|員工|内部|內部)(备注|備註|笔记|筆記)|佣金|回扣|中介费|仲介費|ghi chú (nội bộ|nhân viên)|hoa hồng/u,
  // "the internal fields" asked for by name in any language
  /internal\s+fields?|내부\s*(필드|항목|데이터|정보)|内部(フィールド|項目|データ|情報)|内部字段|內部欄位|内部数据|內部數據|内部信息|內部資訊|trường nội bộ|dữ liệu nội bộ|thông tin nội bộ/u,
];

/** Diagnosis or guaranteed outcomes. Narrow on purpose: "절대 음주 금지" (aftercare) must pass. */
export const MEDICAL_CLAIM_PATTERNS: RegExp[] = [
  /100\s*%\s*(효과|만족|보장|완치|성공|안전)|효과\s*(를|가)?\s*보장|결과\s*(를|가)?\s*보장|(확실히|반드시|무조건|틀림없이)\s*(효과|낫|나아|좋아|개선|완치|사라)|완치\s*(됩니다|돼요|가능|시켜)|부작용\s*(이|은|도)?\s*(전혀|절대|하나도)\s*(없|안)|영구(적으로|적인)\s*(효과|유지)|진단\s*(해\s*드리|드리|결과는|하자면|상으로)/u,
  /100\s*%\s*(効果|満足|保証|治|成功|安全)|効果(を|は|が)?保証|結果(を|は)?保証|必ず(治|効果|良くな|改善|消え)|絶対(に)?(治|効果|安全|大丈夫)|完治(します|できます|いたします)|副作用(は|が)?(全く|一切|絶対)(ない|ありません|ございません)|永久に(効果|持続)|診断(します|いたします|すると|結果)/u,
  /\bguarantee(s|d)?\b|100\s*%\s*(effective|results?|success(ful)?|safe|satisf\w*|guaranteed)|(will|can)\s+(definitely|certainly|surely)\s+(cure|fix|remove|work|eliminate)|\bcure(s|d)?\b|no\s+(risk|side\s+effects)\s+(at\s+all|whatsoever)|(completely|totally|absolutely)\s+(risk[- ]free|safe|painless)|permanent(ly)?\s+(results?|removal|effect)|\bdiagnos(e|is|ed|ing)\b|\byou\s+(definitely\s+)?have\s+(melasma|rosacea|acne|an?\s+infection|dermatitis)/u,
  /保证|保證|100\s*%\s*(有效|效果|满意|滿意|成功|安全|治愈|治癒)|一定(能|会|會)?(治好|有效|见效|見效|改善|消失)|绝对(有效|安全|没有|不会)|絕對(有效|安全|沒有|不會)|根治|完全(没有|沒有)副作用|没有任何副作用|沒有任何副作用|永久(效果|保持|有效)|诊断为|診斷為|确诊|確診/u,
  /đảm bảo|cam kết\s*(100|hiệu quả|khỏi|kết quả)|100\s*%\s*(hiệu quả|khỏi|an toàn|thành công)|chắc chắn\s*(khỏi|hết|hiệu quả|sẽ)|chữa khỏi|hoàn toàn không có (tác dụng phụ|rủi ro)|không có bất kỳ tác dụng phụ|hiệu quả vĩnh viễn|chẩn đoán/u,
];

/** Attempts to steer the assistant: logged and neutralised (customer text never becomes instructions). */
export const INJECTION_PATTERNS: RegExp[] = [
  /ignore\s+(all\s+|any\s+|the\s+)?(previous\s+|prior\s+|above\s+|your\s+|these\s+)*(instructions|rules|prompts?|guidelines)|disregard\s+(all\s+|your\s+|the\s+)*(instructions|rules)|system\s+prompt|developer\s+mode|jailbreak|you\s+are\s+now\s+(a|an|in)\b|reveal\s+(your|the)\s+(prompt|instructions|rules)|pretend\s+(you\s+are|to\s+be)|act\s+as\s+(an?\s+)?(admin|developer|system)/u,
  /(이전|위의?|모든|너의|당신의|기존)?\s*(지시|지침|명령|규칙|프롬프트|설정)\s*(을|를|은|는|다)?\s*(무시|잊어|잊고)|시스템\s*프롬프트|관리자\s*모드|개발자\s*모드|탈옥/u,
  /(指示|命令|ルール|プロンプト|設定)(を|は)?(すべて|全部)?(無視|忘れ)|システムプロンプト|開発者モード|管理者モード/u,
  /(忽略|无视|無視|忘记|忘記)(之前|以上|你的|所有|上面)?的?(所有)?(指令|指示|规则|規則|提示词|提示詞|设定|設定)|系统提示|系統提示|开发者模式|開發者模式|管理员模式|管理員模式/u,
  /bỏ qua (mọi |tất cả |các )?(hướng dẫn|chỉ dẫn|quy tắc|lệnh)|lời nhắc hệ thống|chế độ nhà phát triển/u,
];

export const matchesAny = (patterns: RegExp[], text: string) => patterns.some((p) => p.test(text.normalize('NFKC').toLowerCase()));
