import { Type } from 'typebox';

export const JobSchema = Type.Object(
  {
    id: Type.String(),
    task: Type.String({ description: 'analysis, gaps, import, export' }),
    state: Type.Union([
      Type.Literal('queued'),
      Type.Literal('running'),
      Type.Literal('done'),
      Type.Literal('failed'),
      Type.Literal('cancelled'),
    ]),
    progress: Type.Number({ minimum: 0, maximum: 1 }),
    stage: Type.String(),
    createdAt: Type.String(),
    finishedAt: Type.Union([Type.String(), Type.Null()]),
    result: Type.Union([Type.String(), Type.Null()], { description: 'Where the result is fetched once done' }),
    error: Type.Union([
      Type.Object({ status: Type.Integer(), code: Type.String(), detail: Type.String() }),
      Type.Null(),
    ]),
  },
  {
    $id: 'Job',
    description:
      'Long work runs as a job: 202 with Location /api/jobs/{id}; watch it there or at /events (server-sent events), fetch /result when done, DELETE to cancel. Send Prefer: respond-async to always get a job, or Prefer: respond-async, wait=N to get one only when the work is estimated to be long.',
  },
);
