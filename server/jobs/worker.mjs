// The worker threads' entry: TypeScript is loaded through tsx as in bin/aktorsatlas.js, then the task dispatcher.
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import('./tasks.ts');

export default runTask;
