export const operations: Record<string, string> = {};
