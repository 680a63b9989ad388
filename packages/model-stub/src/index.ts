export { countTokens } from './count-tokens';
export { readFixture, type FixtureName } from './read-fixture';
export type {
  CutScenario,
  ErrorMidStreamScenario,
  HangScenario,
  HttpErrorScenario,
  RawScenario,
  ReplyScenario,
  Scenario,
  UsageOverride,
} from './scenario';
export { startModelStub, type ModelStub, type ModelStubOptions } from './start-model-stub';
export type { RecordedRequest } from './stub-state';
export type { MessagesRequest } from './messages-request';
