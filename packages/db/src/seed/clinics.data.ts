// Demo clinics and users. A real-looking Gangnam clinic (daybeauclinic) plus a second clinic
// (cheongdamline) that exists so cross-clinic isolation can be exercised.

export const DEMO_CLINIC_SLUG = 'daybeauclinic';
export const SECOND_CLINIC_SLUG = 'cheongdamline';
/** Password of every demo user (hashed once per seed run with argon2). */
export const DEMO_PASSWORD = 'demo-clinic-2026';

export type DemoRole = 'superadmin' | 'admin' | 'supervisor' | 'staff';

export interface ClinicSeed {
  slug: string;
  name: string;
  businessNumber: string;
  phone: string;
  email: string;
  address: string;
  timezone: string;
  commissionRate: number;
  settings: Record<string, unknown>;
}

export interface UserSeed {
  email: string;
  name: string;
  role: DemoRole;
  /** null for the platform superadmin. */
  clinicSlug: string | null;
  phone: string | null;
}

const SUPPORTED_LANGUAGES = ['ko', 'ja', 'en', 'zh', 'zh-TW', 'vi'];

export const CLINICS: ClinicSeed[] = [
  {
    slug: DEMO_CLINIC_SLUG,
    name: '데이뷰의원',
    businessNumber: '214-87-50362',
    phone: '02-6952-0418',
    email: 'contact@daybeau.kr',
    address: '서울특별시 강남구 강남대로 470, 9층 (논현동, 신논현역 5번 출구)',
    timezone: 'Asia/Seoul',
    commissionRate: 10,
    settings: {
      operating_hours: {
        mon: '10:00-20:00',
        tue: '10:00-20:00',
        wed: '10:00-20:00',
        thu: '10:00-20:00',
        fri: '10:00-20:00',
        sat: '10:00-16:00',
        sun: 'closed',
        lunch: '13:00-14:00',
        holiday: 'closed',
      },
      default_language: 'ko',
      supported_languages: SUPPORTED_LANGUAGES,
      ai_provider: 'local',
      address_i18n: {
        ko: '서울특별시 강남구 강남대로 470, 9층 (신논현역 5번 출구)',
        en: '9F, 470 Gangnam-daero, Gangnam-gu, Seoul (Sinnonhyeon Station Exit 5)',
        ja: 'ソウル特別市江南区江南大路470 9階（新論峴駅5番出口）',
        zh: '首尔特别市江南区江南大路470号 9楼（新论岘站5号出口）',
        'zh-TW': '首爾特別市江南區江南大路470號 9樓（新論峴站5號出口）',
        vi: 'Tầng 9, số 470 Gangnam-daero, quận Gangnam, Seoul (ga Sinnonhyeon cửa số 5)',
      },
      parking_info: {
        ko: '건물 지하 2~4층 주차장을 이용하실 수 있으며, 시술 고객은 2시간 무료 주차 등록을 해 드립니다. 주말에는 혼잡하니 대중교통 이용을 권해 드립니다.',
        en: 'Parking is available on B2–B4 of the building. Treatment patients get 2 hours of free parking (please ask at the front desk). Weekends get busy, so public transport is recommended.',
        ja: '建物の地下2〜4階に駐車場がございます。施術を受けられた方は2時間無料です（受付でお申し付けください）。週末は混雑するため、公共交通機関のご利用をおすすめします。',
        zh: '大楼地下2～4层设有停车场，接受治疗的顾客可免费停车2小时（请在前台登记）。周末车多，建议乘坐公共交通。',
        'zh-TW': '大樓地下2～4樓設有停車場，接受療程的顧客可免費停車2小時（請至櫃檯登記）。週末車多，建議搭乘大眾運輸。',
        vi: 'Bãi đỗ xe ở tầng hầm B2–B4 của tòa nhà. Khách làm thủ thuật được miễn phí 2 giờ đỗ xe (vui lòng báo lễ tân). Cuối tuần rất đông, nên đi phương tiện công cộng.',
      },
      directions:
        '지하철 9호선·신분당선 신논현역 5번 출구에서 강남역 방향으로 약 50m 직진하시면 1층에 카페가 있는 건물입니다. 엘리베이터로 9층에 오시면 됩니다. 2호선 강남역 11번 출구에서는 도보 약 7분입니다.',
      directions_i18n: {
        ja: '地下鉄9号線・新盆唐線「新論峴（シンノニョン）駅」5番出口を出て、江南駅方面へ約50m直進してください。1階にカフェがある建物の9階です。2号線「江南駅」11番出口からは徒歩約7分です。',
        en: 'From Sinnonhyeon Station (Line 9 / Shinbundang Line) Exit 5, walk straight about 50 m toward Gangnam Station. We are on the 9th floor of the building with a café on the ground floor. From Gangnam Station (Line 2) Exit 11 it is about a 7-minute walk.',
        zh: '从地铁9号线/新盆唐线"新论岘站"5号出口出来，朝江南站方向直走约50米，一楼有咖啡厅的大楼，乘电梯到9楼即可。从2号线"江南站"11号出口步行约7分钟。',
        'zh-TW':
          '從地鐵9號線/新盆唐線「新論峴站」5號出口出來，往江南站方向直走約50公尺，一樓有咖啡廳的大樓，搭電梯到9樓即可。從2號線「江南站」11號出口步行約7分鐘。',
        vi: 'Từ ga Sinnonhyeon (tuyến số 9 / tuyến Shinbundang) cửa số 5, đi thẳng khoảng 50 m về hướng ga Gangnam. Phòng khám ở tầng 9 của tòa nhà có quán cà phê ở tầng 1. Từ ga Gangnam (tuyến số 2) cửa số 11 đi bộ khoảng 7 phút.',
      },
      payment_methods: ['card', 'cash', 'alipay', 'wechat_pay', 'union_pay', 'bank_transfer'],
      tax_refund: true,
    },
  },
  {
    slug: SECOND_CLINIC_SLUG,
    name: '청담라인의원',
    businessNumber: '511-86-02947',
    phone: '02-3448-7720',
    email: 'info@cheongdam.kr',
    address: '서울특별시 강남구 도산대로 442, 5층 (청담동, 청담역 9번 출구)',
    timezone: 'Asia/Seoul',
    commissionRate: 12,
    settings: {
      operating_hours: {
        mon: '10:30-19:30',
        tue: '10:30-19:30',
        wed: '10:30-19:30',
        thu: '10:30-21:00',
        fri: '10:30-19:30',
        sat: '10:00-15:00',
        sun: 'closed',
      },
      default_language: 'ko',
      supported_languages: ['ko', 'ja', 'en'],
      ai_provider: 'local',
      parking_info: {
        ko: '건물 내 발레파킹 가능 (시술 고객 무료)',
        en: 'Valet parking available in the building (free for patients)',
        ja: 'ビル内でバレーパーキングをご利用いただけます（施術の方は無料）',
      },
      directions: '7호선 청담역 9번 출구에서 도보 5분, 도산대로변 1층 약국 건물 5층입니다.',
      directions_i18n: {
        ja: '7号線「清潭（チョンダム）駅」9番出口から徒歩5分、島山大路沿いの1階に薬局がある建物の5階です。',
        en: 'A 5-minute walk from Cheongdam Station (Line 7) Exit 9: 5th floor of the building with a pharmacy on the ground floor, on Dosan-daero.',
      },
    },
  },
];

export const DEMO_USERS: UserSeed[] = [
  { email: 'superadmin@hub.local', name: '허브 운영자', role: 'superadmin', clinicSlug: null, phone: null },
  { email: 'admin@daybeau.kr', name: '김하늘', role: 'admin', clinicSlug: DEMO_CLINIC_SLUG, phone: '010-2841-5530' },
  { email: 'supervisor@daybeau.kr', name: '박서연', role: 'supervisor', clinicSlug: DEMO_CLINIC_SLUG, phone: '010-7714-2086' },
  { email: 'staff1@daybeau.kr', name: '이지은', role: 'staff', clinicSlug: DEMO_CLINIC_SLUG, phone: '010-3390-6127' },
  { email: 'staff2@daybeau.kr', name: '최민준', role: 'staff', clinicSlug: DEMO_CLINIC_SLUG, phone: '010-5268-9043' },
  { email: 'admin@cheongdam.kr', name: '정유진', role: 'admin', clinicSlug: SECOND_CLINIC_SLUG, phone: '010-4127-8850' },
  { email: 'staff@cheongdam.kr', name: '한소희', role: 'staff', clinicSlug: SECOND_CLINIC_SLUG, phone: '010-9035-1742' },
];
