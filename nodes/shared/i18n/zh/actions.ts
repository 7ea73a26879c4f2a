export const actions: Record<string, string> = {};
