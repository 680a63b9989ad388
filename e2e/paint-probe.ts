import type { Page } from '@playwright/test';

declare global {
  interface Window {
    __paintProbe?: { latencies: number[]; lengths: number[] };
  }
}

/**
 * Measures, in the page, the time from each chat delta's arrival (an SSE message seen by the
 * browser's EventSource) to the first paint after the DOM changed for it. The app is not
 * instrumented: EventSource is wrapped before the app loads, DOM changes are seen with a
 * MutationObserver, and "after paint" is a task queued from the frame that rendered the change.
 * It also records the streaming reply's text length at each change, to show it grew in steps.
 */
export async function installPaintProbe(page: Page) {
  await page.addInitScript(() => {
    const probe = { latencies: [] as number[], lengths: [] as number[] };
    window.__paintProbe = probe;
    let waiting: number[] = [];
    let inFrame = false;

    const nativeFrame = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) =>
      nativeFrame((time) => {
        inFrame = true;
        try {
          callback(time);
        } finally {
          inFrame = false;
        }
      });

    const afterPaint = (done: () => void) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = done;
      // Changed inside a frame callback: that frame paints next. Otherwise: the next frame does.
      if (inFrame) channel.port2.postMessage(null);
      else nativeFrame(() => channel.port2.postMessage(null));
    };

    const NativeEventSource = window.EventSource;
    window.EventSource = class extends NativeEventSource {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        this.addEventListener('message', (event: MessageEvent<string>) => {
          if (event.data.includes('"type":"delta"')) waiting.push(performance.now());
        });
      }
    };

    new MutationObserver(() => {
      const streaming = document.querySelector('[data-streaming]');
      if (streaming) probe.lengths.push((streaming.textContent ?? '').length);
      if (waiting.length === 0 || !streaming) return;
      const arrivals = waiting;
      waiting = [];
      afterPaint(() => {
        const painted = performance.now();
        for (const arrival of arrivals) probe.latencies.push(painted - arrival);
      });
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

export async function readPaintProbe(page: Page) {
  const probe = await page.evaluate(() => window.__paintProbe ?? { latencies: [], lengths: [] });
  const sorted = [...probe.latencies].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return {
    samples: sorted.length,
    median: at(0.5),
    p95: at(0.95),
    distinctLengths: new Set(probe.lengths).size,
  };
}
