/**
 * @module In-page instruments for the web bench. Each input event in the reply box marks `keel-input`; when the
 * coach has run on that text and React has committed the result, `keel-rendered` is marked and the measure
 * between them kept. Injected with `page.evaluate`, so it runs in the browser and must stay self-contained.
 */

export interface TypingSamples {
  /** Input event → coaching committed to the DOM, per keystroke (ms). */
  inputToRender: number[];
  /** Input event → the first task after it: the keystroke itself rendered (React flushes input updates at once). */
  echo: number[];
  /** The coach's own run for the same keystrokes (ms), as the composer records it. */
  coach: number[];
}

declare global {
  interface Window {
    keelCoachTimings?: number[];
    keelBench?: TypingSamples;
  }
}

export function installTypingProbe(): void {
  const runs = window.keelCoachTimings;
  if (!runs) throw new Error("the composer does not publish window.keelCoachTimings");
  const samples: TypingSamples = { inputToRender: [], echo: [], coach: [] };
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
  document.addEventListener(
    "input",
    (event) => {
      const box = event.target;
      if (!(box instanceof HTMLTextAreaElement) || !box.classList.contains("draft-input")) return;
      const started = performance.mark("keel-input").startTime;
      const seen = total;
      let ticks = 0;
      // Message-channel ticks interleave with React's scheduler (which uses them too) at sub-millisecond grain.
      const channel = new MessageChannel();
      let coached = false;
      channel.port1.onmessage = () => {
        if (ticks++ === 0) samples.echo.push(performance.now() - started);
        if (coached) {
          // One task after the coach's render: React commits in the task that rendered.
          performance.mark("keel-rendered");
          samples.inputToRender.push(
            performance.measure("keel-input-to-render", "keel-input", "keel-rendered").duration,
          );
          samples.coach.push(last);
          channel.port1.close();
          return;
        }
        coached = total > seen;
        channel.port2.postMessage(0);
      };
      channel.port2.postMessage(0);
    },
    true,
  );
}
