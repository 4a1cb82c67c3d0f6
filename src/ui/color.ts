import chalk from 'chalk';

/**
 * chalk honours FORCE_COLOR and TTY detection but not NO_COLOR (https://no-color.org),
 * so that is applied here, once, at start-up.
 */
export function configureColor(env: NodeJS.ProcessEnv, stream: { isTTY?: boolean } = process.stdout): void {
  if (env.NO_COLOR) chalk.level = 0;
  else if (!stream.isTTY && !env.FORCE_COLOR) chalk.level = 0;
}

export { chalk };
