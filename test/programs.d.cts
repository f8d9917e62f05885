/** The programs from outside npm that some suites need (see programs.cjs). */
export type ProgramKey = "chromium" | "libreoffice";
export declare const PROGRAMS: Record<ProgramKey, { name: string; env: string; commands: string[]; needs: string; install: string }>;
/** The program's path, or undefined when it is missing. */
export declare function findProgram(key: ProgramKey): string | undefined;
/** The one line a user sees for a missing program. */
export declare function missingLine(key: ProgramKey, ci?: boolean): string;
/** Names each missing program in one line, or throws under CI; returns the missing ones. */
export declare function reportMissing(write?: (line: string) => void): ProgramKey[];
