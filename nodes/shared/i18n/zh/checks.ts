export const checks: Record<string, string> = {};
