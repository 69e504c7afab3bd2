import { compileLexicon, normalizeForLexicon } from '@hub/ai';
import type { ClinicInfoTopic } from '../indexing/clinic-info';

/**
 * Words for the clinic-info topics (hours, parking, how to get there) in every served language, matched
 * on normalised text (vi with or without diacritics). A question about them is answered from the clinic's
 * settings, which hold every language, rather than from whatever row retrieval ranked first.
 */
const TOPIC_WORDS: Partial<Record<ClinicInfoTopic, readonly string[]>> = {
  location: [
    '위치', '주소', '오시는 길', '오시는길', '어떻게 가', '가는 길', '가는길', '역에서', '출구', '걸어서', '걸어가',
    '場所', '住所', '行き方', '駅から', '出口', 'アクセス', 'どこにあ', '歩いて',
    'address', 'where are you', 'location', 'directions', 'how do i get', 'how to get', 'how do i walk', 'walk to you', 'from the station', 'station exit', 'subway', 'metro',
    '地址', '在哪', '怎么去', '怎麼去', '怎么走', '怎麼走', '地铁', '地鐵', '捷运', '捷運', '出口', '走路',
    'dia chi', 'o dau', 'duong di', 'cach di', 'ga tau', 'tau dien ngam', 'di bo',
  ],
  hours: [
    '영업시간', '진료시간', '진료 시간', '몇 시', '몇시', '문 열', '문열', '쉬는 날', '휴무', '휴진', '일요일', '토요일', '주말', '공휴일', '점심시간', '야간',
    '営業時間', '診療時間', '何時', '休み', '休診', '日曜', '土曜', '祝日', '定休', '昼休み',
    'opening hours', 'open on', 'are you open', 'r u open', 'what time', 'closing time', 'do you close', 'business hours', 'hours', 'sunday*', 'saturday*', 'weekend*', 'public holiday*', 'lunch break',
    '营业时间', '營業時間', '几点', '幾點', '周日', '週日', '星期天', '星期日', '周六', '週六', '周末', '週末', '假日', '营业', '營業', '开门', '開門', '休息日', '午休',
    'gio mo cua', 'may gio', 'chu nhat', 'thu bay', 'cuoi tuan', 'ngay le', 'gio lam viec', 'nghi trua',
  ],
  parking: [
    '주차', '차를 가지고', '차 가지고', '駐車', '車で', 'パーキング', 'parking', 'park my car', 'park the car', 'can i park', 'where do i park', 'where can i park', 'where to park', 'drive there', 'by car',
    '停车', '停車', '开车', '開車', '车位', '車位', 'dau xe', 'do xe', 'gui xe', 'xe hoi', 'o to', 'cho dau',
  ],
};

const MATCHERS = Object.entries(TOPIC_WORDS).map(([topic, words]) => ({ topic: topic as ClinicInfoTopic, re: compileLexicon(words) }));

/** Clinic-info topics a text asks about, in a fixed order (location, hours, parking). */
export function clinicInfoTopicsIn(text: string): ClinicInfoTopic[] {
  const t = normalizeForLexicon(text);
  return MATCHERS.filter(({ re }) => re.test(t)).map(({ topic }) => topic);
}
