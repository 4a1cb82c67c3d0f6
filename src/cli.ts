import { Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import { fstatSync, writeSync } from 'node:fs';
import { escapeControls } from './bank/text.js';
import { UserError } from './errors.js';
import { detectLang, isLang, setLang, t, type Lang } from './i18n/i18n.js';
import { packageVersion } from './version.js';
import { width, wrap } from './ui/text.js';

// Commander wiring only. Each action imports its command module on demand, so
// `aws-quiz --help` loads neither YAML, prompts nor SQLite.

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function intIn(flag: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || n < min || n > max) throw new InvalidArgumentError(t('error.badInt', { flag, min, max, value }));
    return n;
  };
}

/** A daily cap: a whole number, or `off` for none. */
function capOrOff(flag: string) {
  return (value: string): number | 'off' => {
    if (value.trim().toLowerCase() === 'off') return 'off';
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n > 10_000) throw new InvalidArgumentError(t('error.badCap', { flag, value }));
    return n;
  };
}

/** An option with fixed values: checked with a translated message, and listed for shell completion. */
function choiceOption(flags: string, description: string, flag: string, values: string[]): Option {
  const option = new Option(flags, description).argParser(oneOf(flag, values));
  option.argChoices = values;
  return option;
}

export function oneOf(flag: string, values: readonly string[]) {
  return (value: string): string => {
    if (!values.includes(value)) throw new InvalidArgumentError(t('error.badChoice', { flag, values: values.join(', '), value }));
    return value;
  };
}

function example(cmd: Command, ...lines: string[]): Command {
  return cmd.addHelpText('after', `\n${t('cli.example')}:\n${lines.map((l) => `  $ ${l}`).join('\n')}`);
}

const dbOption = () => new Option('--db <path>', t('cli.opt.db'));
const questionsOption = () => new Option('--questions <dir>', t('cli.opt.questions')).argParser(collect);
const bankOption = () => new Option('--bank <name>', t('cli.opt.bank')).argParser(collect);
const topicOption = () => new Option('--topic <topic>', t('cli.opt.topic')).argParser(collect);
const seedOption = () =>
  new Option('--seed <seed>', t('cli.opt.seed')).argParser((value: string) => {
    if (!value.trim()) throw new InvalidArgumentError(t('error.emptySeed'));
    return value;
  });

/**
 * Help, version and one-line errors are written straight to the file descriptor: creating
 * process.stdout loads the stream and socket machinery, which costs more than the help.
 */
function writeTo(fd: 1 | 2): (text: string) => void {
  return (text) => {
    const bytes = Buffer.from(text);
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(fd, bytes, done);
    } catch (err) {
      // A reader that stopped early (`| head`) wants no more; a full pipe (EAGAIN) is handed to the stream.
      if ((err as NodeJS.ErrnoException).code === 'EPIPE') return;
      quietOnClosedPipe(fd === 1 ? process.stdout : process.stderr).write(bytes.subarray(done));
    }
  };
}

/** `aws-quiz stats | head -3` is not an error: once the reader is gone, the rest of the output is dropped. */
export function quietOnClosedPipe<S extends NodeJS.WriteStream>(stream: S): S {
  if (!stream.listenerCount('error')) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(process.exitCode ?? 0);
    });
  }
  return stream;
}

/** The width to wrap help at: the terminal's, or 80 when not a terminal. */
function columnsOf(fd: 1 | 2): number {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return 80;
  } catch {
    return 80;
  }
  return (fd === 1 ? process.stdout : process.stderr).columns || 80;
}

const TITLES: Record<string, () => string> = {
  'Usage:': () => t('cli.title.usage'),
  'Options:': () => t('cli.title.options'),
  'Commands:': () => t('cli.title.commands'),
  'Arguments:': () => t('cli.title.arguments'),
  'Global Options:': () => t('cli.title.globalOptions'),
};

