import { describe, expect, it } from 'vitest';
import { inputHandoff, isBookingRequest } from './handoff.rules';

describe('booking requests', () => {
  it.each([
    'Can I book an appointment for Friday 3pm?',
    '다음주 수요일 오후 2시에 울쎄라 예약하고 싶어요',
    '明日の11時に予約をお願いします',
    '我想预约星期五下午',
    'cho em dat lich thu 7 nha',
    'Cho em đặt lịch ngày mai lúc 10h',
  ])('%s → booking_request', (text) => {
    expect(isBookingRequest(text)).toBe(true);
    expect(inputHandoff(text)).toBe('booking_request');
  });

  it.each(['예약금이 있나요?', 'Is a deposit needed for booking?', 'do I need an appointment?', '予約は必要ですか'])('not a request: %s', (text) => {
    expect(isBookingRequest(text)).toBe(false);
  });

  it('changing a booking stays a booking exception, an emergency stays an emergency', () => {
    expect(inputHandoff('I need to reschedule my appointment tomorrow')).toBe('booking_exception');
    expect(inputHandoff('I want to book tomorrow but my lips are swelling and it is hard to breathe')).toBe('medical_emergency');
  });
});

describe('"is this normal?"', () => {
  it('is not a handoff before the consultant knows whether a procedure is named', async () => {
    const { asksIfNormal, inputHandoff } = await import('./handoff.rules');
    for (const t of ['超声刀做完脸有点酸胀 正常吗？', 'is it normal to be sore after ulthera?', '울쎄라 받고 뻐근한데 정상인가요?']) {
      expect(inputHandoff(t)).toBeUndefined();
      expect(asksIfNormal(t)).toBe(true);
    }
    // A personal condition is still a medical question for staff.
    expect(inputHandoff('임신 중인데 보톡스 맞아도 되나요?')).toBe('medical_question');
  });
});
