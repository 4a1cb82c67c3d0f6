import { describe, expect, it } from 'vitest';
import { BLUEPRINTS } from '../../src/quiz/blueprints.js';
import { examTime, extraMinutesAsked, isCustomExam } from '../../src/quiz/exam-plan.js';

describe('examTime', () => {
  it('adds the 30 minutes AWS grants for a non-native language: SAA 130 → 160, SAP 180 → 210', () => {
    const extra = extraMinutesAsked({ esl: true });
    expect(extra).toBe(30);
    expect(examTime(BLUEPRINTS.saa, { asked: 65, drawn: 65, extraMinutes: extra })).toEqual({ timed: true, baseMinutes: 130, extraMinutes: 30, minutes: 160 });
    expect(examTime(BLUEPRINTS.sap, { asked: 75, drawn: 75, extraMinutes: extra }).minutes).toBe(210);
    expect(examTime(BLUEPRINTS.saa, { asked: 65, drawn: 65, extraMinutes: extraMinutesAsked({ extraTime: 45 }) }).minutes).toBe(175);
  });

  it('adds extra time to --minutes and to a short exam kept at the blueprint pace', () => {
    expect(examTime(BLUEPRINTS.saa, { asked: 65, drawn: 65, minutes: 60, extraMinutes: 30 }).minutes).toBe(90);
    expect(examTime(BLUEPRINTS.quick, { asked: 10, drawn: 5, timed: true, extraMinutes: 30 })).toEqual({ timed: true, baseMinutes: 10, extraMinutes: 30, minutes: 40 });
  });

  it('is untimed unless asked for: --timed, --minutes or extra time', () => {
    expect(examTime(BLUEPRINTS.saa, { asked: 65, drawn: 65 }).timed).toBe(false);
    expect(examTime(BLUEPRINTS.saa, { asked: 65, drawn: 65, minutes: 10 }).timed).toBe(true);
    expect(examTime(BLUEPRINTS.saa, { asked: 65, drawn: 65, extraMinutes: 30 }).timed).toBe(true);
  });
});

describe('isCustomExam', () => {
  it('calls an exam custom when its length or time limit differ from the blueprint, not for extra time', () => {
    expect(isCustomExam(BLUEPRINTS.saa, { total: 65, timed: true, minutes: 130 })).toBe(false);
    expect(isCustomExam(BLUEPRINTS.saa, { total: 30, timed: true, minutes: 130 })).toBe(true);
    expect(isCustomExam(BLUEPRINTS.saa, { total: 65, timed: true, minutes: 60 })).toBe(true);
    // An untimed exam's minutes are never used.
    expect(isCustomExam(BLUEPRINTS.saa, { total: 65, timed: false, minutes: 60 })).toBe(false);
    expect(isCustomExam(BLUEPRINTS.quick, { total: 10 })).toBe(false);
  });
});
