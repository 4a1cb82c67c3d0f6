import { render } from '@inquirer/testing';

const open: { controller: AbortController; answer: Promise<unknown> }[] = [];

/**
 * render() from @inquirer/testing, keeping hold of the prompt so that settlePrompts() can end it.
 * A prompt left pending is rejected with ExitPromptError when the test worker exits: an unhandled
 * rejection that makes vitest exit 1 with every test passed.
 */
export const renderPrompt: typeof render = async (prompt, config, options = {}) => {
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  const rendered = await render(prompt, config, { ...options, signal });
  open.push({ controller, answer: rendered.answer });
  return rendered;
};

/** Aborts every prompt a test started and still waits on, and waits until each has settled. */
export async function settlePrompts(): Promise<void> {
  const started = open.splice(0);
  for (const { controller } of started) controller.abort();
  await Promise.allSettled(started.map(({ answer }) => answer));
}
