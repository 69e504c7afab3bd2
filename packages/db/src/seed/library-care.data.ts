// Response library of daybeauclinic: procedure, aftercare and foreigner topics.
import type { LibrarySeed } from './library.data';

export const LIBRARY_CARE: LibrarySeed[] = [
  {
    category: 'procedure',
    subcategory: 'botox',
    keywords: ['보톡스', '시술 시간', '일상생활', '다운타임', 'botox', 'downtime'],
    ko: [
      '보톡스는 시술 시간이 얼마나 걸리고 바로 일상생활이 가능한가요?',
      '보톡스 주사 자체는 10분 정도이고 상담과 준비를 포함해 30분이면 충분합니다. 작은 멍이나 붉어짐 외에는 바로 일상생활이 가능하며, 효과는 3~7일 뒤부터 나타납니다. 드물게 눈꺼풀 처짐이 생기거나, 매우 드물게 삼킴·호흡 곤란이 생길 수 있어 이상이 있으면 즉시 연락 주셔야 합니다.',
    ],
    ja: [
      'ボトックスの施術時間はどのくらいですか？すぐに普段通り過ごせますか？',
      '注射自体は10分ほどで、カウンセリングと準備を含めても30分程度です。小さな内出血や赤み以外は施術直後から普段通りお過ごしいただけ、効果は3〜7日後から現れます。まれにまぶたが下がることがあり、ごくまれに飲み込みにくさや呼吸のしづらさが出ることもあるため、異常があればすぐにご連絡ください。',
    ],
    en: [
      'How long does Botox take, and can I go back to normal right away?',
      'The injections take about 10 minutes, around 30 minutes including consultation. Apart from small bruises or redness you can resume normal activities immediately; results appear after 3–7 days. Rarely the eyelid can droop, and very rarely swallowing or breathing difficulty can occur — contact us immediately if anything feels wrong.',
    ],
    zh: [
      '肉毒素治疗要多久？做完可以马上正常生活吗？',
      '注射本身约10分钟，包括面诊和准备约30分钟。除了可能有小淤青或发红外，做完即可正常生活，效果在3～7天后出现。少数情况下可能出现眼睑下垂，极少数会出现吞咽或呼吸困难，如有异常请立即联系我们。',
    ],
    'zh-TW': [
      '肉毒桿菌療程要多久？做完可以馬上正常生活嗎？',
      '注射本身約10分鐘，含諮詢與準備約30分鐘。除了可能有小瘀青或泛紅，做完就能正常生活，效果約3～7天後出現。少數可能出現眼皮下垂，極少數會有吞嚥或呼吸困難，若有異常請立即與我們聯絡喔。',
    ],
    vi: [
      'Tiêm Botox mất bao lâu và có sinh hoạt bình thường ngay được không ạ?',
      'Dạ, tiêm chỉ khoảng 10 phút, tính cả tư vấn và chuẩn bị khoảng 30 phút. Ngoài vết bầm nhỏ hoặc đỏ nhẹ, chị/anh sinh hoạt bình thường ngay được; hiệu quả xuất hiện sau 3–7 ngày. Hiếm khi bị sụp mí, rất hiếm khi khó nuốt hoặc khó thở — nếu có gì bất thường chị/anh báo ngay cho phòng khám ạ.',
    ],
  },
  {
    category: 'procedure',
    subcategory: 'filler_safety',
    keywords: ['필러', '부작용', '혈관 폐색', '괴사', '안전', 'filler', 'side effects'],
    ko: [
      '필러 부작용이 걱정돼요. 안전한가요?',
      '흔한 부작용은 붓기와 멍으로 대부분 1~2주 안에 사라집니다. 드물지만 필러가 혈관을 막는 혈관 폐색이 생기면 피부 괴사가 올 수 있고, 아주 드물게 실명까지 이어질 수 있습니다. 데이뷰의원은 정품 히알루론산 필러와 캐뉼라를 사용하고, 응급 시 녹이는 주사(히알루로니다제)를 항상 준비해 두고 있습니다. 시술 후 통증이 심해지거나 피부색이 변하면 바로 연락 주세요.',
    ],
    ja: [
      'ヒアルロン酸フィラーの副作用が心配です。安全ですか？',
      'よくある副作用は腫れと内出血で、ほとんどは1〜2週間で治まります。まれにフィラーが血管を塞ぐ「血管閉塞」が起きると皮膚壊死につながることがあり、ごくまれに失明に至ることもございます。当院では正規品のヒアルロン酸とカニューレを使用し、緊急時の溶解注射（ヒアルロニダーゼ）を常に備えております。施術後に痛みが強くなったり肌の色が変わった場合は、すぐにご連絡ください。',
    ],
    en: [
      'I am worried about filler side effects. Is it safe?',
      'Common side effects are swelling and bruising, which usually settle within 1–2 weeks. Rarely, filler can block a blood vessel (vascular occlusion), which can cause skin necrosis and, very rarely, blindness. We use genuine hyaluronic acid fillers with blunt cannulas and always keep the dissolving enzyme (hyaluronidase) ready for emergencies. If pain increases or the skin changes color after treatment, contact us right away.',
    ],
    zh: [
      '担心玻尿酸的副作用，安全吗？',
      '常见副作用是肿胀和淤青，一般1～2周内消退。少数情况下玻尿酸堵塞血管（血管栓塞）可能导致皮肤坏死，极少数甚至导致失明。我们使用正品玻尿酸和钝针，并常备溶解酶（透明质酸酶）以应对紧急情况。治疗后如疼痛加剧或皮肤颜色改变，请立即联系我们。',
    ],
    'zh-TW': [
      '擔心玻尿酸的副作用，安全嗎？',
      '常見副作用是腫脹和瘀青，通常1～2週內消退。少數情況下玻尿酸阻塞血管（血管栓塞）可能造成皮膚壞死，極少數甚至導致失明。我們使用正品玻尿酸與鈍針，並隨時備有溶解酶（玻尿酸酶）以備緊急狀況。療程後若疼痛加劇或膚色改變，請立刻與我們聯絡喔。',
    ],
    vi: [
      'Em lo tác dụng phụ của filler, có an toàn không ạ?',
      'Dạ, tác dụng phụ thường gặp là sưng và bầm, thường hết trong 1–2 tuần. Hiếm khi filler làm tắc mạch máu, có thể gây hoại tử da và rất hiếm khi gây mù. Phòng khám dùng filler axit hyaluronic chính hãng với kim đầu tù (cannula) và luôn chuẩn bị sẵn thuốc tiêu filler (hyaluronidase) cho trường hợp khẩn cấp. Sau khi tiêm nếu đau tăng hoặc da đổi màu, chị/anh liên hệ ngay ạ.',
    ],
  },
  {
    category: 'procedure',
    subcategory: 'lifting',
    keywords: ['울쎄라', '슈링크', '차이', '리프팅', 'ulthera', 'shurink', 'HIFU'],
    ko: [
      '울쎄라와 슈링크는 뭐가 다른가요?',
      '둘 다 고강도 집속 초음파(HIFU) 리프팅입니다. 울쎄라는 초음파 영상으로 피부층을 직접 보며 깊은 근막층까지 시술해 효과가 6개월~1년 정도로 길지만 통증이 큰 편입니다. 슈링크 유니버스는 통증과 비용 부담이 적어 한두 달 간격의 유지 관리에 좋습니다. 두 시술 모두 드물게 화상이나 신경 손상이 생길 수 있어 경험 많은 의료진이 에너지를 조절해 시술합니다.',
    ],
    ja: [
      'ウルセラとシュリンクの違いは何ですか？',
      'どちらも高密度焦点式超音波（HIFU）によるリフトアップです。ウルセラは超音波画像で皮膚の層を確認しながら深いSMAS層まで照射するため効果が6か月〜1年と長い一方、痛みは強めです。シュリンクユニバースは痛みと費用の負担が少なく、1〜2か月ごとのメンテナンスに適しています。どちらもまれにやけどや神経損傷が起こりうるため、経験豊富な医師が出力を調整して施術いたします。',
    ],
    en: [
      'What is the difference between Ulthera and Shurink?',
      'Both are HIFU (focused ultrasound) lifting treatments. Ulthera uses real-time ultrasound imaging to treat down to the deep SMAS layer, so results last longer (6–12 months) but it is more painful. Shurink Universe is gentler and more affordable, ideal for maintenance every 1–2 months. Both can rarely cause burns or nerve injury, so our experienced doctors adjust the energy carefully.',
    ],
    zh: [
      '超声刀（Ulthera）和超声炮（Shurink）有什么区别？',
      '两者都是高强度聚焦超声（HIFU）提升项目。Ulthera可通过实时超声影像看到皮肤层次，作用到深层SMAS筋膜，效果可维持6个月～1年，但疼痛感较强。Shurink Universe疼痛和费用负担较小，适合每1～2个月做一次维持。两者都有极少数烫伤或神经损伤的风险，因此由经验丰富的医生调整能量操作。',
    ],
    'zh-TW': [
      'Ulthera音波拉提和Shurink有什麼不同？',
      '兩者都是高強度聚焦超音波（HIFU）拉提。Ulthera能透過即時超音波影像看到皮膚層次，作用到深層SMAS筋膜，效果可維持6個月～1年，但痛感較明顯。Shurink Universe疼痛與費用負擔較小，適合每1～2個月保養一次。兩者都有極少數燙傷或神經損傷的風險，所以由經驗豐富的醫師調整能量施打喔。',
    ],
    vi: [
      'Ulthera và Shurink khác nhau thế nào ạ?',
      'Dạ, cả hai đều là nâng cơ bằng sóng siêu âm hội tụ (HIFU). Ulthera có hình ảnh siêu âm trực tiếp, tác động đến lớp cân cơ SMAS sâu nên hiệu quả kéo dài 6 tháng–1 năm nhưng đau hơn. Shurink Universe ít đau và chi phí nhẹ hơn, phù hợp duy trì mỗi 1–2 tháng. Cả hai hiếm khi có thể gây bỏng hoặc tổn thương thần kinh, vì vậy bác sĩ giàu kinh nghiệm sẽ điều chỉnh năng lượng cẩn thận ạ.',
    ],
  },
  {
    category: 'procedure',
    subcategory: 'doctor',
    keywords: ['의사', '원장', '시술자', '전문의', 'doctor'],
    ko: [
      '시술은 누가 직접 하나요?',
      '모든 주사·레이저·리프팅 시술은 피부과 진료 경력이 풍부한 원장님이 상담부터 시술까지 직접 진행합니다. 아쿠아필 같은 피부 관리는 전문 관리사가 담당합니다.',
    ],
    ja: [
      '施術は誰が行いますか？',
      '注射・レーザー・リフトアップなどの施術はすべて、皮膚科診療の経験豊富な院長がカウンセリングから施術まで直接担当いたします。アクアピーリングなどのスキンケアは専門スタッフが担当いたします。',
    ],
    en: [
      'Who performs the treatment?',
      'All injections, laser and lifting treatments are performed by our experienced physicians themselves, from consultation to treatment. Skin care such as the aqua peel is done by our licensed aestheticians.',
    ],
    zh: ['治疗由谁亲自操作？', '所有注射、激光和提升项目都由皮肤科经验丰富的院长从面诊到治疗亲自操作。水氧清洁等皮肤管理由专业护理师负责。'],
    'zh-TW': ['療程是由誰親自施打？', '所有注射、雷射和拉提療程都由皮膚科經驗豐富的院長從諮詢到施打全程親自負責。水飛梭等皮膚保養則由專業美容師負責喔。'],
    vi: [
      'Ai là người trực tiếp thực hiện ạ?',
      'Dạ, tất cả các liệu trình tiêm, laser và nâng cơ đều do bác sĩ giám đốc giàu kinh nghiệm da liễu trực tiếp tư vấn và thực hiện. Các liệu trình chăm sóc da như Aqua peel do chuyên viên chăm sóc da đảm nhận ạ.',
    ],
  },
  {
    category: 'aftercare',
    subcategory: 'wash_makeup',
    keywords: ['세안', '화장', '메이크업', '시술 후', 'makeup', 'wash'],
    ko: [
      '시술 후 세안과 화장은 언제부터 할 수 있나요?',
      '보톡스·레이저토닝·피코토닝은 당일 저녁부터 가볍게 세안할 수 있고 다음 날부터 화장이 가능합니다. 필러·스킨부스터는 당일 세안을 피하고 다음 날부터 세안과 화장을 해 주세요. 시술 부위를 세게 문지르지 말고 자외선 차단제를 꼭 발라 주세요.',
    ],
    ja: [
      '施術後、洗顔やメイクはいつからできますか？',
      'ボトックス・レーザートーニング・ピコトーニングは当日の夜から優しく洗顔でき、翌日からメイク可能です。フィラー・スキンブースターは当日の洗顔を避け、翌日から洗顔・メイクをしてください。施術部位は強くこすらず、日焼け止めを必ず塗ってください。',
    ],
    en: [
      'When can I wash my face and wear makeup after treatment?',
      'After Botox, laser toning or pico toning you can gently wash that evening and wear makeup from the next day. After filler or skin boosters, skip washing on the day and resume washing and makeup the next day. Do not rub the treated area, and always use sunscreen.',
    ],
    zh: [
      '治疗后什么时候可以洗脸和化妆？',
      '肉毒素、激光嫩肤、皮秒激光当天晚上可以轻柔洗脸，第二天可以化妆。玻尿酸和水光类注射当天请避免洗脸，第二天起可以洗脸和化妆。请勿用力揉搓治疗部位，并务必涂抹防晒。',
    ],
    'zh-TW': [
      '療程後什麼時候可以洗臉和化妝？',
      '肉毒桿菌、雷射淨膚、皮秒雷射當天晚上可以輕柔洗臉，隔天可以化妝。玻尿酸和水光類注射當天請避免洗臉，隔天起就能洗臉化妝。請不要用力搓揉療程部位，也一定要擦防曬喔。',
    ],
    vi: [
      'Sau khi làm bao lâu thì được rửa mặt và trang điểm ạ?',
      'Dạ, sau Botox, laser toning, pico toning chị/anh có thể rửa mặt nhẹ nhàng vào tối hôm đó và trang điểm từ hôm sau. Sau tiêm filler hoặc skin booster thì tránh rửa mặt trong ngày, từ hôm sau mới rửa mặt và trang điểm. Không chà xát vùng điều trị và nhớ thoa kem chống nắng ạ.',
    ],
  },
  {
    category: 'aftercare',
    subcategory: 'flight',
    keywords: ['비행기', '귀국', '출국', '일정', 'flight'],
    ko: [
      '시술 후 바로 비행기를 타고 귀국해도 되나요?',
      '보톡스·레이저·리프팅은 시술 다음 날 비행기를 타셔도 괜찮습니다. 필러와 스킨부스터는 붓기와 멍이 생길 수 있고 혹시 모를 이상 반응을 확인하기 위해 시술 후 최소 2~3일은 한국에 머무르시길 권해 드립니다. 귀국 일정을 알려 주시면 시술 순서를 맞춰 드립니다.',
    ],
    ja: [
      '施術後すぐ飛行機で帰国しても大丈夫ですか？',
      'ボトックス・レーザー・リフトアップは施術翌日の搭乗で問題ございません。フィラーやスキンブースターは腫れや内出血が出ることがあり、万一の異常を確認するため施術後最低2〜3日は韓国にご滞在いただくことをおすすめします。帰国日程をお知らせいただければ、施術の順番を調整いたします。',
    ],
    en: [
      'Can I fly home right after my treatment?',
      'After Botox, laser or lifting treatments, flying the next day is fine. After fillers or skin boosters we recommend staying in Korea for at least 2–3 days, since swelling or bruising can appear and we want to be able to check any unusual reaction. Tell us your flight date and we will plan the order of treatments around it.',
    ],
    zh: [
      '治疗后可以马上坐飞机回国吗？',
      '肉毒素、激光、提升类项目治疗第二天就可以乘机。玻尿酸和水光类注射可能出现肿胀淤青，为确认有无异常反应，建议治疗后至少在韩国停留2～3天。告诉我们您的回国日期，我们会帮您安排治疗顺序。',
    ],
    'zh-TW': [
      '療程後可以馬上搭飛機回國嗎？',
      '肉毒桿菌、雷射、拉提類療程隔天就可以搭機。玻尿酸和水光類注射可能會腫或瘀青，為了確認有無異常反應，建議療程後至少在韓國停留2～3天。告訴我們您的回國日期，我們會幫您安排療程順序喔。',
    ],
    vi: [
      'Làm xong có thể bay về nước ngay không ạ?',
      'Dạ, sau Botox, laser hoặc nâng cơ thì hôm sau bay được ạ. Với filler và skin booster, có thể bị sưng bầm và cần theo dõi phản ứng bất thường, nên phòng khám khuyên chị/anh ở lại Hàn Quốc ít nhất 2–3 ngày. Chị/anh cho em biết lịch bay, em sẽ sắp xếp thứ tự liệu trình phù hợp ạ.',
    ],
  },
  {
    category: 'aftercare',
    subcategory: 'followup',
    keywords: ['사후관리', '귀국 후', '문제', '상담', 'follow-up'],
    ko: [
      '귀국한 뒤에 문제가 생기면 상담받을 수 있나요?',
      '네, 귀국 후에도 이 채팅으로 사진과 증상을 보내 주시면 원장님이 확인 후 답변해 드립니다. 피부색 변화, 심해지는 통증, 시야 이상, 삼킴·호흡 곤란처럼 응급 증상이 있으면 기다리지 말고 바로 현지 응급실을 방문해 주세요.',
    ],
    ja: [
      '帰国後に問題があった場合も相談できますか？',
      'はい、帰国後もこのチャットで写真と症状をお送りいただければ、院長が確認してご返信いたします。肌の色の変化、強くなる痛み、視界の異常、飲み込みにくさや呼吸のしづらさなど緊急の症状がある場合は、お待ちにならずすぐに現地の救急外来を受診してください。',
    ],
    en: [
      'Can I get advice if something goes wrong after I return home?',
      'Yes. Send photos and a description of your symptoms in this chat and our doctor will review and reply. For emergency signs — skin color changes, worsening pain, vision problems, difficulty swallowing or breathing — do not wait: go to a local emergency room immediately.',
    ],
    zh: [
      '回国后如果出现问题还能咨询吗？',
      '可以，回国后在这个聊天里发送照片和症状，院长确认后会回复您。如出现皮肤颜色改变、疼痛加剧、视力异常、吞咽或呼吸困难等紧急症状，请不要等待，立即前往当地急诊。',
    ],
    'zh-TW': [
      '回國後如果有問題還能諮詢嗎？',
      '可以的，回國後在這個聊天室傳照片和症狀給我們，院長確認後會回覆您。若有膚色改變、疼痛加劇、視力異常、吞嚥或呼吸困難等緊急症狀，請不要等待，立即前往當地急診喔。',
    ],
    vi: [
      'Về nước rồi nếu có vấn đề thì còn được tư vấn không ạ?',
      'Dạ được ạ. Chị/anh gửi ảnh và mô tả triệu chứng qua tin nhắn này, bác sĩ sẽ xem và trả lời. Nếu có dấu hiệu cấp cứu như da đổi màu, đau tăng dần, rối loạn thị lực, khó nuốt hoặc khó thở, đừng chờ đợi mà hãy đến ngay phòng cấp cứu tại địa phương ạ.',
    ],
  },
  {
    category: 'foreigner',
    subcategory: 'tax_refund',
    keywords: ['택스리펀', '부가세 환급', '환급', 'tax refund', 'VAT refund'],
    ko: [
      '외국인 부가세 환급(택스리펀)이 되나요?',
      '네, 외국인 관광객 미용 시술 부가세 환급 제도 대상 시술은 결제 시 여권을 보여 주시면 환급 서류를 발급해 드립니다. 출국할 때 공항 환급 창구나 키오스크에서 부가세를 돌려받으실 수 있습니다. 환급 대상과 기간은 정부 정책에 따라 바뀔 수 있어 결제 전에 다시 안내해 드립니다.',
    ],
    ja: [
      '外国人の付加価値税還付（タックスリファンド）は受けられますか？',
      'はい、外国人観光客向けの美容施術付加価値税還付制度の対象施術は、お会計時にパスポートをご提示いただければ還付書類を発行いたします。出国時に空港の還付カウンターまたはキオスクで払い戻しを受けられます。対象や期間は政府の方針により変わる場合がございますので、お会計前に改めてご案内いたします。',
    ],
    en: [
      'Can I get a tax refund as a foreigner?',
      'Yes. For treatments covered by the VAT refund scheme for foreign tourists, show your passport when paying and we will issue the refund form. You can claim the VAT back at the airport refund counter or kiosk when you leave Korea. Eligibility and the scheme period depend on government policy, so we will confirm before you pay.',
    ],
    zh: [
      '外国人可以办理退税吗？',
      '可以，属于外国游客美容医疗增值税退税制度范围的项目，付款时出示护照即可开具退税单据。出境时可在机场退税柜台或自助机办理退税。退税范围和期限可能随政府政策调整，付款前我们会再次确认告知。',
    ],
    'zh-TW': [
      '外國人可以辦理退稅嗎？',
      '可以的，屬於外國觀光客美容醫療退稅制度範圍的療程，結帳時出示護照就能開立退稅單據，出境時可在機場退稅櫃檯或自助機辦理。退稅範圍與期限可能依政府政策調整，結帳前我們會再次確認喔。',
    ],
    vi: [
      'Người nước ngoài có được hoàn thuế (tax refund) không ạ?',
      'Dạ được ạ. Với các liệu trình thuộc chương trình hoàn thuế VAT dịch vụ thẩm mỹ cho khách du lịch nước ngoài, chị/anh xuất trình hộ chiếu khi thanh toán, phòng khám sẽ cấp giấy tờ hoàn thuế. Khi xuất cảnh, chị/anh nhận lại VAT tại quầy hoặc máy hoàn thuế ở sân bay. Đối tượng và thời hạn có thể thay đổi theo chính sách, em sẽ xác nhận lại trước khi thanh toán ạ.',
    ],
  },
  {
    category: 'foreigner',
    subcategory: 'interpreter',
    keywords: ['통역', '통역사', '일본어', '중국어', '영어', 'interpreter'],
    ko: [
      '통역 서비스가 있나요?',
      '일본어·중국어·영어 상담 코디네이터가 상주하고 있어 상담부터 시술, 결제까지 통역을 도와드립니다. 베트남어는 예약 시 미리 말씀해 주시면 전화 통역으로 도와드립니다. 통역 비용은 따로 받지 않습니다.',
    ],
    ja: [
      '通訳サービスはありますか？',
      '日本語・中国語・英語のコーディネーターが常駐しており、カウンセリングから施術、お会計まで通訳いたします。ベトナム語はご予約時にお知らせいただければ電話通訳でサポートいたします。通訳料は無料です。',
    ],
    en: [
      'Do you have interpreters?',
      'Japanese, Chinese and English-speaking coordinators are on site to interpret from consultation through treatment and payment. For Vietnamese, let us know when booking and we will arrange phone interpretation. Interpretation is free of charge.',
    ],
    zh: ['有翻译服务吗？', '诊所常驻日语、中文、英语咨询协调员，从面诊、治疗到付款全程为您翻译。越南语需在预约时提前告知，我们会安排电话翻译。翻译服务免费。'],
    'zh-TW': [
      '有翻譯服務嗎？',
      '診所有日語、中文、英語諮詢人員常駐，從諮詢、療程到結帳全程協助翻譯。越南語請在預約時先告知，我們會安排電話口譯。翻譯服務不另外收費喔。',
    ],
    vi: [
      'Phòng khám có phiên dịch không ạ?',
      'Dạ, phòng khám có điều phối viên tiếng Nhật, tiếng Trung và tiếng Anh thường trực, hỗ trợ phiên dịch từ tư vấn, làm thủ thuật đến thanh toán. Với tiếng Việt, chị/anh báo trước khi đặt lịch, phòng khám sẽ sắp xếp phiên dịch qua điện thoại. Dịch vụ phiên dịch miễn phí ạ.',
    ],
  },
  {
    category: 'foreigner',
    subcategory: 'payment',
    keywords: ['결제', '카드', '알리페이', '위챗페이', '현금', 'payment'],
    ko: [
      '어떤 결제 수단을 사용할 수 있나요?',
      '해외 신용카드(비자·마스터·JCB·아멕스·유니온페이), 원화 현금, 알리페이, 위챗페이로 결제하실 수 있습니다. 외화 현금은 받지 않으니 원화로 환전해 오시거나 카드를 이용해 주세요.',
    ],
    ja: [
      'どの支払い方法が使えますか？',
      '海外発行のクレジットカード（VISA・Mastercard・JCB・AMEX・銀聯）、韓国ウォン現金、Alipay、WeChat Payがご利用いただけます。外貨現金はお受けできませんので、ウォンへの両替またはカードをご利用ください。',
    ],
    en: [
      'Which payment methods do you accept?',
      'We accept international credit cards (Visa, Mastercard, JCB, Amex, UnionPay), Korean won cash, Alipay and WeChat Pay. We cannot accept foreign cash, so please exchange to KRW or pay by card.',
    ],
    zh: [
      '可以用哪些付款方式？',
      '可以使用境外信用卡（Visa、万事达、JCB、美国运通、银联）、韩元现金、支付宝和微信支付。不收外币现金，请提前兑换韩元或刷卡支付。',
    ],
    'zh-TW': [
      '可以用哪些付款方式？',
      '可使用海外信用卡（Visa、Mastercard、JCB、美國運通、銀聯）、韓元現金、支付寶和微信支付。不收外幣現金，請先換成韓元或刷卡喔。',
    ],
    vi: [
      'Phòng khám nhận những hình thức thanh toán nào ạ?',
      'Dạ, phòng khám nhận thẻ tín dụng quốc tế (Visa, Mastercard, JCB, Amex, UnionPay), tiền mặt won Hàn Quốc, Alipay và WeChat Pay. Phòng khám không nhận tiền mặt ngoại tệ, chị/anh vui lòng đổi sang won hoặc thanh toán bằng thẻ ạ.',
    ],
  },
  {
    category: 'foreigner',
    subcategory: 'passport',
    keywords: ['여권', '신분증', '준비물', 'passport', 'ID'],
    ko: [
      '방문할 때 여권을 가져가야 하나요?',
      '네, 꼭 여권을 지참해 주세요. 진료 기록 작성과 본인 확인, 부가세 환급 서류 발급에 여권이 필요합니다. 복용 중인 약이 있으면 약 이름을 메모해 오시면 상담에 도움이 됩니다.',
    ],
    ja: [
      '来院時にパスポートは必要ですか？',
      'はい、必ずパスポートをお持ちください。カルテ作成とご本人確認、付加価値税還付書類の発行に必要です。服用中のお薬があれば、お薬の名前をメモしてお持ちいただくとカウンセリングがスムーズです。',
    ],
    en: [
      'Do I need to bring my passport?',
      'Yes, please bring your passport. We need it for your medical record, identity check and the VAT refund form. If you take any medication, a note with the drug names helps the consultation.',
    ],
    zh: ['到诊所需要带护照吗？', '需要，请务必携带护照。建立病历、本人确认以及开具退税单据都需要护照。如正在服用药物，请记下药品名称带来，方便面诊。'],
    'zh-TW': ['到診所需要帶護照嗎？', '需要，請務必攜帶護照。建立病歷、本人確認以及開立退稅單據都會用到。若有在服用藥物，記下藥名帶來會讓諮詢更順利喔。'],
    vi: [
      'Khi đến có cần mang hộ chiếu không ạ?',
      'Dạ có, chị/anh nhớ mang theo hộ chiếu ạ. Hộ chiếu cần cho việc lập hồ sơ bệnh án, xác nhận danh tính và cấp giấy hoàn thuế VAT. Nếu đang dùng thuốc, chị/anh ghi lại tên thuốc mang theo để tư vấn thuận tiện hơn ạ.',
    ],
  },
  {
    category: 'foreigner',
    subcategory: 'consultation',
    keywords: ['상담', '상담비', '무료 상담', '사진 상담', 'consultation'],
    ko: [
      '상담만 받아도 되나요? 상담 비용이 있나요?',
      '원장님 상담은 무료이며 상담만 받고 가셔도 괜찮습니다. 방문 전에 이 채팅으로 정면·측면 얼굴 사진을 보내 주시면 대략적인 시술 계획과 예상 비용을 미리 안내해 드립니다. 최종 시술 계획은 대면 진료 후 결정됩니다.',
    ],
    ja: [
      'カウンセリングだけでも大丈夫ですか？費用はかかりますか？',
      '院長のカウンセリングは無料で、カウンセリングのみのご来院も歓迎しております。ご来院前にこのチャットで正面・横顔のお写真をお送りいただければ、おおよその施術プランとお見積もりを事前にご案内いたします。最終的な施術内容は対面診察後に決定いたします。',
    ],
    en: [
      'Can I come just for a consultation? Is there a fee?',
      'Consultations with our doctor are free, and you are welcome to come for a consultation only. If you send front and side photos of your face in this chat beforehand, we can suggest a rough treatment plan and estimate. The final plan is decided after an in-person examination.',
    ],
    zh: [
      '可以只做咨询吗？要收咨询费吗？',
      '院长面诊免费，只咨询不做治疗也完全没问题。来院前在这个聊天里发送正面和侧面照片，我们可以提前为您提供大致的治疗方案和预估费用，最终方案以面诊后为准。',
    ],
    'zh-TW': [
      '可以只諮詢嗎？要收諮詢費嗎？',
      '院長諮詢免費，只諮詢不做療程也完全沒問題。來診前在這個聊天室傳正面和側面照片給我們，就能先提供大致的療程規劃和預估費用，最終方案以當面看診後為準喔。',
    ],
    vi: [
      'Chỉ đến tư vấn thôi có được không ạ? Có mất phí tư vấn không ạ?',
      'Dạ, tư vấn với bác sĩ hoàn toàn miễn phí và chị/anh chỉ đến tư vấn cũng được ạ. Trước khi đến, chị/anh gửi ảnh mặt chính diện và nghiêng qua tin nhắn này, em sẽ báo trước kế hoạch điều trị và chi phí dự kiến. Kế hoạch cuối cùng sẽ được quyết định sau khi bác sĩ thăm khám trực tiếp ạ.',
    ],
  },
];
