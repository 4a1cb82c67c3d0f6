import { useEffect, useRef, useState } from '@inquirer/core';

// A prompt drawn in place (not on the alternate screen) is erased before each redraw by
// counting the rows it drew. A resize breaks that count: a narrower terminal reflows what
// is already on screen (each terminal its own way, wide characters included), and the
// erase falls short, leaving a stray line above the header. So on a resize the visible
// screen is cleared and the prompt draws again from its top-left corner at the new size,
// as full-screen programs do; what scrolled off above stays in the scrollback.

const HOME_AND_CLEAR = '\x1b[H\x1b[J';

/**
 * Redraws the prompt, from the top of a cleared screen, whenever the terminal is resized;
 * not when `enabled` is false (a screen printed above the prompt would be cleared away).
 */
export function useRedrawOnResize(enabled = true, out: NodeJS.WriteStream = process.stdout): void {
  const resizes = useRef(0);
  const [, setResizes] = useState(0);
  useEffect(() => {
    const onResize = () => {
      if (!enabled) return;
      out.write(HOME_AND_CLEAR);
      setResizes(++resizes.current);
    };
    out.on('resize', onResize);
    return () => {
      out.off('resize', onResize);
    };
  }, []);
}
