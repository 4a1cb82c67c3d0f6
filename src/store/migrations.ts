// Forward-only migrations: entry N brings a database from user_version N to N+1.
// Never edit a shipped entry; add a new one.
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sessions (
    id            INTEGER PRIMARY KEY,
    kind          TEXT    NOT NULL CHECK (kind IN ('practice', 'exam')),
    blueprint     TEXT,
    seed          TEXT,
    filters       TEXT,                -- JSON: banks, topics, focus, counts as asked
    started_at    INTEGER NOT NULL,    -- ms since the epoch
    ended_at      INTEGER,
    time_limit_ms INTEGER,             -- exams with --timed
    time_used_ms  INTEGER NOT NULL DEFAULT 0,
    state         TEXT    NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'finished', 'abandoned')),
    current_pos   INTEGER NOT NULL DEFAULT 0,
    result        TEXT                 -- JSON summary written when an exam is scored
  );
  CREATE INDEX sessions_kind_state ON sessions (kind, state, started_at);

  -- The questions a session showed, in order, with the order their choices were shown in.
  CREATE TABLE session_questions (
    session_id   INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    question_id  TEXT    NOT NULL,
    choice_order TEXT    NOT NULL,     -- JSON array: original choice indexes in display order
    selected     TEXT,                 -- JSON array of original indexes; an exam's current answer
    flagged      INTEGER NOT NULL DEFAULT 0,
    time_ms      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, position)
  );

  -- One row per answer given. topic, domain and bank are copied from the bank so
  -- statistics never need the YAML files.
  CREATE TABLE answers (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
    question_id TEXT    NOT NULL,
    bank        TEXT    NOT NULL,
    topic       TEXT    NOT NULL,
    domain      TEXT    NOT NULL,
    selected    TEXT    NOT NULL,      -- JSON array of original choice indexes
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
    time_ms     INTEGER NOT NULL,
    flagged     INTEGER NOT NULL DEFAULT 0,
    answered_at INTEGER NOT NULL,
    was_due     INTEGER NOT NULL DEFAULT 0  -- 1 when it answered a scheduled review (retention)
  );
  CREATE INDEX answers_answered_at ON answers (answered_at);
  CREATE INDEX answers_question ON answers (question_id, answered_at);
  CREATE INDEX answers_session ON answers (session_id);

  -- FSRS card per question (ts-fsrs Card as JSON) with the fields queries filter on.
  CREATE TABLE review_state (
    question_id TEXT    PRIMARY KEY,
    card        TEXT    NOT NULL,
    due         INTEGER NOT NULL,
    state       INTEGER NOT NULL,
    reps        INTEGER NOT NULL,
    lapses      INTEGER NOT NULL,
    last_review INTEGER
  ) WITHOUT ROWID;
  CREATE INDEX review_state_due ON review_state (due);

  -- Roll-ups kept by triggers so statistics over a million answers read a few
  -- thousand rows instead of scanning them all.
  CREATE TABLE daily_topic (
    day      TEXT    NOT NULL,         -- local date, YYYY-MM-DD
    bank     TEXT    NOT NULL,
    topic    TEXT    NOT NULL,
    domain   TEXT    NOT NULL,
    attempts INTEGER NOT NULL,
    correct  INTEGER NOT NULL,
    time_ms  INTEGER NOT NULL,
    due_attempts INTEGER NOT NULL,
    due_correct  INTEGER NOT NULL,
    PRIMARY KEY (day, bank, topic, domain)
  ) WITHOUT ROWID;

  CREATE TABLE question_summary (
    question_id TEXT    PRIMARY KEY,
    bank        TEXT    NOT NULL,
    topic       TEXT    NOT NULL,
    attempts    INTEGER NOT NULL,
    correct     INTEGER NOT NULL,
    wrong       INTEGER NOT NULL,
    last_correct INTEGER NOT NULL,     -- whether the latest answer was right
    first_seen  INTEGER NOT NULL,
    last_seen   INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TRIGGER answers_rollup AFTER INSERT ON answers BEGIN
    INSERT INTO daily_topic (day, bank, topic, domain, attempts, correct, time_ms, due_attempts, due_correct)
    VALUES (date(NEW.answered_at / 1000, 'unixepoch', 'localtime'), NEW.bank, NEW.topic, NEW.domain, 1, NEW.correct, NEW.time_ms, NEW.was_due, NEW.was_due * NEW.correct)
    ON CONFLICT (day, bank, topic, domain) DO UPDATE SET
      attempts = attempts + 1,
      correct = correct + excluded.correct,
      time_ms = time_ms + excluded.time_ms,
      due_attempts = due_attempts + excluded.due_attempts,
      due_correct = due_correct + excluded.due_correct;
    INSERT INTO question_summary (question_id, bank, topic, attempts, correct, wrong, last_correct, first_seen, last_seen)
    VALUES (NEW.question_id, NEW.bank, NEW.topic, 1, NEW.correct, 1 - NEW.correct, NEW.correct, NEW.answered_at, NEW.answered_at)
    ON CONFLICT (question_id) DO UPDATE SET
      bank = excluded.bank,
      topic = excluded.topic,
      attempts = attempts + 1,
      correct = correct + excluded.correct,
      wrong = wrong + excluded.wrong,
      last_correct = CASE WHEN excluded.last_seen >= last_seen THEN excluded.last_correct ELSE last_correct END,
      last_seen = max(last_seen, excluded.last_seen);
  END;
  `,
  `
  -- Statistics over all time read these instead of every (day, topic) pair: one row per
  -- study day, and one per (bank, topic, domain).
  CREATE TABLE daily_total (
    day      TEXT    PRIMARY KEY,      -- local date, YYYY-MM-DD
    attempts INTEGER NOT NULL,
    correct  INTEGER NOT NULL,
    time_ms  INTEGER NOT NULL
  ) WITHOUT ROWID;

  INSERT INTO daily_total SELECT day, sum(attempts), sum(correct), sum(time_ms) FROM daily_topic GROUP BY day;

  -- decayed_* are sums weighted by 0.5^(age in days / 30) as of decay_day (HALF_LIFE_DAYS in
  -- src/quiz/stats.ts); a reader brings them to today with one more factor. Keeping the
  -- reference day at the newest answer keeps every exponent <= 0.
  CREATE TABLE topic_summary (
    bank     TEXT    NOT NULL,
    topic    TEXT    NOT NULL,
    domain   TEXT    NOT NULL,
    attempts INTEGER NOT NULL,
    correct  INTEGER NOT NULL,
    time_ms  INTEGER NOT NULL,
    due_attempts INTEGER NOT NULL,
    due_correct  INTEGER NOT NULL,
    last_day  TEXT   NOT NULL,         -- local date, YYYY-MM-DD
    decay_day TEXT   NOT NULL,
    decayed_attempts REAL NOT NULL,
    decayed_correct  REAL NOT NULL,
    PRIMARY KEY (bank, topic, domain)
  ) WITHOUT ROWID;

  INSERT INTO topic_summary
  SELECT d.bank, d.topic, d.domain, sum(d.attempts), sum(d.correct), sum(d.time_ms), sum(d.due_attempts), sum(d.due_correct),
         m.last_day, m.last_day,
         sum(d.attempts * pow(0.5, (julianday(m.last_day) - julianday(d.day)) / 30.0)),
         sum(d.correct * pow(0.5, (julianday(m.last_day) - julianday(d.day)) / 30.0))
  FROM daily_topic d
  JOIN (SELECT bank, topic, domain, max(day) AS last_day FROM daily_topic GROUP BY bank, topic, domain) m USING (bank, topic, domain)
  GROUP BY d.bank, d.topic, d.domain;

  CREATE TRIGGER answers_stats_rollup AFTER INSERT ON answers BEGIN
    INSERT INTO daily_total (day, attempts, correct, time_ms)
    VALUES (date(NEW.answered_at / 1000, 'unixepoch', 'localtime'), 1, NEW.correct, NEW.time_ms)
    ON CONFLICT (day) DO UPDATE SET
      attempts = attempts + 1,
      correct = correct + excluded.correct,
      time_ms = time_ms + excluded.time_ms;
    INSERT INTO topic_summary (bank, topic, domain, attempts, correct, time_ms, due_attempts, due_correct, last_day, decay_day, decayed_attempts, decayed_correct)
    VALUES (NEW.bank, NEW.topic, NEW.domain, 1, NEW.correct, NEW.time_ms, NEW.was_due, NEW.was_due * NEW.correct,
            date(NEW.answered_at / 1000, 'unixepoch', 'localtime'), date(NEW.answered_at / 1000, 'unixepoch', 'localtime'), 1.0, NEW.correct)
    ON CONFLICT (bank, topic, domain) DO UPDATE SET
      attempts = attempts + 1,
      correct = correct + excluded.correct,
      time_ms = time_ms + excluded.time_ms,
      due_attempts = due_attempts + excluded.due_attempts,
      due_correct = due_correct + excluded.due_correct,
      last_day = max(last_day, excluded.last_day),
      -- Both sides are brought to the later of the two days, then added.
      decayed_attempts = decayed_attempts * pow(0.5, (julianday(max(decay_day, excluded.decay_day)) - julianday(decay_day)) / 30.0)
                       + excluded.decayed_attempts * pow(0.5, (julianday(max(decay_day, excluded.decay_day)) - julianday(excluded.decay_day)) / 30.0),
      decayed_correct = decayed_correct * pow(0.5, (julianday(max(decay_day, excluded.decay_day)) - julianday(decay_day)) / 30.0)
                      + excluded.decayed_correct * pow(0.5, (julianday(max(decay_day, excluded.decay_day)) - julianday(excluded.decay_day)) / 30.0),
      decay_day = max(decay_day, excluded.decay_day);
  END;
  `,
  `
  -- When each exam answer was last changed, so it counts on the day it was given.
  ALTER TABLE session_questions ADD COLUMN answered_at INTEGER;
  `,
  `
  -- What the learner chose once and the tool remembers: an exam date, daily limits,
  -- tuned scheduler parameters. Values are JSON.
  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  `
  -- The readiness forecast made as each mock exam started, so later forecasts can be
  -- checked against how the learner really did.
  CREATE TABLE exam_forecasts (
    session_id       INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    expected_percent REAL    NOT NULL,
    pass_probability REAL    NOT NULL,
    made_at          INTEGER NOT NULL
  );
  `,
  `
  -- Each answer keeps the local day where it was given, as the program saving it sees it,
  -- and the roll-ups count it on that day: read later from another time zone (a learner
  -- who flew from Tokyo to Los Angeles), the days stay as they were studied. Existing
  -- answers get the day their roll-up rows were counted on, in this machine's zone; an
  -- answer saved without a day is counted as before.
  ALTER TABLE answers ADD COLUMN day TEXT;
  UPDATE answers SET day = date(answered_at / 1000, 'unixepoch', 'localtime');
  ALTER TABLE question_summary ADD COLUMN last_day TEXT;
  UPDATE question_summary SET last_day = date(last_seen / 1000, 'unixepoch', 'localtime');

  DROP TRIGGER answers_rollup;
  CREATE TRIGGER answers_rollup AFTER INSERT ON answers BEGIN
    INSERT INTO daily_topic (day, bank, topic, domain, attempts, correct, time_ms, due_attempts, due_correct)
    VALUES (coalesce(NEW.day, date(NEW.answered_at / 1000, 'unixepoch', 'localtime')), NEW.bank, NEW.topic, NEW.domain, 1, NEW.correct, NEW.time_ms, NEW.was_due, NEW.was_due * NEW.correct)
    ON CONFLICT (day, bank, topic, domain) DO UPDATE SET
      attempts = attempts + 1,
      correct = correct + excluded.correct,
      time_ms = time_ms + excluded.time_ms,
      due_attempts = due_attempts + excluded.due_attempts,
      due_correct = due_correct + excluded.due_correct;
    INSERT INTO question_summary (question_id, bank, topic, attempts, correct, wrong, last_correct, first_seen, last_seen, last_day)
    VALUES (NEW.question_id, NEW.bank, NEW.topic, 1, NEW.correct, 1 - NEW.correct, NEW.correct, NEW.answered_at, NEW.answered_at,
            coalesce(NEW.day, date(NEW.answered_at / 1000, 'unixepoch', 'localtime')))
    ON CONFLICT (question_id) DO UPDATE SET
      bank = excluded.bank,
      topic = excluded.topic,
      attempts = attempts + 1,
      correct = correct + excluded.correct,
      wrong = wrong + excluded.wrong,
      last_correct = CASE WHEN excluded.last_seen >= last_seen THEN excluded.last_correct ELSE last_correct END,
      last_day = CASE WHEN excluded.last_seen >= last_seen THEN excluded.last_day ELSE last_day END,
      last_seen = max(last_seen, excluded.last_seen);
  END;

  DROP TRIGGER answers_stats_rollup;
  CREATE TRIGGER answers_stats_rollup AFTER INSERT ON answers BEGIN
    INSERT INTO daily_total (day, attempts, correct, time_ms)
    VALUES (coalesce(NEW.day, date(NEW.answered_at / 1000, 'unixepoch', 'localtime')), 1, NEW.correct, NEW.time_ms)
    ON CONFLICT (day) DO UPDATE SET
      attempts = attempts + 1,
      correct = correct + excluded.correct,
      time_ms = time_ms + excluded.time_ms;
    INSERT INTO topic_summary (bank, topic, domain, attempts, correct, time_ms, due_attempts, due_correct, last_day, decay_day, decayed_attempts, decayed_correct)
    VALUES (NEW.bank, NEW.topic, NEW.domain, 1, NEW.correct, NEW.time_ms, NEW.was_due, NEW.was_due * NEW.correct,
            coalesce(NEW.day, date(NEW.answered_at / 1000, 'unixepoch', 'localtime')), coalesce(NEW.day, date(NEW.answered_at / 1000, 'unixepoch', 'localtime')), 1.0, NEW.correct)
    ON CONFLICT (bank, topic, domain) DO UPDATE SET
      attempts = attempts + 1,
      correct = correct + excluded.correct,
      time_ms = time_ms + excluded.time_ms,
      due_attempts = due_attempts + excluded.due_attempts,
      due_correct = due_correct + excluded.due_correct,
      last_day = max(last_day, excluded.last_day),
      -- Both sides are brought to the later of the two days, then added.
      decayed_attempts = decayed_attempts * pow(0.5, (julianday(max(decay_day, excluded.decay_day)) - julianday(decay_day)) / 30.0)
                       + excluded.decayed_attempts * pow(0.5, (julianday(max(decay_day, excluded.decay_day)) - julianday(excluded.decay_day)) / 30.0),
      decayed_correct = decayed_correct * pow(0.5, (julianday(max(decay_day, excluded.decay_day)) - julianday(decay_day)) / 30.0)
                      + excluded.decayed_correct * pow(0.5, (julianday(max(decay_day, excluded.decay_day)) - julianday(excluded.decay_day)) / 30.0),
      decay_day = max(decay_day, excluded.decay_day);
  END;
  `,
  `
  -- Reports the learner made on a question during practice or an exam review. An open
  -- wrong-key report holds the question out of practice and exams until it is resolved.
  CREATE TABLE errata (
    id          INTEGER PRIMARY KEY,
    question_id TEXT    NOT NULL,
    reason      TEXT    NOT NULL CHECK (reason IN ('wrong-key', 'ambiguous', 'outdated', 'typo')),
    note        TEXT,
    reported_at INTEGER NOT NULL,
    resolved_at INTEGER
  );
  CREATE INDEX errata_open ON errata (resolved_at, question_id);
  `,
  `
  -- The process sitting an exam holds it: its pid, a random token it alone knows, and its last
  -- heartbeat (ms since the epoch). Another terminal may take the exam over only once the holder
  -- is gone or silent; a write from a process that no longer holds it is refused.
  ALTER TABLE sessions ADD COLUMN lease_pid INTEGER;
  ALTER TABLE sessions ADD COLUMN lease_token TEXT;
  ALTER TABLE sessions ADD COLUMN lease_beat INTEGER;
  `,
  `
  -- How a practice answer was given. certainty: what the learner said of it ('sure' or
  -- 'unsure'; NULL when not asked). cram: asked without touching the schedule, so it moves no
  -- review and counts in activity, never in retention. relearn: a second try at a question
  -- missed earlier in the same session; it updates the FSRS card, but the first try is what
  -- the statistics count, so it stays out of every roll-up. A crammed answer stays out of the
  -- question's own record (question_summary), which practice draws by.
  ALTER TABLE answers ADD COLUMN certainty TEXT CHECK (certainty IN ('sure', 'unsure'));
  ALTER TABLE answers ADD COLUMN cram INTEGER NOT NULL DEFAULT 0 CHECK (cram IN (0, 1));
  ALTER TABLE answers ADD COLUMN relearn INTEGER NOT NULL DEFAULT 0 CHECK (relearn IN (0, 1));
  CREATE INDEX answers_misconception ON answers (question_id) WHERE certainty = 'sure' AND correct = 0;
  CREATE INDEX answers_cram ON answers (day) WHERE cram = 1;

  DROP TRIGGER answers_rollup;
  CREATE TRIGGER answers_rollup AFTER INSERT ON answers WHEN NEW.relearn = 0 BEGIN
    INSERT INTO daily_topic (day, bank, topic, domain, attempts, correct, time_ms, due_attempts, due_correct)
    VALUES (coalesce(NEW.day, date(NEW.answered_at / 1000, 'unixepoch', 'localtime')), NEW.bank, NEW.topic, NEW.domain, 1, NEW.correct, NEW.time_ms, NEW.was_due, NEW.was_due * NEW.correct)
    ON CONFLICT (day, bank, topic, domain) DO UPDATE SET
      attempts = attempts + 1,
      correct = correct + excluded.correct,
      time_ms = time_ms + excluded.time_ms,
      due_attempts = due_attempts + excluded.due_attempts,
      due_correct = due_correct + excluded.due_correct;
  END;

  -- A question's own record (seen, right last time) is what practice draws by: a crammed answer
  -- leaves it as it was, so a question met only in a cram is still new to the schedule.
  CREATE TRIGGER answers_question_rollup AFTER INSERT ON answers WHEN NEW.relearn = 0 AND NEW.cram = 0 BEGIN
    INSERT INTO question_summary (question_id, bank, topic, attempts, correct, wrong, last_correct, first_seen, last_seen, last_day)
    VALUES (NEW.question_id, NEW.bank, NEW.topic, 1, NEW.correct, 1 - NEW.correct, NEW.correct, NEW.answered_at, NEW.answered_at,
            coalesce(NEW.day, date(NEW.answered_at / 1000, 'unixepoch', 'localtime')))
    ON CONFLICT (question_id) DO UPDATE SET
      bank = excluded.bank,
      topic = excluded.topic,
      attempts = attempts + 1,
      correct = correct + excluded.correct,
      wrong = wrong + excluded.wrong,
      last_correct = CASE WHEN excluded.last_seen >= last_seen THEN excluded.last_correct ELSE last_correct END,
      last_day = CASE WHEN excluded.last_seen >= last_seen THEN excluded.last_day ELSE last_day END,
      last_seen = max(last_seen, excluded.last_seen);
  END;

  DROP TRIGGER answers_stats_rollup;
  CREATE TRIGGER answers_stats_rollup AFTER INSERT ON answers WHEN NEW.relearn = 0 BEGIN
    INSERT INTO daily_total (day, attempts, correct, time_ms)
    VALUES (coalesce(NEW.day, date(NEW.answered_at / 1000, 'unixepoch', 'localtime')), 1, NEW.correct, NEW.time_ms)
    ON CONFLICT (day) DO UPDATE SET
      attempts = attempts + 1,
      correct = correct + excluded.correct,
      time_ms = time_ms + excluded.time_ms;
    INSERT INTO topic_summary (bank, topic, domain, attempts, correct, time_ms, due_attempts, due_correct, last_day, decay_day, decayed_attempts, decayed_correct)
    VALUES (NEW.bank, NEW.topic, NEW.domain, 1, NEW.correct, NEW.time_ms, NEW.was_due, NEW.was_due * NEW.correct,
            coalesce(NEW.day, date(NEW.answered_at / 1000, 'unixepoch', 'localtime')), coalesce(NEW.day, date(NEW.answered_at / 1000, 'unixepoch', 'localtime')), 1.0, NEW.correct)
    ON CONFLICT (bank, topic, domain) DO UPDATE SET
      attempts = attempts + 1,
      correct = correct + excluded.correct,
      time_ms = time_ms + excluded.time_ms,
      due_attempts = due_attempts + excluded.due_attempts,
      due_correct = due_correct + excluded.due_correct,
      last_day = max(last_day, excluded.last_day),
      -- Both sides are brought to the later of the two days, then added.
      decayed_attempts = decayed_attempts * pow(0.5, (julianday(max(decay_day, excluded.decay_day)) - julianday(decay_day)) / 30.0)
                       + excluded.decayed_attempts * pow(0.5, (julianday(max(decay_day, excluded.decay_day)) - julianday(excluded.decay_day)) / 30.0),
      decayed_correct = decayed_correct * pow(0.5, (julianday(max(decay_day, excluded.decay_day)) - julianday(decay_day)) / 30.0)
                      + excluded.decayed_correct * pow(0.5, (julianday(max(decay_day, excluded.decay_day)) - julianday(excluded.decay_day)) / 30.0),
      decay_day = max(decay_day, excluded.decay_day);
  END;

  -- An answer taken back (undo in practice) leaves the roll-ups as they were before it: its
  -- counts come off, its decayed weight comes off as it stands on the row's reference day,
  -- and the question's own row is rebuilt from the answers that remain. Rows left with no
  -- attempts go, as they did not exist before.
  CREATE TRIGGER answers_rollup_undo AFTER DELETE ON answers WHEN OLD.relearn = 0 BEGIN
    UPDATE daily_topic SET
      attempts = attempts - 1, correct = correct - OLD.correct, time_ms = time_ms - OLD.time_ms,
      due_attempts = due_attempts - OLD.was_due, due_correct = due_correct - OLD.was_due * OLD.correct
    WHERE day = coalesce(OLD.day, date(OLD.answered_at / 1000, 'unixepoch', 'localtime')) AND bank = OLD.bank AND topic = OLD.topic AND domain = OLD.domain;
    DELETE FROM daily_topic WHERE attempts <= 0
      AND day = coalesce(OLD.day, date(OLD.answered_at / 1000, 'unixepoch', 'localtime')) AND bank = OLD.bank AND topic = OLD.topic AND domain = OLD.domain;

    UPDATE daily_total SET attempts = attempts - 1, correct = correct - OLD.correct, time_ms = time_ms - OLD.time_ms
    WHERE day = coalesce(OLD.day, date(OLD.answered_at / 1000, 'unixepoch', 'localtime'));
    DELETE FROM daily_total WHERE attempts <= 0 AND day = coalesce(OLD.day, date(OLD.answered_at / 1000, 'unixepoch', 'localtime'));

    UPDATE topic_summary SET
      attempts = attempts - 1, correct = correct - OLD.correct, time_ms = time_ms - OLD.time_ms,
      due_attempts = due_attempts - OLD.was_due, due_correct = due_correct - OLD.was_due * OLD.correct,
      decayed_attempts = max(0.0, decayed_attempts - pow(0.5, (julianday(decay_day) - julianday(coalesce(OLD.day, date(OLD.answered_at / 1000, 'unixepoch', 'localtime')))) / 30.0)),
      decayed_correct = max(0.0, decayed_correct - OLD.correct * pow(0.5, (julianday(decay_day) - julianday(coalesce(OLD.day, date(OLD.answered_at / 1000, 'unixepoch', 'localtime')))) / 30.0)),
      last_day = coalesce((SELECT max(day) FROM daily_topic d WHERE d.bank = OLD.bank AND d.topic = OLD.topic AND d.domain = OLD.domain), last_day)
    WHERE bank = OLD.bank AND topic = OLD.topic AND domain = OLD.domain;
    DELETE FROM topic_summary WHERE attempts <= 0 AND bank = OLD.bank AND topic = OLD.topic AND domain = OLD.domain;
    -- The taken-back answer may have moved the reference day on; it goes back to the latest day left.
    UPDATE topic_summary SET
      decayed_attempts = decayed_attempts * pow(2.0, (julianday(decay_day) - julianday(last_day)) / 30.0),
      decayed_correct = decayed_correct * pow(2.0, (julianday(decay_day) - julianday(last_day)) / 30.0),
      decay_day = last_day
    WHERE bank = OLD.bank AND topic = OLD.topic AND domain = OLD.domain AND decay_day > last_day;

    DELETE FROM question_summary WHERE question_id = OLD.question_id;
    INSERT INTO question_summary (question_id, bank, topic, attempts, correct, wrong, last_correct, first_seen, last_seen, last_day)
    SELECT a.question_id, a.bank, a.topic, s.attempts, s.correct, s.attempts - s.correct, a.correct, s.first_seen, a.answered_at,
           coalesce(a.day, date(a.answered_at / 1000, 'unixepoch', 'localtime'))
    FROM (SELECT count(*) AS attempts, sum(correct) AS correct, min(answered_at) AS first_seen, max(answered_at) AS last_seen
          FROM answers WHERE question_id = OLD.question_id AND relearn = 0 AND cram = 0) s
    JOIN answers a ON a.id = (SELECT id FROM answers WHERE question_id = OLD.question_id AND relearn = 0 AND cram = 0 ORDER BY answered_at DESC, id DESC LIMIT 1)
    WHERE s.attempts > 0;
  END;
  `,
];


export const SCHEMA_VERSION = MIGRATIONS.length;
