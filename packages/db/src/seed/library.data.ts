// Response library of daybeauclinic: Korean Q&A with translations. Pricing, booking and location
// here; procedure, aftercare and foreigner topics in library-care.data.ts.
import { LIBRARY_CARE } from './library-care.data';

export type QA = readonly [question: string, answer: string];

export interface LibrarySeed {
  category: 'pricing' | 'booking' | 'location' | 'procedure' | 'aftercare' | 'foreigner';
  subcategory: string;
  keywords: string[];
  ko: QA;
  ja: QA;
  en: QA;
  zh: QA;
  'zh-TW': QA;
  vi: QA;
}

const LIBRARY_BASICS: LibrarySeed[] = [
  {
    category: 'pricing',
    subcategory: 'botox',
    keywords: ['보톡스', '이마', '가격', '비용', 'botox', 'price'],
    ko: [
      '이마 보톡스 가격이 얼마인가요?',
      '이마 보톡스는 국산(나보타) 50유닛 기준 정가 99,000원이며, 현재 이벤트가 59,000원입니다. 수입(엘러간 보톡스) 50유닛은 220,000원입니다. 모든 가격은 부가세 포함입니다.',
    ],
    ja: [
      '額ボトックスの料金はいくらですか？',
      '額ボトックスは韓国製（ナボタ）50単位で通常99,000ウォン、現在はイベント価格59,000ウォンです。輸入製（アラガン社ボトックス）50単位は220,000ウォンです。すべて税込価格です。',
    ],
    en: [
      'How much is forehead Botox?',
      'Forehead Botox with Korean toxin (Nabota), 50 units, is regularly KRW 99,000 and currently KRW 59,000 during our event. Imported Allergan Botox, 50 units, is KRW 220,000. All prices include VAT.',
    ],
    zh: [
      '额头肉毒素多少钱？',
      '额头肉毒素使用韩国产（Nabota）50单位，原价99,000韩元，目前活动价59,000韩元；进口（艾尔建Botox）50单位为220,000韩元。所有价格均含增值税。',
    ],
    'zh-TW': [
      '額頭肉毒桿菌多少錢？',
      '額頭肉毒桿菌使用韓國製（Nabota）50單位，原價99,000韓元，目前活動價59,000韓元；進口（艾爾建Botox）50單位為220,000韓元。所有價格皆含稅。',
    ],
    vi: [
      'Botox trán giá bao nhiêu ạ?',
      'Dạ, Botox trán loại Hàn Quốc (Nabota) 50 đơn vị giá gốc 99.000 won, hiện đang ưu đãi còn 59.000 won. Loại nhập khẩu (Botox Allergan) 50 đơn vị giá 220.000 won. Tất cả giá đã bao gồm VAT ạ.',
    ],
  },
  {
    category: 'pricing',
    subcategory: 'vat',
    keywords: ['부가세', 'VAT', '세금', '가격', 'tax'],
    ko: [
      '안내받은 가격에 부가세가 포함되어 있나요?',
      '네, 데이뷰의원에서 안내해 드리는 모든 시술 가격은 부가세(VAT 10%) 포함 금액입니다. 추가 비용으로는 선택 시 수면마취비 등이 있으며, 상담 때 미리 알려 드립니다.',
    ],
    ja: [
      '案内された料金は税込ですか？',
      'はい、当院でご案内している施術料金はすべて付加価値税（VAT10%）込みの金額です。睡眠麻酔などオプションをご希望の場合のみ追加料金がかかり、事前にカウンセリングでお伝えいたします。',
    ],
    en: [
      'Do the prices include VAT?',
      'Yes. Every price we quote includes 10% VAT. The only extra costs are optional add-ons such as sedation, and we always tell you about them during the consultation.',
    ],
    zh: ['报价含增值税吗？', '是的，我们告知的所有项目价格都已包含10%增值税。只有选择睡眠麻醉等附加项目时才会另外收费，面诊时会提前告知。'],
    'zh-TW': ['報價有含稅嗎？', '有的，我們提供的所有療程價格都已包含10%營業稅（VAT）。只有選擇睡眠麻醉等加購項目才會另外收費，諮詢時會事先告知喔。'],
    vi: [
      'Giá đã bao gồm VAT chưa ạ?',
      'Dạ, tất cả giá phòng khám báo đều đã bao gồm VAT 10%. Chi phí phát sinh chỉ có khi chị/anh chọn thêm dịch vụ như gây mê nhẹ, và em sẽ báo trước khi tư vấn ạ.',
    ],
  },
  {
    category: 'pricing',
    subcategory: 'event',
    keywords: ['이벤트', '할인', '기간', 'event', 'discount'],
    ko: [
      '이벤트 가격은 언제까지인가요?',
      '이벤트 기간은 시술마다 다르며, 이벤트 종료일 전까지 예약하고 시술받으시면 이벤트가가 적용됩니다. 원하시는 시술명을 알려 주시면 현재 적용 가능한 가격과 기간을 정확히 안내해 드리겠습니다.',
    ],
    ja: [
      'イベント価格はいつまでですか？',
      'イベント期間は施術ごとに異なり、終了日までにご予約・施術を受けられた場合にイベント価格が適用されます。ご希望の施術名を教えていただければ、現在の価格と期間を正確にご案内いたします。',
    ],
    en: [
      'Until when is the event price valid?',
      'Event periods differ by treatment; the event price applies if you are treated before the event ends. Tell me which treatment you are interested in and I will give you the exact current price and end date.',
    ],
    zh: ['活动价到什么时候？', '每个项目的活动时间不同，在活动结束日前完成预约并治疗即可享受活动价。告诉我您想做的项目，我为您确认目前的价格和活动期限。'],
    'zh-TW': ['活動價到什麼時候？', '每個療程的活動期間不同，只要在活動結束前預約並完成療程就能享有活動價。告訴我您想做的療程，我幫您確認目前的價格和期限喔。'],
    vi: [
      'Giá ưu đãi áp dụng đến khi nào ạ?',
      'Dạ, thời gian ưu đãi khác nhau tùy liệu trình; chị/anh làm thủ thuật trước ngày kết thúc sẽ được áp dụng giá ưu đãi. Chị/anh cho em biết liệu trình quan tâm, em báo chính xác giá và thời hạn hiện tại ạ.',
    ],
  },
  {
    category: 'booking',
    subcategory: 'how',
    keywords: ['예약', '예약 방법', 'booking', 'reservation'],
    ko: [
      '예약은 어떻게 하나요?',
      '지금 이 채팅으로 원하시는 시술, 희망 날짜와 시간, 성함(여권 영문명), 연락처를 알려 주시면 바로 예약을 도와드립니다. 예약이 확정되면 확인 메시지를 보내 드립니다.',
    ],
    ja: [
      '予約はどうすればいいですか？',
      'このチャットでご希望の施術、日時、お名前（パスポートのローマ字表記）、ご連絡先をお知らせいただければ、すぐにご予約をお取りいたします。確定しましたら確認メッセージをお送りいたします。',
    ],
    en: [
      'How do I book an appointment?',
      'Just send us, right here in this chat, the treatment you want, your preferred date and time, your name as on your passport, and a contact number. We will confirm the booking with a message.',
    ],
    zh: ['怎么预约？', '直接在这个聊天里告诉我们想做的项目、希望的日期和时间、姓名（护照英文名）和联系方式，我们马上为您预约，确认后会发送确认信息。'],
    'zh-TW': [
      '要怎麼預約？',
      '直接在這個聊天室告訴我們想做的療程、希望的日期時間、姓名（護照英文名）和聯絡方式，我們馬上幫您預約，確認後會傳送確認訊息給您喔。',
    ],
    vi: [
      'Đặt lịch như thế nào ạ?',
      'Dạ, chị/anh chỉ cần nhắn ngay tại đây liệu trình muốn làm, ngày giờ mong muốn, họ tên (theo hộ chiếu) và số liên lạc, em sẽ đặt lịch ngay và gửi tin nhắn xác nhận ạ.',
    ],
  },
  {
    category: 'booking',
    subcategory: 'same_day',
    keywords: ['당일', '당일 예약', '워크인', 'walk-in', 'today'],
    ko: [
      '당일 예약이나 예약 없이 방문도 가능한가요?',
      '당일 예약도 빈 시간이 있으면 가능합니다. 다만 예약 없이 방문하시면 대기 시간이 길어질 수 있으니, 오시기 전에 채팅으로 가능한 시간을 먼저 확인해 주세요. 토요일은 특히 예약이 빨리 마감됩니다.',
    ],
    ja: [
      '当日予約や予約なしの来院はできますか？',
      '空きがあれば当日のご予約も可能です。ただし予約なしでご来院されると長くお待ちいただく場合がございますので、事前にチャットで空き状況をご確認ください。土曜日は特に早く埋まります。',
    ],
    en: [
      'Can I book for today or walk in?',
      'Same-day bookings are possible when we have openings. Walk-ins may have a long wait, so please check availability in this chat before coming. Saturdays fill up especially fast.',
    ],
    zh: ['可以当天预约或直接到店吗？', '有空档的话当天也可以预约。没有预约直接来可能需要等较久，来之前请先在聊天里确认可预约时间。周六预约特别紧张。'],
    'zh-TW': ['可以當天預約或直接過去嗎？', '有空檔的話當天也能預約。沒預約直接來可能要等比較久，來之前請先在聊天室確認時段喔。週六特別容易額滿。'],
    vi: [
      'Có thể đặt lịch trong ngày hoặc đến không hẹn trước không ạ?',
      'Dạ, nếu còn trống thì vẫn đặt lịch trong ngày được ạ. Đến không hẹn trước có thể phải chờ lâu, nên chị/anh nhắn em kiểm tra giờ trống trước nhé. Thứ Bảy thường kín lịch rất nhanh ạ.',
    ],
  },
  {
    category: 'booking',
    subcategory: 'change_cancel',
    keywords: ['예약 변경', '취소', '노쇼', 'cancel', 'reschedule'],
    ko: [
      '예약을 변경하거나 취소하려면 어떻게 하나요?',
      '예약 변경·취소는 이 채팅으로 예약일 하루 전까지 알려 주세요. 예약금을 내신 경우 하루 전까지 취소하시면 전액 환불되며, 당일 취소나 연락 없는 불참 시에는 예약금이 환불되지 않습니다.',
    ],
    ja: [
      '予約の変更・キャンセルはどうすればいいですか？',
      '変更・キャンセルは予約日の前日までにこのチャットでお知らせください。予約金をお支払いの場合、前日までのキャンセルは全額返金いたしますが、当日キャンセルや無断キャンセルの場合は返金できかねます。',
    ],
    en: [
      'How do I change or cancel my booking?',
      'Please let us know in this chat by the day before your appointment. If you paid a deposit, it is fully refunded when you cancel at least one day ahead; same-day cancellations and no-shows are not refunded.',
    ],
    zh: ['如何更改或取消预约？', '请最晚在预约前一天通过本聊天告知我们。如已支付定金，提前一天取消可全额退还；当天取消或未到店的，定金不予退还。'],
    'zh-TW': ['要怎麼更改或取消預約？', '請最晚在預約前一天透過這個聊天室告訴我們。已付訂金的話，前一天取消可全額退還；當天取消或未到診則不退還訂金喔。'],
    vi: [
      'Muốn đổi hoặc hủy lịch hẹn thì làm sao ạ?',
      'Dạ, chị/anh nhắn em qua đây chậm nhất một ngày trước lịch hẹn nhé. Nếu đã đặt cọc, hủy trước một ngày sẽ được hoàn cọc toàn bộ; hủy trong ngày hoặc không đến thì không hoàn cọc ạ.',
    ],
  },
  {
    category: 'booking',
    subcategory: 'deposit',
    keywords: ['예약금', '선결제', 'deposit'],
    ko: [
      '예약금이 있나요?',
      '대부분의 시술은 예약금 없이 예약하실 수 있습니다. 울쎄라·써마지처럼 고가 장비 시술은 예약금 100,000원을 받고 있으며, 시술 당일 결제 금액에서 차감됩니다. 결제 링크는 채팅으로 보내 드립니다.',
    ],
    ja: [
      '予約金は必要ですか？',
      'ほとんどの施術は予約金なしでご予約いただけます。ウルセラ・サーマクールなど高額な機器施術のみ予約金100,000ウォンを頂戴しており、施術当日のお会計から差し引きます。お支払いリンクはチャットでお送りいたします。',
    ],
    en: [
      'Is a deposit required?',
      'Most treatments can be booked without a deposit. High-end device treatments such as Ulthera and Thermage need a KRW 100,000 deposit, which is deducted from your bill on the day. We send the payment link in this chat.',
    ],
    zh: ['需要付定金吗？', '大部分项目无需定金即可预约。超声刀、热玛吉等高价仪器项目需支付100,000韩元定金，治疗当天从总金额中扣除。付款链接会通过聊天发给您。'],
    'zh-TW': [
      '需要付訂金嗎？',
      '大部分療程不用訂金就能預約。鳳凰電波（熱瑪吉）、音波拉提（Ulthera）等高價儀器療程需付100,000韓元訂金，療程當天從總金額扣除。付款連結會透過聊天傳給您。',
    ],
    vi: [
      'Có cần đặt cọc không ạ?',
      'Dạ, hầu hết liệu trình không cần đặt cọc. Riêng các liệu trình máy cao cấp như Ulthera, Thermage cần cọc 100.000 won và được trừ vào chi phí ngày làm. Em sẽ gửi link thanh toán qua tin nhắn ạ.',
    ],
  },
  {
    category: 'location',
    subcategory: 'address',
    keywords: ['위치', '주소', '오시는 길', '신논현역', 'location', 'address'],
    ko: [
      '병원 위치가 어디인가요?',
      '서울 강남구 강남대로 470, 9층입니다. 지하철 9호선·신분당선 신논현역 5번 출구에서 강남역 방향으로 약 50m 직진하시면 1층에 카페가 있는 건물이 보입니다. 2호선 강남역 11번 출구에서는 도보 7분 정도입니다.',
    ],
    ja: [
      'クリニックはどこにありますか？',
      'ソウル市江南区江南大路470の9階です。地下鉄9号線・新盆唐線「新論峴駅」5番出口から江南駅方面へ約50m直進すると、1階にカフェがある建物がございます。2号線「江南駅」11番出口からは徒歩約7分です。',
    ],
    en: [
      'Where is the clinic?',
      'We are on the 9th floor of 470 Gangnam-daero, Gangnam-gu, Seoul. From Sinnonhyeon Station (Line 9 / Shinbundang Line) Exit 5, walk about 50 m toward Gangnam Station — it is the building with a café on the ground floor. From Gangnam Station (Line 2) Exit 11 it is about a 7-minute walk.',
    ],
    zh: [
      '诊所在哪里？',
      '地址是首尔江南区江南大路470号9楼。从地铁9号线/新盆唐线新论岘站5号出口出来，朝江南站方向直走约50米，一楼有咖啡厅的大楼就是。从2号线江南站11号出口步行约7分钟。',
    ],
    'zh-TW': [
      '診所在哪裡？',
      '地址是首爾江南區江南大路470號9樓。從地鐵9號線/新盆唐線新論峴站5號出口出來，往江南站方向直走約50公尺，一樓有咖啡廳的大樓就是了。從2號線江南站11號出口步行約7分鐘。',
    ],
    vi: [
      'Phòng khám ở đâu ạ?',
      'Dạ, phòng khám ở tầng 9, số 470 Gangnam-daero, quận Gangnam, Seoul. Từ ga Sinnonhyeon (tuyến 9 / tuyến Shinbundang) cửa số 5, đi thẳng khoảng 50 m về hướng ga Gangnam, là tòa nhà có quán cà phê ở tầng 1. Từ ga Gangnam (tuyến 2) cửa số 11 đi bộ khoảng 7 phút ạ.',
    ],
  },
  {
    category: 'location',
    subcategory: 'airport',
    keywords: ['공항', '인천공항', '김포공항', '교통', 'airport'],
    ko: [
      '공항에서 병원까지 어떻게 가나요?',
      '김포공항에서는 지하철 9호선 급행을 타면 신논현역까지 환승 없이 약 30분 걸립니다. 인천공항에서는 공항철도로 김포공항역까지 가신 뒤 9호선 급행으로 갈아타시면 약 80분, 택시는 교통 상황에 따라 약 70~90분 정도 걸립니다.',
    ],
    ja: [
      '空港からクリニックまでどう行けばいいですか？',
      '金浦空港からは地下鉄9号線の急行で乗り換えなしで新論峴駅まで約30分です。仁川空港からは空港鉄道で金浦空港駅まで行き、9号線急行に乗り換えて約80分、タクシーの場合は交通状況により約70〜90分です。',
    ],
    en: [
      'How do I get to the clinic from the airport?',
      'From Gimpo Airport, the Line 9 express takes you directly to Sinnonhyeon Station in about 30 minutes. From Incheon Airport, take the AREX airport railway to Gimpo Airport Station and transfer to the Line 9 express (about 80 minutes in total); a taxi takes about 70–90 minutes depending on traffic.',
    ],
    zh: [
      '从机场怎么去诊所？',
      '从金浦机场乘坐地铁9号线急行，无需换乘约30分钟到新论岘站。从仁川机场先乘机场快线到金浦机场站，再换乘9号线急行，全程约80分钟；打车视路况约70～90分钟。',
    ],
    'zh-TW': [
      '從機場要怎麼去診所？',
      '從金浦機場搭地鐵9號線急行，不用轉乘約30分鐘就到新論峴站。從仁川機場先搭機場捷運到金浦機場站，再轉9號線急行，全程約80分鐘；搭計程車視路況約70～90分鐘。',
    ],
    vi: [
      'Từ sân bay đến phòng khám đi thế nào ạ?',
      'Dạ, từ sân bay Gimpo, chị/anh đi tàu tốc hành tuyến 9 thẳng đến ga Sinnonhyeon khoảng 30 phút. Từ sân bay Incheon, đi tàu AREX đến ga Sân bay Gimpo rồi đổi sang tuyến 9 tốc hành, tổng cộng khoảng 80 phút; đi taxi mất khoảng 70–90 phút tùy giao thông ạ.',
    ],
  },
  {
    category: 'location',
    subcategory: 'parking',
    keywords: ['주차', '주차장', '발렛', 'parking'],
    ko: [
      '주차 가능한가요?',
      '건물 지하 2~4층 주차장을 이용하실 수 있고, 시술받으신 분은 데스크에서 2시간 무료 주차 등록을 해 드립니다. 주말에는 주차장이 혼잡하니 가급적 대중교통을 이용해 주세요.',
    ],
    ja: [
      '駐車場はありますか？',
      '建物の地下2〜4階に駐車場がございます。施術を受けられた方は受付で2時間無料の登録をいたします。週末は混雑しますので、なるべく公共交通機関をご利用ください。',
    ],
    en: [
      'Is there parking?',
      'Yes, on B2–B4 of our building. If you have a treatment, the front desk registers 2 hours of free parking for you. The garage gets crowded on weekends, so public transport is recommended.',
    ],
    zh: ['可以停车吗？', '可以，大楼地下2～4层有停车场。接受治疗的顾客可在前台登记免费停车2小时。周末停车场拥挤，建议尽量乘坐公共交通。'],
    'zh-TW': ['可以停車嗎？', '可以的，大樓地下2～4樓有停車場，做療程的顧客可以在櫃檯登記免費停車2小時。週末比較擁擠，建議盡量搭乘大眾運輸喔。'],
    vi: [
      'Có chỗ đậu xe không ạ?',
      'Dạ có, bãi đỗ xe ở tầng hầm B2–B4 của tòa nhà. Khách làm thủ thuật được lễ tân đăng ký miễn phí 2 giờ đỗ xe. Cuối tuần bãi xe rất đông, chị/anh nên đi phương tiện công cộng ạ.',
    ],
  },
  {
    category: 'location',
    subcategory: 'hours',
    keywords: ['진료시간', '영업시간', '휴진', '점심시간', 'hours', 'open'],
    ko: [
      '진료 시간이 어떻게 되나요?',
      '평일(월~금) 오전 10시~오후 8시, 토요일 오전 10시~오후 4시이며 점심시간은 오후 1시~2시입니다. 일요일과 공휴일은 휴진입니다. 마지막 접수는 진료 종료 30분 전까지입니다.',
    ],
    ja: [
      '診療時間を教えてください。',
      '平日（月〜金）10:00〜20:00、土曜日10:00〜16:00、お昼休みは13:00〜14:00です。日曜・祝日は休診です。最終受付は診療終了の30分前までとなっております。',
    ],
    en: [
      'What are your opening hours?',
      'Monday to Friday 10:00–20:00 and Saturday 10:00–16:00, with a lunch break from 13:00 to 14:00. We are closed on Sundays and public holidays. Last check-in is 30 minutes before closing.',
    ],
    zh: ['营业时间是几点到几点？', '周一至周五10:00～20:00，周六10:00～16:00，午休时间13:00～14:00。周日及法定节假日休息。最晚请在结束前30分钟到店登记。'],
    'zh-TW': ['營業時間是幾點到幾點？', '週一至週五10:00～20:00，週六10:00～16:00，午休13:00～14:00。週日及國定假日休診。最晚請在結束前30分鐘報到喔。'],
    vi: [
      'Giờ làm việc của phòng khám thế nào ạ?',
      'Dạ, thứ Hai đến thứ Sáu 10:00–20:00, thứ Bảy 10:00–16:00, nghỉ trưa 13:00–14:00. Chủ Nhật và ngày lễ nghỉ. Tiếp nhận khách muộn nhất 30 phút trước giờ đóng cửa ạ.',
    ],
  },
];

export const LIBRARY: LibrarySeed[] = [...LIBRARY_BASICS, ...LIBRARY_CARE];
