import { describe, expect, it } from 'vitest';
import { clinicInfoTopicsIn } from './clinic-info-topics';

describe('clinic info topics', () => {
  it.each([
    ['토요일에도 진료하나요?', ['hours']],
    ['祝日は休診ですか', ['hours']],
    ['what time do you close on weekdays', ['hours']],
    ['周末营业吗', ['hours']],
    ['chu nhat co mo cua khong', ['hours']],
    ['차 가지고 가도 되나요? 주차돼요?', ['parking']],
    ['can I park nearby?', ['parking']],
    ['có chỗ đỗ xe không', ['parking']],
    ['신논현역에서 어떻게 가요?', ['location']],
    ['駅からの行き方を教えて', ['location']],
    ['搭地鐵怎麼走', ['location']],
    ['how do I get there from the subway? and where do I park', ['location', 'parking']],
    ['明洞からどうやって行けばいいですか', ['location']],
    ['从明洞打车过去大概多久', ['location']],
    ['從江南站走過去要幾分鐘？', ['location']],
    ['how far is it from sinnonhyeon station?', ['location']],
  ])('%s → %j', (text, topics) => {
    expect(clinicInfoTopicsIn(text)).toEqual(topics);
  });

  it('finds none in a procedure question', () => {
    expect(clinicInfoTopicsIn('보톡스 가격 얼마예요')).toEqual([]);
    expect(clinicInfoTopicsIn('how much is lip filler?')).toEqual([]);
    // "過去" is also "in the past": only "walk / go over there" forms name the way here.
    expect(clinicInfoTopicsIn('過去にフィラーをしました')).toEqual([]);
  });
});
