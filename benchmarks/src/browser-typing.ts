/**
 * @module In-page instruments for the web bench. From each input event in the reply box, the probe looks at the start
 * of every frame whether the coaching on screen is for the text now in the box (the composer publishes that text as
 * `window.keelCoachedText` when React commits it), and takes the time right after that frame has been painted. Injected with `page.evaluate`, so it runs in the browser and must stay self-contained.
 */

export interface TypingSamples {
  /** Input event → the first frame showing the coaching for that text, painted (ms). */
  inputToRender: number[];
  /** Input event → the first frame after it, painted: the keystroke itself on screen (ms). */
  echo: number[];
  /** Frames painted between the keystroke's own frame and the one with its coaching (0: the same frame). */
  framesLate: number[];
  /** Main-thread time of the keystroke's own work: the input event, with React's render and any coach run in it. */
  inputHandling: number[];
  /** The coach's own run for the same keystrokes (ms), as the composer records it (keystrokes it ran for). */
  coach: number[];
}

declare global {
  interface Window {
    keelCoachTimings?: number[];
    keelCoachedText?: string;
    keelBench?: TypingSamples;
  }
}

/**
 * The injected code is serialised from source: helpers are assigned to object members, because a tool that keeps
 * function names would wrap named functions in a helper that does not exist in the page.
 */
export function installTypingProbe(): void {
  const runs = window.keelCoachTimings;
  if (!runs) throw new Error("the composer does not publish window.keelCoachTimings");
  const samples: TypingSamples = {
    inputToRender: [],
    echo: [],
    framesLate: [],
    inputHandling: [],
    coach: [],
  };
  window.keelBench = samples;
  // Counts coach runs even once the composer's own list stops growing (it keeps the last 2,000).
  let total = 0;
  let last = 0;
  const push = runs.push.bind(runs);
  runs.push = (...values: number[]) => {
    total += values.length;
    last = values.at(-1) ?? 0;
    return push(...values);
  };
  const on: { afterPaint?: (then: () => void) => void } = {};
  // The first task after a frame has started runs once that frame has been painted.
  on.afterPaint = (then) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      then();
    };
    channel.port2.postMessage(0);
  };
  document.addEventListener(
    "input",
    (event) => {
      const box = event.target;
      if (!(box instanceof HTMLTextAreaElement) || !box.classList.contains("draft-input")) return;
      // Plain clock readings: a `performance.mark` per keystroke showed in the page's profile at ~0.3 ms each.
      const started = performance.now();
      const runsBefore = total;
      // React listens at its root; a listener on the window hears the event after React has rendered and committed.
      window.addEventListener("input", () => samples.inputHandling.push(performance.now() - started), {
        once: true,
      });
      const frame: { frames: number; check?: () => void } = { frames: 0 };
      frame.check = () => {
        if (frame.frames === 0) on.afterPaint?.(() => samples.echo.push(performance.now() - started));
        // At the start of a frame: is the coaching React has committed the one for the text in the box?
        if (window.keelCoachedText !== box.value) {
          frame.frames++;
          requestAnimationFrame(() => frame.check?.());
          return;
        }
        const late = frame.frames;
        on.afterPaint?.(() => {
          samples.inputToRender.push(performance.now() - started);
          samples.framesLate.push(late);
          if (total > runsBefore) samples.coach.push(last);
        });
      };
      requestAnimationFrame(() => frame.check?.());
    },
    true,
  );
}