/** "(choices: …, default: …)" after an option's description, in the interface's language. */
function translateExtras(description: string): string {
  return description.replace(/\((?:(?:choices|default|env|preset): [^()]*)\)$/, (extras) =>
    extras.replace(/\b(choices|default): /g, (_, word: string) => `${t(word === 'choices' ? 'cli.extra.choices' : 'cli.extra.default')}: `),
  );
}

/**
 * One option or command of the help: the description beside the term, wrapped under
 * itself; on a terminal too narrow for that, below the term, indented.
 */
function formatHelpItem(term: string, termWidth: number, description: string, helpWidth: number): string {
  if (!description) return `  ${term}`;
  const beside = helpWidth - termWidth - 4;
  if (beside >= 16) return `  ${term}${' '.repeat(termWidth - width(term) + 2)}${wrap(description, beside).replace(/\n/g, `\n${' '.repeat(termWidth + 4)}`)}`;
  return `  ${term}\n${wrap(description, helpWidth, '      ')}`;
}

/** The usage line, wrapped under itself when the terminal is narrower than it. */
function wrapUsageLine(help: string, helpWidth: number): string {
  const [usage = '', ...rest] = help.split('\n');
  const title = usage.slice(0, usage.indexOf(' ') + 1);
  const wrapped = wrap(usage.slice(title.length), helpWidth - width(title)).replace(/\n/g, `\n${' '.repeat(width(title))}`);
  return [title + wrapped, ...rest].join('\n');
}

/** "[options]" and "[command]" in usage lines, in the interface's language. */
function translatePlaceholders(usage: string): string {
  return usage.replace(/\[options\]/g, t('cli.usage.options')).replace(/\[command\]/g, t('cli.usage.command'));
}

/**
 * Commander's usage errors, in one line in the interface's language. Errors from our own
 * argument parsers already are: only their sentence is kept.
 */
