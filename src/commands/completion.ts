import type { Command } from 'commander';
import { questionMetaFor } from './quiz-banks.js';
import { bashScript, fishScript, zshScript, type CompletionSpec } from '../ui/completion.js';

export function completionSpec(program: Command): CompletionSpec {
  return {
    commands: program.commands
      .filter((c) => !(c as Command & { _hidden?: boolean })._hidden && c.name() !== 'help')
      .map((c) => ({
        name: c.name(),
        description: c.description(),
        options: c.options
          .filter((o) => o.long)
          .map((o) => ({
            flag: o.long!,
            takesValue: o.required || o.optional,
            ...(o.argChoices && { choices: o.argChoices }),
            description: o.description,
          })),
      })),
    globalOptions: program.options.flatMap((o) => (o.long ? [o.long] : [])),
  };
}

export async function completionCommand(shell: string, program: Command): Promise<number> {
  const spec = completionSpec(program);
  const script = shell === 'bash' ? bashScript(spec) : shell === 'zsh' ? zshScript(spec) : fishScript(spec);
  process.stdout.write(script);
  return 0;
}

/** Names for completing --bank and --topic; quiet on any failure, as completion must be. */
export async function completeValues(kind: string, options: { questions?: string[] }): Promise<number> {
  try {
    const questions = await questionMetaFor(options);
    const names = kind === 'banks' ? questions.map((q) => q.bank) : questions.map((q) => q.topic);
    process.stdout.write([...new Set(names)].sort().join('\n') + '\n');
  } catch {
    // Completion never prints errors into the user's command line.
  }
  return 0;
}
