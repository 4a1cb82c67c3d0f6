// Two clocks, kept apart: durations (exam time, answer times, session length) come from a
// monotonic clock that never jumps when the wall clock is corrected or the machine wakes
// from suspend; the wall clock only dates events (started at, answered at).

export interface Clock {
  /** Monotonic milliseconds from an arbitrary origin: only differences mean anything. */
  elapsed(): number;
  /** Milliseconds since the epoch, to date events. */
  date(): number;
}

// Read at each call rather than bound once, so a test can stand in for either clock.
export const systemClock: Clock = {
  elapsed: () => performance.now(),
  date: () => Date.now(),
};
