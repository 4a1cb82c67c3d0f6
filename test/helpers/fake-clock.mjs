// Loaded with `node --import` into the built binary under test: moves its clocks by the
// offsets written to the JSON file named by FAKE_CLOCK_FILE ({ "elapsed": ms, "date": ms }),
// so a test can make the monotonic clock run ahead (a time limit reached in a second) or the
// wall clock jump (an NTP correction) at the moment it chooses, without waiting.
import { readFileSync } from 'node:fs';

const file = process.env.FAKE_CLOCK_FILE;
if (file) {
  const offsets = () => {
    try {
      const o = JSON.parse(readFileSync(file, 'utf8'));
      return { elapsed: Number(o.elapsed) || 0, date: Number(o.date) || 0 };
    } catch {
      return { elapsed: 0, date: 0 };
    }
  };
  const realNow = performance.now.bind(performance);
  const realDate = Date.now;
  performance.now = () => realNow() + offsets().elapsed;
  Date.now = () => realDate() + offsets().date;
}
