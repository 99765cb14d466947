// The worker threads' entry: the compiled tasks when the bin runs from dist/ (it names them in AKTORSATLAS_TASKS),
// else the TypeScript sources through tsx (tests, `npx tsx`).
let runTask;
const compiled = process.env.AKTORSATLAS_TASKS;
if (compiled) {
  ({ runTask } = await import(compiled));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runTask } = await import('./tasks.ts'));
}

export default runTask;