export function usageError(text: string): string {
  const [first = '', ...rest] = text.split('\n').filter(Boolean);
  const suggestion = rest.join(' ').match(/Did you mean (.+?)\?/)?.[1];
  const hint = suggestion ? t('cli.err.didYouMean', { suggestion }) : '';
  let m: RegExpMatchArray | null;
  if ((m = first.match(/^error: unknown command '(.*)'/))) return t('cli.err.unknownCommand', { name: m[1]! }) + hint;
  if ((m = first.match(/^error: unknown option '(.*)'/))) return t('cli.err.unknownOption', { option: m[1]! }) + hint;
  if ((m = first.match(/^error: option '(.*)' argument missing/))) return t('cli.err.valueMissing', { option: m[1]! });
  if ((m = first.match(/^error: missing required argument '(.*)'/))) return t('cli.err.argumentMissing', { name: m[1]! });
  if ((m = first.match(/^error: too many arguments(?: for '(.*)')?/))) return t('cli.err.tooManyArguments', { command: `aws-quiz ${m[1] ?? ''}`.trim() });
  if ((m = first.match(/^error: .* is invalid(?: for argument '[^']*')?\. (.+)$/))) return m[1]!;
  return first.replace(/^error: /, '');
}

/**
 * Loads a command's module, and sets up colour with it: chalk is needed by every command
 * but not by --help, which stays faster without it.
 */
async function load<T>(module: Promise<T>, env: NodeJS.ProcessEnv): Promise<T> {
  const [loaded, color] = await Promise.all([module, import('./ui/color.js')]);
  color.configureColor(env);
  quietOnClosedPipe(process.stdout);
  return loaded;
}

export function buildProgram(setExit: (code: number) => void, env: NodeJS.ProcessEnv = process.env): Command {
  const program = new Command('aws-quiz')
    .description(t('cli.description'))
    .version(packageVersion(), '-V, --version', t('cli.version'))
    .helpOption('-h, --help', t('cli.help'))
    .addOption(new Option('--lang <lang>', t('cli.lang')).argParser(oneOf('--lang', ['ja', 'en'])))
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: writeTo(1),
      writeErr: writeTo(2),
      getOutHelpWidth: () => columnsOf(1),
      getErrHelpWidth: () => columnsOf(2),
      getOutHasColors: () => false,
      getErrHasColors: () => false,
      outputError: (str, write) => write(t('error.prefix') + escapeControls(usageError(str)) + '\n'),
    })
    .configureHelp({
      // Wrapped by display width (a Japanese character takes two columns) with the rule every
      // screen uses, and at any width: commander's own stops wrapping below 40 columns of text.
      displayWidth: (text) => width(text),
      boxWrap: (text, columns) => wrap(text, columns),
      minWidthToWrap: 10,
      formatItem: (term, termWidth, description, helper) => formatHelpItem(term, termWidth, description, helper.helpWidth ?? 80),
      formatHelp: (cmd, helper) => wrapUsageLine(Help.prototype.formatHelp.call(helper, cmd, helper), helper.helpWidth ?? 80),
      commandUsage: (cmd) => translatePlaceholders(Help.prototype.commandUsage.call(new Help(), cmd)),
      subcommandTerm: (cmd) => translatePlaceholders(Help.prototype.subcommandTerm.call(new Help(), cmd)),
      styleTitle: (title) => TITLES[title]?.() ?? title,
      optionDescription: (option) => translateExtras(Help.prototype.optionDescription.call(new Help(), option)),
      argumentDescription: (argument) => translateExtras(Help.prototype.argumentDescription.call(new Help(), argument)),
    })
    .helpCommand('help [command]', t('cli.helpCommand'));

  example(
    program
      .command('practice')
      .description(t('cli.practice'))
      .addOption(new Option('-n, --count <n>', t('cli.practice.count')).argParser(intIn('--count', 1, 200)).default(10))
      .addOption(bankOption())
      .addOption(topicOption())
      .addOption(choiceOption('--focus <kind>', t('cli.practice.focus'), '--focus', ['mixed', 'due', 'weak', 'new', 'wrong', 'misconceptions']).default('mixed'))
      .addOption(seedOption())
      .option('--cram', t('cli.practice.cram'))
      .option('--no-relearn', t('cli.practice.noRelearn'))
      .option('--certainty', t('cli.practice.certainty'))
      .option('--no-certainty', t('cli.practice.noCertainty'))
      .addOption(new Option('--max-new <n>', t('cli.practice.maxNew')).argParser(capOrOff('--max-new')))
      .addOption(new Option('--max-reviews <n>', t('cli.practice.maxReviews')).argParser(capOrOff('--max-reviews')))
      .addOption(dbOption())
      .addOption(questionsOption())
      .action(async (opts) => setExit(await (await load(import('./commands/practice.js'), env)).practiceCommand(opts))),
    'aws-quiz practice --count 5 --focus weak',
    'aws-quiz practice --topic vpc/ --seed 42',
    'aws-quiz practice --cram --focus wrong',
    'aws-quiz practice --max-new 10 --max-reviews 100',
  );

  example(
    program
      .command('exam')
      .description(t('cli.exam'))
      .option('--timed', t('cli.exam.timed'))
      .addOption(choiceOption('--blueprint <name>', t('cli.exam.blueprint'), '--blueprint', ['saa', 'sap', 'quick']).default('saa'))
      .addOption(new Option('-n, --count <n>', t('cli.exam.count')).argParser(intIn('--count', 1, 200)))
      .addOption(new Option('--minutes <m>', t('cli.exam.minutes')).argParser(intIn('--minutes', 1, 600)))
      .addOption(new Option('--extra-time <m>', t('cli.exam.extraTime')).argParser(intIn('--extra-time', 1, 600)))
      .option('--esl', t('cli.exam.esl'))
      .addOption(bankOption())
      .addOption(topicOption())
      .addOption(seedOption())
      .option('--resume', t('cli.exam.resume'))
      .addOption(new Option('--review [number]', t('cli.exam.review')))
      .option('--list', t('cli.exam.list'))
      .addOption(dbOption())
      .addOption(questionsOption())
      .action(async (opts) => setExit(await (await load(import('./commands/exam.js'), env)).examCommand(opts))),
    'aws-quiz exam --timed',
    'aws-quiz exam --timed --blueprint quick',
    'aws-quiz exam --resume',
  );

  example(
    program
      .command('stats')
      .description(t('cli.stats'))
      .addOption(new Option('--since <period>', t('cli.stats.since')).default('all'))
      .addOption(bankOption())
      .option('--json', t('cli.stats.json'))
      .addOption(dbOption())
      .addOption(questionsOption())
      .action(async (opts) => setExit(await (await load(import('./commands/stats.js'), env)).statsCommand(opts))),
    'aws-quiz stats',
    'aws-quiz stats --since 7d --json',
  );

  example(
    program
      .command('errata')
      .description(t('cli.errata'))
      .option('--json', t('cli.errata.json'))
      .option('--resolve <id>', t('cli.errata.resolve'))
      .addOption(dbOption())
      .addOption(questionsOption())
      .action(async (opts) => setExit(await (await load(import('./commands/errata.js'), env)).errataCommand(opts, env))),
    'aws-quiz errata',
    'aws-quiz errata --resolve 3',
  );

  example(
    program
      .command('lint')
      .description(t('cli.lint'))
      .argument('[paths...]', t('cli.lint.paths'))
      .addOption(choiceOption('--format <format>', t('cli.lint.format'), '--format', ['text', 'json', 'github', 'sarif', 'junit']).default('text'))
      .option('--strict', t('cli.lint.strict'))
      .option('--coverage', t('cli.lint.coverage'))
      .addOption(new Option('--notes <dir>', t('cli.lint.notes')))
      .addOption(questionsOption())
      .action(async (paths: string[], opts) => setExit(await (await load(import('./commands/lint.js'), env)).lintCommand(paths, opts))),
    'aws-quiz lint questions',
    'aws-quiz lint --strict --coverage --format github questions',
    'aws-quiz lint --strict --notes ../notes questions',
  );

  example(
    program
      .command('backup')
      .description(t('cli.backup'))
      .argument('<path>', t('cli.backup.path'))
      .option('--force', t('cli.backup.force'))
      .addOption(dbOption())
      .action(async (path: string, opts) => setExit(await (await load(import('./commands/backup.js'), env)).backupCommand(path, opts))),
    'aws-quiz backup ~/aws-quiz-backup.db',
  );

  example(
    program
      .command('completion')
      .description(t('cli.completion'))
      .argument('<shell>', 'bash | zsh | fish', oneOf('<shell>', ['bash', 'zsh', 'fish']))
      .action(async (shell: string) => setExit(await (await load(import('./commands/completion.js'), env)).completionCommand(shell, program))),
    'source <(aws-quiz completion bash)',
    'aws-quiz completion fish | source',
  );

  example(
    program
      .command('readiness')
      .description(t('cli.readiness'))
      .addOption(choiceOption('--blueprint <name>', t('cli.readiness.blueprint'), '--blueprint', ['saa', 'sap']))
      .addOption(new Option('--exam-date <date>', t('cli.readiness.examDate')))
      .option('--json', t('cli.readiness.json'))
      .addOption(dbOption())
      .addOption(questionsOption())
      .action(async (opts) => setExit(await (await load(import('./commands/readiness.js'), env)).readinessCommand(opts))),
    'aws-quiz readiness --exam-date 2027-03-20',
    'aws-quiz readiness --blueprint sap --json',
  );

  example(
    program
      .command('init')
      .description(t('cli.init'))
      .argument('[dir]', t('cli.init.dir'))
      .addOption(new Option('--notes <file...>', t('cli.init.notes')))
      .option('--force', t('cli.init.force'))
      .option('--update', t('cli.init.update'))
      .action(async (dir: string | undefined, opts) => setExit(await (await load(import('./commands/init.js'), env)).initCommand(dir, opts))),
    'aws-quiz init my-bank --notes notes/vpc.md',
    'aws-quiz init my-bank --notes notes/vpc.md --update',
  );

  example(
    program
      .command('import')
      .description(t('cli.import'))
      .argument('<file>', t('cli.import.file'))
      .addOption(choiceOption('--format <format>', t('cli.import.format'), '--format', ['gift', 'aiken', 'moodle-xml', 'csv']).makeOptionMandatory())
      .addOption(new Option('--bank <name>', t('cli.import.bank')).makeOptionMandatory())
      .addOption(new Option('--out <dir>', t('cli.import.out')).makeOptionMandatory())
      .addOption(choiceOption('--domain <domain>', t('cli.import.domain'), '--domain', ['secure', 'resilient', 'performant', 'cost']))
      .addOption(new Option('--topic <topic>', t('cli.import.topic')))
      .option('--force', t('cli.import.force'))
      .action(async (file: string, opts) => setExit(await (await load(import('./commands/interop.js'), env)).importCommand(file, opts))),
    'aws-quiz import quiz.gift --format gift --bank teacher-quiz --out my-banks',
    'aws-quiz import questions.csv --format csv --bank team --out my-banks',
  );

  example(
    program
      .command('export')
      .description(t('cli.export'))
      .addOption(choiceOption('--format <format>', t('cli.export.format'), '--format', ['anki', 'gift', 'aiken', 'moodle-xml', 'csv']))
      .addOption(new Option('--out <file>', t('cli.export.out')).makeOptionMandatory())
      .addOption(bankOption())
      .addOption(topicOption())
      .addOption(new Option('--deck <name>', t('cli.export.deck')))
      .option('--reviews', t('cli.export.reviews'))
      .addOption(dbOption())
      .addOption(questionsOption())
      .action(async (opts) => setExit(await (await load(import('./commands/interop.js'), env)).exportCommand(opts))),
    'aws-quiz export --format anki --out aws-quiz.txt',
    'aws-quiz export --format moodle-xml --bank vpc --out vpc.xml',
    'aws-quiz export --reviews --out revlog.csv',
  );

  example(
    program
      .command('tune')
      .description(t('cli.tune'))
      .option('--reset', t('cli.tune.reset'))
      .addOption(dbOption())
      .action(async (opts) => setExit(await (await load(import('./commands/tune.js'), env)).tuneCommand(opts))),
    'aws-quiz tune',
    'aws-quiz tune --reset',
  );

  program
    .command('__complete', { hidden: true })
    .argument('<kind>')
    .addOption(questionsOption())
    .action(async (kind: string, opts) => setExit(await (await load(import('./commands/completion.js'), env)).completeValues(kind, opts)));

  return program;
}

/** The language is needed before commander runs, since help texts are translated. */
function langFrom(argv: string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return value && isLang(value) ? value : detectLang(env);
}

/** Runs the CLI and returns the exit code; only bin/ touches process.exitCode. */
export async function run(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  setLang(langFrom(argv, env));
  let code = 0;
  const program = buildProgram((c) => (code = c), env);
  program.exitOverride();
  program.commands.forEach((c) => c.exitOverride());
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof UserError) {
      // Messages quote what the user typed (paths, seeds, bank names): shown, never run.
      writeTo(2)(t('error.prefix') + escapeControls(err.message) + '\n');
      return err.exitCode;
    }
    if (env.AWS_QUIZ_DEBUG) writeTo(2)(String((err as Error)?.stack ?? err) + '\n');
    else writeTo(2)(t('error.prefix') + escapeControls(t('error.internal', { detail: String((err as Error)?.message ?? err) })) + '\n');
    return 1;
  }
}
