// Shell completion scripts, generated from the commander program so they never fall
// behind the real commands and flags. Bank and topic names are asked of aws-quiz itself
// at completion time (`aws-quiz __complete banks|topics`), so they follow --questions banks.

export interface CompletionSpec {
  commands: { name: string; description: string; options: { flag: string; takesValue: boolean; choices?: string[]; description: string }[] }[];
  globalOptions: string[];
}

const DYNAMIC: Record<string, string> = { '--bank': 'banks', '--topic': 'topics' };
const FILES = new Set(['--db', '--questions']);

export function bashScript(spec: CompletionSpec): string {
  const cases = spec.commands
    .map((c) => `    ${c.name}) opts="${c.options.map((o) => o.flag).join(' ')} --help" ;;`)
    .join('\n');
  const valueCases = new Map<string, string>();
  for (const c of spec.commands)
    for (const o of c.options) {
      if (DYNAMIC[o.flag])
        valueCases.set(o.flag, `_aws_quiz_banks_typed; COMPREPLY=( $(compgen -W "$(aws-quiz __complete ${DYNAMIC[o.flag]} "\${qs[@]}" 2>/dev/null)" -- "$cur") ); return 0 ;;`);
      else if (FILES.has(o.flag)) valueCases.set(o.flag, 'COMPREPLY=( $(compgen -f -- "$cur") ); return 0 ;;');
      else if (o.choices) valueCases.set(o.flag, `COMPREPLY=( $(compgen -W "${o.choices.join(' ')}" -- "$cur") ); return 0 ;;`);
      else if (o.takesValue) valueCases.set(o.flag, 'return 0 ;;');
    }
  return `# aws-quiz completion for bash. Load it with:  source <(aws-quiz completion bash)
# The --questions already typed, so --bank and --topic complete from those banks.
_aws_quiz_banks_typed() {
  local i w
  qs=()
  for ((i = 1; i < COMP_CWORD - 1; i++)); do
    if [ "\${COMP_WORDS[i]}" = --questions ]; then w="\${COMP_WORDS[i+1]}"; qs+=(--questions "\${w/#\\~/$HOME}"); fi
  done
}
_aws_quiz() {
  local cur prev cmd opts i
  local -a qs
  COMPREPLY=()
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  case "$prev" in
    --lang) COMPREPLY=( $(compgen -W "ja en" -- "$cur") ); return 0 ;;
${[...valueCases].map(([flag, body]) => `    ${flag}) ${body}`).join('\n')}
  esac
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      --lang) ((i++)) ;;
      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  if [ -z "$cmd" ]; then
    COMPREPLY=( $(compgen -W "${spec.commands.map((c) => c.name).join(' ')} ${spec.globalOptions.join(' ')}" -- "$cur") )
    return 0
  fi
  case "$cmd" in
${cases}
    *) opts="" ;;
  esac
  COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  if [ "$cmd" = lint ] && [[ "$cur" != -* ]]; then COMPREPLY+=( $(compgen -f -- "$cur") ); fi
  return 0
}
complete -F _aws_quiz aws-quiz
`;
}

/** zsh runs the bash function through its bash compatibility layer. */
export function zshScript(spec: CompletionSpec): string {
  return `# aws-quiz completion for zsh. Load it with:  source <(aws-quiz completion zsh)
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
${bashScript(spec).split('\n').slice(1).join('\n')}`;
}

const fishQuote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export function fishScript(spec: CompletionSpec): string {
  const names = spec.commands.map((c) => c.name).join(' ');
  const lines = [
    '# aws-quiz completion for fish. Load it with:  aws-quiz completion fish | source',
    'complete -c aws-quiz -f',
    '# Bank and topic names come from the banks of any --questions already typed.',
    'function __aws_quiz_complete',
    '  set -l tokens (commandline -opc)',
    '  set -l args',
    '  for i in (seq (math (count $tokens) - 1))',
    '    if test "$tokens[$i]" = --questions',
    '      set -a args --questions $tokens[(math $i + 1)]',
    '    end',
    '  end',
    '  aws-quiz __complete $argv $args 2>/dev/null',
    'end',
    `complete -c aws-quiz -n 'not __fish_seen_subcommand_from ${names}' -l lang -x -a 'ja en'`,
    ...spec.commands.map((c) => `complete -c aws-quiz -n 'not __fish_seen_subcommand_from ${names}' -a ${c.name} -d ${fishQuote(c.description)}`),
  ];
  for (const c of spec.commands)
    for (const o of c.options) {
      const cond = `-n '__fish_seen_subcommand_from ${c.name}'`;
      const long = `-l ${o.flag.replace(/^--/, '')}`;
      const desc = `-d ${fishQuote(o.description)}`;
      if (DYNAMIC[o.flag]) lines.push(`complete -c aws-quiz ${cond} ${long} -x -a '(__aws_quiz_complete ${DYNAMIC[o.flag]})' ${desc}`);
      else if (FILES.has(o.flag)) lines.push(`complete -c aws-quiz ${cond} ${long} -r -F ${desc}`);
      else if (o.choices) lines.push(`complete -c aws-quiz ${cond} ${long} -x -a '${o.choices.join(' ')}' ${desc}`);
      else lines.push(`complete -c aws-quiz ${cond} ${long}${o.takesValue ? ' -x' : ''} ${desc}`);
    }
  lines.push(`complete -c aws-quiz -n '__fish_seen_subcommand_from lint' -F`);
  return lines.join('\n') + '\n';
}
