// Global medical glossary (clinic_id NULL): the translator keeps these terms consistent.

export interface TermSeed {
  ko: string;
  en: string;
  ja: string;
  zh: string;
  zhTw: string;
  vi: string;
  category: 'procedure' | 'symptom' | 'body_part' | 'equipment';
}

type Row = [ko: string, en: string, ja: string, zh: string, zhTw: string, vi: string];

const rows = (category: TermSeed['category'], list: Row[]): TermSeed[] => list.map(([ko, en, ja, zh, zhTw, vi]) => ({ ko, en, ja, zh, zhTw, vi, category }));

export const MEDICAL_TERMS: TermSeed[] = [
  ...rows('procedure', [
    ['보톡스', 'Botox (botulinum toxin)', 'ボトックス', '肉毒素', '肉毒桿菌', 'Botox'],
    ['필러', 'Dermal filler', 'ヒアルロン酸注入（フィラー）', '玻尿酸填充', '玻尿酸', 'Filler'],
    ['히알루론산', 'Hyaluronic acid', 'ヒアルロン酸', '透明质酸（玻尿酸）', '玻尿酸', 'Axit hyaluronic'],
    ['스킨부스터', 'Skin booster', 'スキンブースター', '水光针类注射', '水光注射', 'Skin booster'],
    ['물광주사', 'Hydrating glow injection', '水光注射', '水光针', '水光針', 'Tiêm căng bóng'],
    ['리프팅', 'Lifting', 'リフトアップ', '提升', '拉提', 'Nâng cơ'],
    ['레이저토닝', 'Laser toning', 'レーザートーニング', '激光嫩肤', '雷射淨膚', 'Laser toning'],
    ['피코토닝', 'Pico toning', 'ピコトーニング', '皮秒激光', '皮秒雷射', 'Pico toning'],
    ['윤곽주사', 'Contour (fat-dissolving) injection', '脂肪溶解注射', '溶脂针', '溶脂針', 'Tiêm tan mỡ'],
    ['사각턱 보톡스', 'Masseter Botox', 'エラボトックス', '瘦脸针', '瘦臉針', 'Botox gọn hàm'],
    ['마취 크림', 'Numbing cream', '麻酔クリーム', '麻醉膏', '麻醉藥膏', 'Kem tê'],
    ['수면마취', 'IV sedation', '静脈麻酔（睡眠麻酔）', '睡眠麻醉', '舒眠麻醉', 'Gây mê tĩnh mạch'],
    ['히알루로니다제', 'Hyaluronidase', 'ヒアルロニダーゼ', '透明质酸酶（溶解酶）', '玻尿酸酶（溶解酶）', 'Hyaluronidase (thuốc tiêu filler)'],
    ['다운타임', 'Downtime', 'ダウンタイム', '恢复期', '恢復期', 'Thời gian phục hồi'],
    ['재시술', 'Touch-up', '再施術', '补打', '補打', 'Tiêm bổ sung'],
  ]),
  ...rows('symptom', [
    ['붓기', 'Swelling', '腫れ', '肿胀', '腫脹', 'Sưng'],
    ['멍', 'Bruising', '内出血（あざ）', '淤青', '瘀青', 'Bầm tím'],
    ['홍조', 'Redness', '赤み', '泛红', '泛紅', 'Đỏ da'],
    ['가려움', 'Itching', 'かゆみ', '瘙痒', '搔癢', 'Ngứa'],
    ['기미', 'Melasma', '肝斑', '黄褐斑', '肝斑', 'Nám'],
    ['잡티', 'Blemishes', 'シミ・くすみ', '色斑', '斑點', 'Đốm nâu, tàn nhang'],
    ['모공', 'Enlarged pores', '毛穴', '毛孔粗大', '毛孔粗大', 'Lỗ chân lông to'],
    ['주름', 'Wrinkles', 'シワ', '皱纹', '皺紋', 'Nếp nhăn'],
    ['혈관 폐색', 'Vascular occlusion', '血管閉塞', '血管栓塞', '血管栓塞', 'Tắc mạch máu'],
    ['피부 괴사', 'Skin necrosis', '皮膚壊死', '皮肤坏死', '皮膚壞死', 'Hoại tử da'],
    ['실명', 'Blindness', '失明', '失明', '失明', 'Mù lòa'],
    ['안검하수', 'Eyelid ptosis (drooping eyelid)', '眼瞼下垂', '眼睑下垂', '眼瞼下垂', 'Sụp mí'],
    ['연하곤란', 'Dysphagia (difficulty swallowing)', '嚥下障害', '吞咽困难', '吞嚥困難', 'Khó nuốt'],
    ['호흡곤란', 'Difficulty breathing', '呼吸困難', '呼吸困难', '呼吸困難', 'Khó thở'],
    ['화상', 'Burn', 'やけど', '烫伤', '燙傷', 'Bỏng'],
    ['색소 침착', 'Hyperpigmentation', '色素沈着', '色素沉着', '色素沉澱', 'Tăng sắc tố'],
    ['결절', 'Nodule', 'しこり', '硬结', '硬塊', 'Nốt cục'],
  ]),
  ...rows('body_part', [
    ['이마', 'Forehead', '額', '额头', '額頭', 'Trán'],
    ['미간', 'Glabella (between the eyebrows)', '眉間', '眉间', '眉間', 'Giữa hai lông mày'],
    ['눈가', 'Eye area', '目元', '眼周', '眼周', 'Vùng mắt'],
    ['팔자 주름', 'Nasolabial fold', 'ほうれい線', '法令纹', '法令紋', 'Rãnh mũi má'],
    ['사각턱', 'Square jaw (masseter)', 'エラ', '咬肌（国字脸）', '咬肌（國字臉）', 'Hàm vuông'],
    ['턱끝', 'Chin', 'あご先', '下巴', '下巴', 'Cằm'],
    ['이중턱', 'Double chin', '二重あご', '双下巴', '雙下巴', 'Nọng cằm'],
    ['콧대', 'Nasal bridge', '鼻筋', '鼻梁', '鼻樑', 'Sống mũi'],
    ['입술', 'Lips', '唇', '嘴唇', '嘴唇', 'Môi'],
    ['진피', 'Dermis', '真皮', '真皮层', '真皮層', 'Lớp hạ bì'],
    ['근막층(SMAS)', 'SMAS layer', 'SMAS筋膜', 'SMAS筋膜层', 'SMAS筋膜層', 'Lớp cân cơ SMAS'],
  ]),
  ...rows('equipment', [
    ['울쎄라', 'Ulthera', 'ウルセラ', '超声刀', '音波拉提（Ulthera）', 'Ulthera'],
    ['슈링크 유니버스', 'Shurink Universe', 'シュリンクユニバース', '超声炮', 'Shurink Universe', 'Shurink Universe'],
    ['써마지 FLX', 'Thermage FLX', 'サーマクールFLX', '热玛吉FLX', '鳳凰電波FLX', 'Thermage FLX'],
    [
      '고강도 집속 초음파',
      'HIFU (high-intensity focused ultrasound)',
      'HIFU（高密度焦点式超音波）',
      '高强度聚焦超声',
      '高強度聚焦超音波',
      'Sóng siêu âm hội tụ cường độ cao (HIFU)',
    ],
    ['고주파', 'Radiofrequency (RF)', '高周波（RF）', '射频', '電波（射頻）', 'Sóng cao tần (RF)'],
    ['캐뉼라', 'Cannula', 'カニューレ', '钝针', '鈍針', 'Kim đầu tù (cannula)'],
    ['피코 레이저', 'Picosecond laser', 'ピコレーザー', '皮秒激光', '皮秒雷射', 'Laser pico'],
    ['엔디야그 레이저', 'Nd:YAG laser', 'Nd:YAGレーザー', 'Nd:YAG激光', 'Nd:YAG雷射', 'Laser Nd:YAG'],
  ]),
];
