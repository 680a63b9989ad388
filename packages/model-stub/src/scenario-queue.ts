import type { Scenario } from './scenario';

export interface ScenarioQueue {
  add(scenario: Scenario): void;
  /** Removes and returns the oldest scenario this request may take, if any. */
  take(options: { lastUserText: string }): Scenario | undefined;
  clear(): void;
  readonly size: number;
}

export function createScenarioQueue(): ScenarioQueue {
  const scenarios: Scenario[] = [];

  return {
    add(scenario) {
      scenarios.push(scenario);
    },
    take({ lastUserText }) {
      const index = scenarios.findIndex(
        (scenario) => scenario.match === undefined || lastUserText.includes(scenario.match),
      );
      return index === -1 ? undefined : scenarios.splice(index, 1)[0];
    },
    clear() {
      scenarios.length = 0;
    },
    get size() {
      return scenarios.length;
    },
  };
}
