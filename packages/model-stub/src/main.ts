import { readEnv } from './env';
import { startModelStub } from './start-model-stub';

const env = readEnv();
const stub = await startModelStub(env);
process.stdout.write(`model stub listening on ${stub.url} (use it as the Anthropic baseURL)\n`);

const stop = () => {
  void stub.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
