/** A command's action reports its exit code here (-1 while a server keeps running). */
export type SetExitCode = (code: number) => void;
