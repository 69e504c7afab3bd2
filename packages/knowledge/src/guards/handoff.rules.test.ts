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
